// Checks --out and --junit before a search starts, so a path that can never be written is a one-line KC_BAD_OPTION
// (exit 2, nothing explored) rather than a verdict lost afterwards. /proc and /sys are refused outright: Node 20's
// recursive mkdir spins forever there.

import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { KcheckError } from '../errors.ts';

const PSEUDO = /^\/(proc|sys)(\/|$)/;

/** The nearest existing ancestor of `path` (or `path` itself), resolved through symlinks. */
function nearestExisting(path: string): string {
  let at = resolve(path);
  for (;;) {
    try {
      statSync(at);
      return realpathSync(at);
    } catch {
      const up = dirname(at); // ENOENT, or ENOTDIR below a file: the caller reports what the ancestor is
      if (up === at) return at;
      at = up;
    }
  }
}

function refuse(flag: string, path: string, why: string, fix: string): never {
  throw new KcheckError('KC_BAD_OPTION', `${flag} '${path}' ${why}; ${fix}`);
}

/** Ensures `dir` is, or can be created as, a writable directory. */
export function validateOutDir(dir: string): void {
  const fix = 'pass a writable directory to --out';
  if (dir.trim() === '') refuse('--out', dir, 'is empty', fix);
  const base = nearestExisting(dir);
  if (PSEUDO.test(base) || PSEUDO.test(resolve(dir))) refuse('--out', dir, 'is in a kernel pseudo-filesystem', fix);
  let isDir = false;
  try {
    isDir = statSync(base).isDirectory();
  } catch {
    refuse('--out', dir, 'cannot be reached', fix);
  }
  if (!isDir) refuse('--out', dir, base === resolve(dir) ? 'is not a directory' : `is below ${base}, which is not a directory`, fix);
  try {
    accessSync(base, constants.W_OK | constants.X_OK);
  } catch {
    refuse('--out', dir, `cannot be written (${base} is not writable)`, fix);
  }
}

/** Ensures `file` is a writable regular file, a writable non-directory node (FIFO, device), or can be created. */
export function validateOutputFile(flag: string, file: string): void {
  const fix = `pass a writable file path to ${flag}`;
  if (file.trim() === '') refuse(flag, file, 'is empty', fix);
  let existing: ReturnType<typeof statSync> | null = null;
  try {
    existing = statSync(file);
  } catch {
    existing = null;
  }
  if (existing?.isDirectory()) refuse(flag, file, 'is a directory', fix);
  if (existing) {
    try {
      accessSync(file, constants.W_OK);
    } catch {
      refuse(flag, file, 'is not writable', fix);
    }
    return;
  }
  const parent = dirname(resolve(file));
  const base = nearestExisting(parent);
  if (PSEUDO.test(base)) refuse(flag, file, 'is in a kernel pseudo-filesystem', fix);
  if (!statSync(base).isDirectory()) refuse(flag, file, `is below ${base}, which is not a directory`, fix);
  try {
    accessSync(base, constants.W_OK | constants.X_OK);
  } catch {
    refuse(flag, file, `cannot be created (${base} is not writable)`, fix);
  }
}
