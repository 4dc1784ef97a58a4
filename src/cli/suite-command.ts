// `kcheck suite`: runs every (model, preset) pair that declares an expectation and reports each; exit 0 only if
// all are met. `--junit FILE` writes one testcase per pair; `--format json` prints one object with every case.

import { availableParallelism } from 'node:os';
import { runSuiteParallel } from '../check/run-suite-parallel.ts';
import type { SuiteCase } from '../check/run-suite.ts';
import { KcheckError } from '../errors.ts';
import { junitXml } from '../report/junit.ts';
import { writeFileAtomic } from '../report/write-atomic.ts';
import type { CliIo, Command } from './command.ts';
import { EXIT } from './exit-codes.ts';
import { enumOption, intOption, listOption, parseOptions } from './parse-options.ts';
import { modelNamed, type Registry } from './registry.ts';

const USAGE = 'kcheck suite [--model NAME]... [--jobs N] [--format text|json] [--junit FILE]';

export function suiteCommand(registry: Registry): Command {
  return {
    name: 'suite',
    summary: 'check every preset against its expectation (the CI gate)',
    usage: USAGE,
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, values } = parseOptions(args, { format: { type: 'string' }, junit: { type: 'string' }, jobs: { type: 'string' }, model: { type: 'string', multiple: true } }, USAGE);
      if (positionals.length > 0) throw new KcheckError('KC_USAGE', `suite takes no positional arguments; usage: ${USAGE}`);
      const format = enumOption(values, 'format', ['text', 'json'] as const, 'text');
      const names = listOption(values, 'model');
      const models = names.length > 0 ? names.map((n) => modelNamed(registry, n)) : registry.models;
      // Cases run on `--jobs` threads (default: one per core) and are reported in suite order.
      const jobs = intOption(values, 'jobs', 1) ?? availableParallelism();
      const cases: SuiteCase[] = [];
      for await (const c of runSuiteParallel(models, jobs, registry.source)) {
        cases.push(c);
        if (format === 'text') {
          const secs = (c.durationMs / 1000).toFixed(2);
          io.out(`${c.met ? 'PASS' : 'FAIL'}  ${`${c.model}/${c.preset}`.padEnd(44)} expect ${c.expect.padEnd(34)} ${c.detail} [${c.distinctStates.toLocaleString('en-US')} states, ${secs} s]\n`);
        }
      }
      const failed = cases.filter((c) => !c.met).length;
      if (typeof values.junit === 'string') {
        writeFileAtomic(
          values.junit,
          junitXml('kcheck suite', cases.map((c) => ({ classname: c.model, name: `${c.preset}: ${c.expect}`, timeSec: c.durationMs / 1000, failure: c.met ? null : c.detail }))),
        );
      }
      if (format === 'json') io.out(`${JSON.stringify({ total: cases.length, passed: cases.length - failed, failed, cases })}\n`);
      else io.out(`\nsuite: ${cases.length - failed} of ${cases.length} expectations met\n`);
      return failed === 0 ? EXIT.ok : EXIT.violation;
    },
  };
}
