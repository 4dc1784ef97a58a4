// `kcheck suite`: runs every (model, preset) pair that declares an expectation and reports each; exit 0 only if
// all are met. An unmet case prints its steps and the command that reruns it; `--out DIR` writes its trace and
// reports plus DIR/index.json; `--junit FILE` writes one testcase per pair; `--format json` prints one object.

import { availableParallelism } from 'node:os';
import { runSuiteParallel } from '../check/run-suite-parallel.ts';
import type { SuiteCase } from '../check/run-suite.ts';
import { KcheckError } from '../errors.ts';
import { junitXml } from '../report/junit.ts';
import { indexViolations, writeRunIndex } from '../report/run-index.ts';
import { writeFileAtomic } from '../report/write-atomic.ts';
import type { CliIo, Command } from './command.ts';
import { EXIT } from './exit-codes.ts';
import { enumOption, helpText, intOption, listOption, parseOptions, type OptionSpec } from './parse-options.ts';
import { LOG_INTERVAL_MS, suiteProgressLine } from './progress-printer.ts';
import { modelNamed, type Registry } from './registry.ts';

const USAGE = 'kcheck suite [--model NAME]... [--jobs N] [--out DIR] [--format text|json] [--junit FILE] [--quiet]';

const OPTIONS = {
  model: { type: 'string', multiple: true, arg: 'NAME', doc: 'only this model\'s presets', shown: 'every model' },
  jobs: { type: 'string', arg: 'N', doc: 'worker threads running cases (reported in suite order either way)', shown: 'one per core' },
  out: { type: 'string', arg: 'DIR', doc: 'write the trace, Markdown and HTML of every unmet case, and DIR/index.json + index.md', shown: 'none: print only' },
  format: { type: 'string', arg: 'text|json', doc: 'one line per case, or one JSON object {total, passed, failed, cases}', shown: 'text' },
  junit: { type: 'string', arg: 'FILE', doc: 'write JUnit XML, one testcase per (model, preset)', shown: 'none' },
  quiet: { type: 'boolean', doc: `no progress lines on stderr (otherwise one every ${LOG_INTERVAL_MS / 1000} s)`, shown: 'off' },
} as const satisfies OptionSpec;

const EXAMPLES = ['npx kcheck suite', 'npx kcheck suite --model zk-controller --jobs 2', 'npx kcheck suite --junit reports/junit.xml --out reports'];

export function suiteCommand(registry: Registry): Command {
  return {
    name: 'suite',
    summary: 'check every preset against its expectation (the CI gate)',
    usage: USAGE,
    help: () =>
      helpText('kcheck suite — check every preset against its expectation (the CI gate)', USAGE, OPTIONS, EXAMPLES, [
        '',
        'each preset runs with BFS within its own bounds (no time limit); "holds" needs every witness reached',
        'exit codes: 0 every expectation met, 1 some not met, 2 bad input',
      ]),
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, values } = parseOptions(args, OPTIONS, USAGE);
      if (positionals.length > 0) throw new KcheckError('KC_USAGE', `suite takes no positional arguments; usage: ${USAGE}`);
      const format = enumOption(values, 'format', ['text', 'json'] as const, 'text');
      const names = listOption(values, 'model');
      const models = names.length > 0 ? names.map((n) => modelNamed(registry, n)) : registry.models;
      const outDir = typeof values.out === 'string' ? values.out : undefined;
      // Cases run on `--jobs` threads (default: one per core) and are reported in suite order.
      const jobs = intOption(values, 'jobs', 1) ?? availableParallelism();
      const order = models.flatMap((m) => m.presets.map((p) => `${m.name}/${p.name}`));
      const total = order.length;
      const cases: SuiteCase[] = [];
      const started = Date.now();
      let lastLine = started;
      const tick = (): void => {
        if (values.quiet === true || Date.now() - lastLine < LOG_INTERVAL_MS) return;
        lastLine = Date.now();
        io.err(suiteProgressLine(cases.length, total, order[cases.length] ?? null, lastLine - started));
      };
      const timer = setInterval(tick, 1000);
      timer.unref();
      try {
        for await (const c of runSuiteParallel(models, jobs, registry.source, outDir)) {
          cases.push(c);
          if (format === 'text') {
            const secs = (c.durationMs / 1000).toFixed(2);
            io.out(`${c.met ? 'PASS' : 'FAIL'}  ${`${c.model}/${c.preset}`.padEnd(44)} expect ${c.expect.padEnd(34)} ${c.detail} [${c.distinctStates.toLocaleString('en-US')} states, ${secs} s]\n`);
            if (!c.met) io.out(`${[...c.story, `rerun: ${c.rerun}`].map((l) => `      ${l}`).join('\n')}\n`);
          }
          tick();
        }
      } finally {
        clearInterval(timer);
      }
      const failed = cases.filter((c) => !c.met).length;
      if (outDir !== undefined) {
        writeRunIndex(
          outDir,
          cases.map((c) => ({
            configuration: c.configuration,
            command: 'suite',
            model: c.model,
            preset: c.preset,
            verdict: c.met ? 'met' : 'not met',
            detail: `expect ${c.expect}: ${c.detail}`,
            rerun: c.rerun ?? `npx kcheck suite --model ${c.model}`,
            violations: indexViolations(c.files),
          })),
        );
      }
      if (typeof values.junit === 'string') {
        const byModel = models.map((m) => ({
          name: `kcheck suite ${m.name}`,
          cases: cases
            .filter((c) => c.model === m.name)
            .map((c) => ({
              classname: c.configuration,
              name: `${c.preset}: expect ${c.expect}`,
              timeSec: c.durationMs / 1000,
              failure: c.met ? null : { message: c.detail, body: [c.detail, ...c.story, `rerun: ${c.rerun}`].join('\n') },
              systemOut: `${c.detail} [${c.distinctStates} states, depth ${c.maxDepth}]`,
            })),
        }));
        writeFileAtomic(values.junit, junitXml(byModel.filter((s) => s.cases.length > 0)));
      }
      if (format === 'json') io.out(`${JSON.stringify({ total: cases.length, passed: cases.length - failed, failed, cases })}\n`);
      else io.out(`\nsuite: ${cases.length - failed} of ${cases.length} expectations met\n`);
      return failed === 0 ? EXIT.ok : EXIT.violation;
    },
  };
}
