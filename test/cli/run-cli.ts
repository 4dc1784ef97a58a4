// Test helper: runs the CLI in-process with the real registry and captures stdout, stderr and the exit code.
import { expect } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { registry } from '../../wiring/registry.ts';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, registry, { out: (t) => (out += t), err: (t) => (err += t), isTty: false });
  return { code, out, err };
}

/** A refusal as the CLI promises it: exit 2, nothing on stdout, one stderr line matching `message`, ending in `[code]`. */
export function expectRefusal(run: CliRun, message: RegExp, code?: string): void {
  expect(run.code).toBe(2);
  expect(run.out).toBe('');
  const lines = run.err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  if (code !== undefined) expect(lines[0].endsWith(`[${code}]`)).toBe(true);
}
