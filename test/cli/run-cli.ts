// Test helper: runs the CLI in-process with the real registry and captures stdout, stderr and the exit code.
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
