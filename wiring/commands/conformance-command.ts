// `kcheck conformance [FILE...]`: runs Kafka's unit-test vectors (default: the project's copies) against kcheck's
// rule functions and prints each failure, or one JSON object {total, passed, failed, skipped, results}. Exit 0
// iff nothing failed.

import type { CliIo, Command } from '../../src/cli/command.ts';
import { enumOption, parseOptions } from '../../src/cli/parse-options.ts';
import { runConformance } from '../../src/conformance/run-vectors.ts';
import { allAdapters, VECTOR_FILES } from '../conformance/all-adapters.ts';

const USAGE = 'kcheck conformance [FILE...] [--format text|json]';

export const conformanceCommand: Command = {
  name: 'conformance',
  summary: "run Kafka's own unit-test vectors against kcheck's rule functions",
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseOptions(args, { format: { type: 'string' } }, USAGE);
    const format = enumOption(values, 'format', ['text', 'json'] as const, 'text');
    const report = runConformance(allAdapters, positionals.length > 0 ? positionals : VECTOR_FILES);
    if (format === 'json') {
      io.out(`${JSON.stringify(report)}\n`);
    } else {
      const files = [...new Set(report.results.map((r) => r.file))];
      for (const file of files) {
        const mine = report.results.filter((r) => r.file === file);
        const n = (s: string): number => mine.filter((r) => r.status === s).length;
        io.out(`${file.padEnd(26)} ${n('pass')} passed, ${n('fail')} failed, ${n('skipped')} skipped\n`);
      }
      for (const r of report.results.filter((x) => x.status !== 'pass')) {
        io.out(`  ${r.status.toUpperCase()}  ${r.file} ${r.id} (${r.algorithm}): ${r.detail}\n`);
      }
      io.out(`conformance: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped of ${report.total} vectors\n`);
    }
    return report.failed === 0 ? 0 : 1;
  },
};
