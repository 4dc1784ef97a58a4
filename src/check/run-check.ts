// The programmatic API: check a model (by definition) with options and get the outcome back, with each violation
// replayed into a full trace. The CLI, the suite and the property tests in properties/ all go through here.

import type { ActionBase } from '../contract/model.ts';
import type { ModelDefinition } from '../contract/model-definition.ts';
import type { ParamValues } from '../contract/params.ts';
import type { LivenessProperty, Property, SafetyProperty, SometimesProperty } from '../contract/property.ts';
import { KcheckError } from '../errors.ts';
import { exploreBfs } from '../explore/bfs.ts';
import type { Progress } from '../explore/explore-options.ts';
import type { Outcome, StopReason, Strategy, ViolationRecord } from '../explore/outcome.ts';
import { simulate } from '../explore/simulate.ts';
import { shortenViolations } from '../explore/por/shorten-violations.ts';
import { exploreLiveness } from '../explore/liveness/explore-liveness.ts';
import { lassoProblem, loopShift } from '../explore/liveness/lasso-check.ts';
import { livenessModel } from '../explore/liveness/liveness-model.ts';
import { refuseLivenessOptions } from '../explore/liveness/liveness-options.ts';
import { canRunParallel, exploreParallel } from '../explore/parallel/explore-parallel.ts';
import { replayPath, ReplayDivergence, type Trace } from '../explore/trace.ts';
import { withAssertions, type CheckOutcome } from './check-outcome.ts';
import { resolveParams, type ParamSources } from './resolve-params.ts';
import { createModel } from './create-model.ts';
import { DEFAULT_ENCODE_SAMPLES, verifyEncode } from './verify-encode.ts';

export interface CheckOptions extends ParamSources {
  readonly strategy?: Strategy;
  readonly maxDepth?: number;
  readonly maxStates?: number;
  readonly timeLimitSec?: number;
  /** Random walks for `simulate` (default 1000). */
  readonly walks?: number;
  readonly seed?: number;
  /** Only these properties (and witnesses) by name; default all. */
  readonly properties?: readonly string[];
  readonly symmetry?: boolean;
  /** How simulation walks pick actions (swarm shards alternate; default uniform). */
  readonly walkOrder?: 'uniform' | 'sticky';
  /** Partial-order reduction (BFS only, single-threaded); see src/explore/por/. */
  readonly por?: boolean;
  readonly continueAfterViolation?: boolean;
  readonly onProgress?: (progress: Progress) => void;
  /** Polled during the search: a reason (interrupt, memory) stops it as it stands. */
  readonly shouldStop?: () => StopReason | null;
  /** Liveness properties to check besides the selection (they are checked only when named, here or above). */
  readonly liveness?: readonly string[];
  /** Before the search, check `encode` on this many reachable states (true: 20,000); a collision is KC_ENCODE_COLLISION. */
  readonly verifyEncode?: boolean | number;
}

export interface ParallelCheckOptions extends CheckOptions {
  /** Threads for exhaustive BFS (1 = the single-threaded explorer). */
  readonly workers?: number;
  /** Where worker threads import the registry from, for definitions without a `source` of their own. */
  readonly workerSource?: { readonly moduleUrl: string; readonly exportName: string };
}

export interface ViolationReport {
  readonly record: ViolationRecord;
  readonly doc: string;
  readonly trace: Trace<unknown, ActionBase>;
}

export interface CheckResult {
  readonly model: string;
  readonly preset: string | null;
  readonly params: ParamValues;
  readonly outcome: Outcome;
  readonly violations: readonly ViolationReport[];
}

export const DEFAULT_SIMULATION_DEPTH = 50;
export const DEFAULT_WALKS = 1000;

/**
 * The properties a run with this `--property` selection checks: the named ones, or with none named every property
 * but liveness (it needs the whole state graph, so it is checked only when named). Verdicts and shard results agree.
 */
export function selectedProperties<P extends Pick<Property<any, any>, 'name' | 'kind'>>(all: readonly P[], selected: readonly string[]): P[] {
  return all.filter((p) => (selected.length > 0 ? selected.includes(p.name) : p.kind !== 'liveness'));
}

export function selectProperties<S, A extends ActionBase>(all: readonly Property<S, A>[], names: readonly string[] | undefined, model: string, extraLiveness: readonly string[] = []) {
  if (names && names.length > 0) {
    for (const name of [...names, ...extraLiveness]) {
      if (!all.some((p) => p.name === name)) {
        throw new KcheckError('KC_UNKNOWN_PROPERTY', `unknown property '${name}' for model ${model}; valid: ${all.map((p) => p.name).join(', ')}`);
      }
    }
  }
  const chosen = selectedProperties(all, names ?? []);
  return {
    safety: chosen.filter((p): p is SafetyProperty<S, A> => p.kind === 'always' || p.kind === 'action'),
    witnesses: chosen.filter((p): p is SometimesProperty<S> => p.kind === 'sometimes'),
    liveness: all.filter((p): p is LivenessProperty<S> => p.kind === 'liveness' && (chosen.includes(p) || extraLiveness.includes(p.name))),
  };
}

