// `kcheck check <model>`: resolve params (defaults ← preset ← config ← --set), run BFS or simulation, write each
// counterexample as an ITF trace and a Markdown report plus the directory's index, print text or one JSON object,
// and return the exit code: a passing run whose witness was never reached is vacuous (exit 1, unless --allow-vacuous).

import { randomInt } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkModelParallel, DEFAULT_WALKS } from '../check/run-check.ts';
import { shardFrom, shardRun } from '../check/shard-plan.ts';
import { shardFileName, writeShardResult } from '../report/shard-result.ts';
import { KcheckError } from '../errors.ts';
import type { Strategy } from '../explore/outcome.ts';
import { checkJunitSuite } from '../report/check-junit.ts';
import { checkSummary } from '../report/check-summary.ts';
import { configurationId } from '../report/configuration-id.ts';
import { mergeJunit } from '../report/junit.ts';
import { propertyVerdicts } from '../report/property-verdicts.ts';
import { rerunCommand } from '../report/rerun-command.ts';
import { checkIndexEntry, writeRunIndex } from '../report/run-index.ts';
import { textSummary } from '../report/text-summary.ts';
import { writeFileAtomic } from '../report/write-atomic.ts';
import { removeStaleFiles, writeViolationFiles } from '../report/write-violation-files.ts';
import { checkHelp, CHECK_OPTIONS, CHECK_USAGE, DEFAULT_TIME_LIMIT_SEC } from './check-options.ts';
import type { CliIo, Command } from './command.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { guardWrite, outputTargets } from './check-outputs.ts';
import { enumOption, intOption, listOption, parseOptions } from './parse-options.ts';
import { limitText, progressPrinter } from './progress-printer.ts';
import { readConfig } from './read-config.ts';
import { modelNamed, type Registry } from './registry.ts';
import { defaultMemoryBudgetMiB, stopPoll } from './stop-request.ts';
import { budgetFromFlag, workersFromFlag } from './validate-budgets.ts';

/** An existing JUnit file's text to add this run's testsuite to, or null (none, or unreadable: it is replaced). */
function readIfFile(path: string): string | null {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : null;
  } catch {
    return null;
  }
}

