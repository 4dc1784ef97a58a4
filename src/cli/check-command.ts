// `kcheck check <model>`: resolve params (defaults ← preset ← config ← --set), run BFS or simulation, write each
// counterexample as an ITF trace and a Markdown report, print text or one JSON object, and return the exit code.

import { randomInt } from 'node:crypto';
import { checkModelParallel } from '../check/run-check.ts';
import { KcheckError } from '../errors.ts';
import type { Strategy } from '../explore/outcome.ts';
import { checkSummary } from '../report/check-summary.ts';
import { junitXml } from '../report/junit.ts';
import { textSummary } from '../report/text-summary.ts';
import { writeFileAtomic } from '../report/write-atomic.ts';
import { writeViolationFiles } from '../report/write-violation-files.ts';
import type { CliIo, Command } from './command.ts';
import { exitCodeFor } from './exit-codes.ts';
import { enumOption, intOption, listOption, parseOptions } from './parse-options.ts';
import { progressPrinter } from './progress-printer.ts';
import { readConfig } from './read-config.ts';
import { modelNamed, type Registry } from './registry.ts';

const USAGE =
  'kcheck check <model> [--preset NAME] [--set key=value]... [--config FILE.json] [--strategy bfs|simulate] ' +
  '[--max-depth N] [--max-states N] [--time-limit SEC] [--walks N] [--seed N] [--property NAME]... [--symmetry] ' +
  '[--continue] [--workers N] [--out DIR] [--format text|json] [--junit FILE] [--verify-encode]';

const OPTIONS = {
  preset: { type: 'string' },
  set: { type: 'string', multiple: true },
  config: { type: 'string' },
  strategy: { type: 'string' },
  'max-depth': { type: 'string' },
  'max-states': { type: 'string' },
  'time-limit': { type: 'string' },
  walks: { type: 'string' },
  seed: { type: 'string' },
  property: { type: 'string', multiple: true },
  symmetry: { type: 'boolean' },
  continue: { type: 'boolean' },
  workers: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  junit: { type: 'string' },
  'verify-encode': { type: 'boolean' },
} as const;

export function checkCommand(registry: Registry): Command {
  return {
    name: 'check',
    summary: 'explore a model (exhaustive BFS or seeded simulation) and report every violated property',
    usage: USAGE,
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, values } = parseOptions(args, OPTIONS, USAGE);
      if (positionals.length !== 1) throw new KcheckError('KC_USAGE', `check takes exactly one model name; usage: ${USAGE}`);
      const definition = modelNamed(registry, positionals[0]);
      const config = typeof values.config === 'string' ? readConfig(values.config) : {};
      const format = enumOption(values, 'format', ['text', 'json'] as const, 'text');
      const strategy = enumOption(values, 'strategy', ['bfs', 'simulate'] as const, (config.strategy ?? 'bfs') as Strategy);
      if (!['bfs', 'simulate'].includes(strategy)) throw new KcheckError('KC_BAD_CONFIG', `strategy must be bfs or simulate, got '${strategy}'`);
      const seed = intOption(values, 'seed', 0) ?? config.seed ?? (strategy === 'simulate' ? randomInt(0, 2 ** 31 - 1) : 0);
      const properties = listOption(values, 'property');
      const result = await checkModelParallel(definition, {
        workers: intOption(values, 'workers', 1) ?? 1,
        workerSource: registry.source,
        preset: (values.preset as string | undefined) ?? config.preset,
        config: config.params,
        sets: listOption(values, 'set'),
        strategy,
        maxDepth: intOption(values, 'max-depth', 0) ?? config.maxDepth,
        maxStates: intOption(values, 'max-states', 1) ?? config.maxStates,
        timeLimitSec: intOption(values, 'time-limit', 1) ?? config.timeLimit,
        walks: intOption(values, 'walks', 1) ?? config.walks,
        seed,
        properties: properties.length > 0 ? properties : config.properties,
        symmetry: values.symmetry === true,
        continueAfterViolation: values.continue === true,
        onProgress: io.isTty ? progressPrinter(io) : undefined,
        verifyEncode: values['verify-encode'] === true,
      });
      if (io.isTty) io.err('\r\x1b[K');
      const written = writeViolationFiles(definition, result, typeof values.out === 'string' ? values.out : 'reports');
      if (typeof values.junit === 'string') {
        const checked = definition.properties(result.params).filter((p) => p.kind !== 'sometimes' && (properties.length === 0 || properties.includes(p.name)));
        const cases = checked.map((p) => {
          const v = written.find((w) => w.property === p.name);
          return { classname: `${result.model}${result.preset ? `.${result.preset}` : ''}`, name: p.name, timeSec: result.outcome.stats.durationMs / 1000, failure: v ? `violated in ${v.length} action(s); trace ${v.trace}` : null };
        });
        writeFileAtomic(values.junit, junitXml(`kcheck check ${result.model}`, cases));
      }
      io.out(format === 'json' ? `${JSON.stringify(checkSummary(result, written))}\n` : textSummary(definition, result, written));
      return exitCodeFor(result.outcome.status);
    },
  };
}
