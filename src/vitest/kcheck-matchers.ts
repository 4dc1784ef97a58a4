// The matchers kcheck/vitest registers: toHold, toViolate(property, { length }), toReach(witness) and
// toReproduce(trace.itf.json), each running the real checker on a model definition. A failure message is the
// counterexample story kcheck check prints, with the paths of the trace and reports it wrote.

import type { ModelDefinition } from '../contract/model-definition.ts';
import { holdsFailure, violatesFailure } from '../check/check-outcome.ts';
import { replay } from '../check/replay-trace.ts';
import { checkModelParallel, type CheckResult, type ParallelCheckOptions } from '../check/run-check.ts';
import { textSummary } from '../report/text-summary.ts';
import { writeViolationFiles } from '../report/write-violation-files.ts';

export interface MatcherOptions extends ParallelCheckOptions {
  /** Where counterexample traces and reports go (default `reports`); false writes nothing. */
  readonly out?: string | false;
}

interface Verdict {
  readonly pass: boolean;
  readonly message: () => string;
}

function definitionOf(received: unknown): ModelDefinition {
  const d = received as ModelDefinition | null;
  if (!d || typeof d !== 'object' || typeof d.create !== 'function' || typeof d.properties !== 'function') {
    throw new TypeError('kcheck matchers expect a model definition (defineModel(...) or a built-in one from kcheck/kafka)');
  }
  return d;
}

function label(d: ModelDefinition, options: MatcherOptions): string {
  return `${d.name}${options.preset ? ` (preset ${options.preset})` : ''}`;
}

/** The story of the run, with the trace and report paths of every violation written under `out`. */
function story(d: ModelDefinition, result: CheckResult, out: string | false | undefined): string {
  const written = out === false ? [] : writeViolationFiles(d, result, out ?? 'reports');
  return textSummary(d, result, written);
}

export async function toHold(received: unknown, options: MatcherOptions = {}): Promise<Verdict> {
  const d = definitionOf(received);
  const result = await checkModelParallel(d, options);
  const failure = holdsFailure(result);
  return {
    pass: failure === null,
    message: () => (failure === null ? `expected ${label(d, options)} not to hold, but every property held` : `expected ${label(d, options)} to hold, but ${failure}\n\n${story(d, result, options.out)}`),
  };
}

export async function toViolate(received: unknown, property: string, options: MatcherOptions & { readonly length?: number } = {}): Promise<Verdict> {
  const d = definitionOf(received);
  const result = await checkModelParallel(d, { ...options, properties: [property] });
  const failure = violatesFailure(result, property, options.length);
  // The counterexample is written either way: a passing toViolate is often followed by a replay of its trace.
  const text = story(d, result, options.out);
  return {
    pass: failure === null,
    message: () => (failure === null ? `expected ${label(d, options)} not to violate ${property}, but it does\n\n${text}` : `${label(d, options)}: ${failure}\n\n${text}`),
  };
}

export async function toReach(received: unknown, witness: string, options: MatcherOptions = {}): Promise<Verdict> {
  const d = definitionOf(received);
  const result = await checkModelParallel(d, { ...options, properties: [witness] });
  const found = result.outcome.witnesses.find((w) => w.name === witness);
  return {
    pass: found?.found === true,
    message: () =>
      found?.found
        ? `expected ${label(d, options)} never to reach ${witness}, but it does at depth ${found.depth}`
        : `expected ${label(d, options)} to reach ${witness}, but no explored state satisfies it (${result.outcome.stats.distinctStates} states, ${result.outcome.complete ? 'exhaustive' : `stopped by ${result.outcome.stoppedBy}`})`,
  };
}

/** A stored trace as a regression test: passes while the violation it records still reproduces on the model. */
export async function toReproduce(received: unknown, traceFile: string): Promise<Verdict> {
  const d = definitionOf(received);
  const r = replay(d, traceFile);
  return {
    pass: r.reproduced,
    message: () =>
      r.reproduced
        ? `expected ${traceFile} no longer to reproduce, but ${r.property} is violated at step ${r.violatedAtStep} of ${r.steps}`
        : `expected ${traceFile} to reproduce, but ${r.property} holds on every one of its ${r.steps} steps`,
  };
}
