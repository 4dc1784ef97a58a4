// The output side of `kcheck check`, kept apart from the search: --out and --junit are validated before anything
// is explored (exit 2), stale temp files of killed runs are swept, and a write that still fails afterwards is one
// KC_IO line on stderr that never replaces the verdict's exit code.

import { dirname } from 'node:path';
import { isKcheckError } from '../errors.ts';
import { sweepStaleTemps } from '../report/write-atomic.ts';
import type { CliIo } from './command.ts';
import { validateOutDir, validateOutputFile } from './validate-output.ts';

export interface OutputTargets {
  readonly outDir: string;
  readonly junit: string | undefined;
}

export function outputTargets(values: Record<string, unknown>): OutputTargets {
  const outDir = typeof values.out === 'string' ? values.out : 'reports';
  const junit = typeof values.junit === 'string' ? values.junit : undefined;
  validateOutDir(outDir);
  if (junit !== undefined) validateOutputFile('--junit', junit);
  sweepStaleTemps(outDir);
  if (junit !== undefined) sweepStaleTemps(dirname(junit));
  return { outDir, junit };
}

/** Runs a write; a KC_IO failure is reported on stderr and `fallback` returned, so the verdict still stands. */
export function guardWrite<T>(io: CliIo, command: string, write: () => T, fallback: T): T {
  try {
    return write();
  } catch (error) {
    if (!isKcheckError(error) || error.code !== 'KC_IO') throw error;
    io.err(`kcheck ${command}: ${error.message} [${error.code}]\n`);
    return fallback;
  }
}