function prepare(definition: ModelDefinition, options: CheckOptions) {
  const params = resolveParams(definition, options);
  const created = createModel(definition, params);
  const all = definition.properties(params);
  const { safety, witnesses, liveness } = selectProperties(all, options.properties, definition.name, options.liveness);
  // A liveness run explores the model its LivenessQuotient names (bounds stated on classes), and so replays it.
  const model = liveness.length > 0 ? livenessModel(created) : created;
  if (options.verifyEncode) verifyEncode(definition.name, model, options.verifyEncode === true ? DEFAULT_ENCODE_SAMPLES : options.verifyEncode);
  // Budgets and switches every explorer takes, single-threaded or parallel.
  const budgets = {
    maxStates: options.maxStates,
    timeLimitMs: options.timeLimitSec !== undefined ? options.timeLimitSec * 1000 : undefined,
    symmetry: options.symmetry,
    continueAfterViolation: options.continueAfterViolation,
    seed: options.seed ?? 0,
    onProgress: options.onProgress,
    shouldStop: options.shouldStop,
  };
  return { params, model, all, budgets, liveness, base: { properties: safety, witnesses, ...budgets } };
}

export function checkModel(definition: ModelDefinition, options: CheckOptions = {}): CheckOutcome {
  const { params, model, all, base, liveness } = prepare(definition, options);
  if (liveness.length > 0) refuseLivenessOptions(options, liveness.map((p) => p.name));
  if (options.por && (options.strategy ?? 'bfs') !== 'bfs') throw new KcheckError('KC_BAD_OPTION', '--por applies to exhaustive search only; drop it or use --strategy bfs');
  const outcome =
    liveness.length > 0
      ? exploreLiveness(model, base, liveness)
      : (options.strategy ?? 'bfs') === 'bfs'
        ? shortenViolations(model, base.properties, exploreBfs(model, { ...base, partialOrder: options.por, maxDepth: options.maxDepth }))
        : simulate(model, { ...base, walkOrder: options.walkOrder, walks: options.walks ?? DEFAULT_WALKS, maxDepth: options.maxDepth ?? DEFAULT_SIMULATION_DEPTH });
  return finish(definition, options, params, model, all, outcome);
}

/**
 * As checkModel, but exhaustive BFS runs on `workers` threads when the model can (it offers `decode`): the same
 * distinct-state count and the same shortest counterexample lengths, faster on several cores.
 */
export async function checkModelParallel(definition: ModelDefinition, options: ParallelCheckOptions): Promise<CheckOutcome> {
  const workers = options.workers ?? 1;
  const { params, model, all, budgets, liveness } = prepare(definition, options);
  if (liveness.length > 0) refuseLivenessOptions(options, liveness.map((p) => p.name));
  // A model loaded from a user's file is not in the registry module: its own source wins.
  const source = definition.source ?? options.workerSource;
  // --por runs on the single-threaded explorer: the ample-set choice is per state, the workers expand fully.
  if ((options.strategy ?? 'bfs') !== 'bfs' || workers <= 1 || options.por || !source || !canRunParallel(model, workers)) {
    const result = checkModel(definition, options);
    if (!(options.por && workers > 1 && (options.strategy ?? 'bfs') === 'bfs')) return result;
    const warnings = [...result.outcome.warnings, `--por runs on one thread: --workers ${workers} was not used`];
    return withAssertions(definition, { ...result, outcome: { ...result.outcome, warnings } });
  }
  const outcome = await exploreParallel(
    { ...source, model: definition.name, params, properties: options.properties ? [...options.properties] : [] },
    { workers, maxDepth: options.maxDepth, ...budgets },
  );
  return finish(definition, options, params, model, all, outcome);
}

function finish(
  definition: ModelDefinition,
  options: CheckOptions,
  params: ParamValues,
  model: ReturnType<ModelDefinition['create']>,
  all: readonly Property<any, any>[],
  explored: Outcome,
): CheckOutcome {
  let outcome = explored;
  const violations: ViolationReport[] = [];
  try {
    for (const record of outcome.violations) {
      const doc = all.find((p) => p.name === record.property)?.doc ?? '';
      const trace = replayPath(model, record);
      if (!reproduces(model, all, record, trace)) {
        throw new ReplayDivergence(record.path.length, `step ${record.path.length}: ${record.property} holds on the replayed trace`);
      }
      const shift = record.lasso ? loopShift(model, trace, record.lasso.loop) : null;
      const shifted = shift === null || record.lasso === undefined ? record : { ...record, lasso: { ...record.lasso, shift } };
      violations.push({ record: shifted, doc, trace });
    }
  } catch (error) {
    if (!(error instanceof ReplayDivergence)) throw error;
    violations.length = 0;
    outcome = { ...outcome, status: 'error', violations: [], error: { message: `the model is not deterministic: replay diverged at ${error.message}`, at: null } };
  }
  return withAssertions(definition, { model: definition.name, preset: options.preset ?? null, params, outcome, violations });
}

/** A violation must reproduce on its replayed trace; if it does not, the model is nondeterministic. */
function reproduces(model: ReturnType<ModelDefinition['create']>, all: readonly Property<any, any>[], record: ViolationRecord, trace: Trace<unknown, ActionBase>): boolean {
  const property = all.find((p) => p.name === record.property);
  const n = trace.states.length;
  if (!property || property.kind === 'sometimes') return false;
  if (property.kind === 'liveness') return record.lasso !== undefined && lassoProblem(model, property, trace, record.lasso) === null;
  if (property.kind === 'always') return !property.check(trace.states[n - 1]);
  return n >= 2 && !property.check(trace.states[n - 2], trace.actions[n - 2], trace.states[n - 1]);
}