export function checkCommand(registry: Registry): Command {
  return {
    name: 'check',
    summary: 'explore a model (exhaustive BFS or seeded simulation) and report every violated property',
    usage: CHECK_USAGE,
    help: (args) => checkHelp(registry, args),
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, values } = parseOptions(args, CHECK_OPTIONS, CHECK_USAGE);
      if (positionals.length !== 1) throw new KcheckError('KC_USAGE', `check takes exactly one model name; usage: ${CHECK_USAGE}`);
      const definition = modelNamed(registry, positionals[0]);
      const config = typeof values.config === 'string' ? readConfig(values.config) : {};
      const format = enumOption(values, 'format', ['text', 'json'] as const, 'text');
      const strategy = enumOption(values, 'strategy', ['bfs', 'simulate'] as const, (config.strategy ?? 'bfs') as Strategy);
      if (!['bfs', 'simulate'].includes(strategy)) throw new KcheckError('KC_BAD_CONFIG', `strategy must be bfs or simulate, got '${strategy}'`);
      const seed = budgetFromFlag('seed', values.seed) ?? config.seed ?? (strategy === 'simulate' ? randomInt(0, 2 ** 31 - 1) : 0);
      const workers = workersFromFlag(values.workers, (line) => io.err(`kcheck check: ${line}\n`));
      const maxMemory = intOption(values, 'max-memory', 16) ?? defaultMemoryBudgetMiB();
      const targets = outputTargets(values);
      const listed = listOption(values, 'property');
      const properties = listed.length > 0 ? listed : (config.properties ?? []);
      // A default time limit so an unexpectedly large space ends with a verdict instead of running until killed; 0 = none.
      const askedLimit = budgetFromFlag('timeLimit', values['time-limit']) ?? config.timeLimit;
      const timeLimitSec = askedLimit === undefined ? DEFAULT_TIME_LIMIT_SEC : askedLimit === 0 ? undefined : askedLimit;
      const defaultTimeLimitSec = askedLimit === undefined ? DEFAULT_TIME_LIMIT_SEC : null;
      const maxStates = budgetFromFlag('maxStates', values['max-states']) ?? config.maxStates;
      const allowVacuous = values['allow-vacuous'] === true;
      const quiet = values.quiet === true;
      // Swarm: --shard i/n (or the environment) runs this shard's share of the walks, diversified.
      const shard = shardFrom(values.shard as string | undefined, process.env);
      if (shard && strategy !== 'simulate') throw new KcheckError('KC_BAD_OPTION', '--shard splits a simulation across machines; add --strategy simulate (exhaustive BFS runs on one machine: use --workers)');
      const walks = budgetFromFlag('walks', values.walks) ?? config.walks;
      const maxDepth = budgetFromFlag('maxDepth', values['max-depth']) ?? config.maxDepth;
      const run = shard ? shardRun(shard, { walks, maxDepth, seed }) : null;
      const result = await checkModelParallel(definition, {
        workers,
        workerSource: registry.source,
        preset: (values.preset as string | undefined) ?? config.preset,
        config: config.params,
        sets: listOption(values, 'set'),
        strategy,
        maxDepth: run?.maxDepth ?? maxDepth,
        maxStates,
        timeLimitSec,
        walks: run?.walks ?? walks,
        seed: run?.seed ?? seed,
        walkOrder: run?.walkOrder,
        properties,
        symmetry: values.symmetry === true,
        por: values.por === true,
        continueAfterViolation: values.continue === true,
        onProgress: quiet ? undefined : progressPrinter(io, limitText(timeLimitSec, defaultTimeLimitSec !== null, maxStates, maxDepth)),
        shouldStop: stopPoll(io.stop, maxMemory),
        verifyEncode: values['verify-encode'] === true,
      });
      if (io.isTty && !quiet) io.err('\r\x1b[K');
      const outDir = targets.outDir;
      const o = result.outcome;
      const configuration = configurationId(result.model, result.preset, result.params);
      const all = definition.properties(result.params);
      const verdicts = propertyVerdicts(all, result, { selected: properties, allowVacuous });
      const vacuous = o.status === 'ok' ? verdicts.filter((v) => v.kind === 'sometimes' && v.reason.startsWith('vacuous')).map((v) => v.property) : [];
      const notes = definition.notes?.(result.params) ?? [];
      const extras = { vacuous, allowVacuous, defaultTimeLimitSec, timeLimitSec: timeLimitSec ?? null, notes };
      // Shards may share one --out (a merged CI artifact): each writes its traces under its own directory.
      const traceDir = shard ? join(outDir, shardFileName(shard).replace(/\.json$/, '')) : outDir;
      const written = guardWrite(io, 'check', () => writeViolationFiles(definition, result, traceDir), []);
      const clean = verdicts.filter((v) => v.status === 'passed' && v.kind !== 'sometimes').map((v) => v.property);
      guardWrite(io, 'check', () => removeStaleFiles(outDir, configuration, written, clean), undefined);
      const verdict = vacuous.length > 0 && !allowVacuous ? 'vacuous' : o.status;
      const rerunFlags = [
        ...(strategy === 'simulate' ? ['--strategy simulate', `--seed ${seed}`] : []),
        ...(maxDepth !== undefined ? [`--max-depth ${maxDepth}`] : []),
        ...(maxStates !== undefined ? [`--max-states ${maxStates}`] : []),
        ...properties.map((p) => `--property ${p}`),
        ...(values.continue === true ? ['--continue'] : []),
      ];
      guardWrite(io, 'check', () => writeRunIndex(outDir, [checkIndexEntry(result, configuration, verdict, verdicts, rerunCommand(definition, result.preset, result.params, rerunFlags), written)]), undefined);
      if (targets.junit !== undefined) {
        const junit = targets.junit;
        const suite = checkJunitSuite(definition.create(result.params), result, configuration, verdicts, written);
        guardWrite(io, 'check', () => writeFileAtomic(junit, mergeJunit(readIfFile(junit), [suite])), undefined);
      }
      const summary = checkSummary(result, written, { ...extras, configuration, verdicts });
      if (shard && run) guardWrite(io, 'check', () => writeShardResult(outDir, definition, result, { shard, runSeed: seed, runWalks: walks ?? DEFAULT_WALKS, run, properties }, summary), undefined);
      io.out(format === 'json' ? `${JSON.stringify(summary)}\n` : textSummary(definition, result, written, extras));
      return verdict === 'vacuous' ? EXIT.violation : exitCodeFor(o.status);
    },
  };
}
