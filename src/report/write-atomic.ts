// Writes a file atomically: to a temporary sibling, then rename, so an interrupted run (Ctrl-C) never leaves a
// half-written trace or report behind. Errors surface as one-line KC_IO errors naming the path.

import { mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { KcheckError } from '../errors.ts';

export function writeFileAtomic(path: string, contents: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, contents);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new KcheckError('KC_IO', `cannot write ${path} (${reason}); choose a writable --out directory`);
  }
}
