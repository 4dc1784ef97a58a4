// Writes a file atomically when it is (or will be) a regular file: to a recognisable temporary sibling
// (`NAME.kcheck-PID.tmp`), then rename, so an interrupted run never leaves a half-written trace or report. Anything
// else at the path (a FIFO, a device, a symlink such as /dev/stdout) is written through, never replaced.

import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KcheckError } from '../errors.ts';

/** Temp files of a run that died between write and rename; `sweepStaleTemps` removes them on a later run. */
const TEMP = /\.kcheck-(\d+)\.tmp$/;

export function tempNameFor(path: string): string {
  return `${path}.kcheck-${process.pid}.tmp`;
}

export function writeFileAtomic(path: string, contents: string): void {
  const temp = tempNameFor(path);
  let wroteTemp = false;
  try {
    const existing = lstatOrNull(path);
    if (existing !== null && !existing.isFile()) {
      if (existing.isDirectory()) throw new Error('it is a directory');
      writeFileSync(path, contents); // FIFO, device, symlink: write through, keep the node itself
      return;
    }
    mkdirSync(dirname(path), { recursive: true });
    wroteTemp = true;
    writeFileSync(temp, contents);
    renameSync(temp, path);
  } catch (error) {
    if (wroteTemp) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // the original error is the one worth reporting
      }
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new KcheckError('KC_IO', `cannot write ${path} (${reason}); choose a writable --out directory or --junit file`);
  }
}

/** Removes `*.kcheck-PID.tmp` files in `dir` left by processes that no longer run. Never throws. */
export function sweepStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMP.exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    try {
      rmSync(join(dir, basename(name)), { force: true });
    } catch {
      // a temp we cannot remove is harmless: its name says what it is
    }
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
