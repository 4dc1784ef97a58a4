// The programmatic API: check a model (by definition) with options and get the outcome back, with each violation
// replayed into a full trace. The CLI, the suite and the property tests in properties/ all go through here.

import type { ActionBase } from '../contract/model.ts';
import type { ModelDefinition } from '../contract/model-definition.ts';
import type { ParamValues } from '../contract/params.ts';
import type { Property, SafetyProperty, SometimesProperty } from '../contract/property.ts';
import { KcheckError } from '../errors.ts';
import { exploreBfs } from '../explore/bfs.ts';
import type { Progress } from '../explore/explore-options.ts';
import type { Outcome, Strategy, ViolationRecord } from '../explore/outcome.ts';
import { simulate } from '../explore/simulate.ts';
import { canRunParallel, exploreParallel } from '../explore/parallel/explore-parallel.ts';
import { replayPath, ReplayDivergence, type Trace } from '../explore/trace.ts';
import { withAssertions, type CheckOutcome } from './check-outcome.ts';
import { resolveParams, type ParamSources } from './resolve-params.ts';
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
  readonly continueAfterViolation?: boolean;
  readonly onProgress?: (progress: Progress) => void;
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

export function selectProperties<S, A extends ActionBase>(all: readonly Property<S, A>[], names: readonly string[] | undefined, model: string) {
  if (names && names.length > 0) {
    for (const name of names) {
      if (!all.some((p) => p.name === name)) {
        throw new KcheckError('KC_UNKNOWN_PROPERTY', `unknown property '${name}' for model ${model}; valid: ${all.map((p) => p.name).join(', ')}`);
      }
    }
  }
  const chosen = names && names.length > 0 ? all.filter((p) => names.includes(p.name)) : all;
  return {
    safety: chosen.filter((p): p is SafetyProperty<S, A> => p.kind !== 'sometimes'),
    witnesses: chosen.filter((p): p is SometimesProperty<S> => p.kind === 'sometimes'),
  };
}

function prepare(definition: ModelDefinition, options: CheckOptions) {
  const params = resolveParams(definition, options);
  const model = definition.create(params);
  if (options.verifyEncode) verifyEncode(definition.name, model, options.verifyEncode === true ? DEFAULT_ENCODE_SAMPLES : options.verifyEncode);
  const all = definition.properties(params);
  const { safety, witnesses } = selectProperties(all, options.properties, definition.name);
  // Budgets and switches every explorer takes, single-threaded or parallel.
  const budgets = {
    maxStates: options.maxStates,
    timeLimitMs: options.timeLimitSec !== undefined ? options.timeLimitSec * 1000 : undefined,
    symmetry: options.symmetry,
    continueAfterViolation: options.continueAfterViolation,
    seed: options.seed ?? 0,
    onProgress: options.onProgress,
  };
  return { params, model, all, budgets, base: { properties: safety, witnesses, ...budgets } };
}

export function checkModel(definition: ModelDefinition, options: CheckOptions = {}): CheckOutcome {
  const { params, model, all, base } = prepare(definition, options);
  const outcome =
    (options.strategy ?? 'bfs') === 'bfs'
      ? exploreBfs(model, { ...base, maxDepth: options.maxDepth })
      : simulate(model, { ...base, walks: options.walks ?? DEFAULT_WALKS, maxDepth: options.maxDepth ?? DEFAULT_SIMULATION_DEPTH });
  return finish(definition, options, params, model, all, outcome);
}

/**
 * As checkModel, but exhaustive BFS runs on `workers` threads when the model can (it offers `decode`): the same
 * distinct-state count and the same shortest counterexample lengths, faster on several cores.
 */
export async function checkModelParallel(definition: ModelDefinition, options: ParallelCheckOptions): Promise<CheckOutcome> {
  const workers = options.workers ?? 1;
  const { params, model, all, budgets } = prepare(definition, options);
  // A model loaded from a user's file is not in the registry module: its own source wins.
  const source = definition.source ?? options.workerSource;
  if ((options.strategy ?? 'bfs') !== 'bfs' || workers <= 1 || !source || !canRunParallel(model, workers)) {
    return checkModel(definition, options);
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
      if (!reproduces(all, record, trace)) {
        throw new ReplayDivergence(record.path.length, `step ${record.path.length}: ${record.property} holds on the replayed trace`);
      }
      violations.push({ record, doc, trace });
    }
  } catch (error) {
    if (!(error instanceof ReplayDivergence)) throw error;
    violations.length = 0;
    outcome = { ...outcome, status: 'error', violations: [], error: { message: `the model is not deterministic: replay diverged at ${error.message}`, at: null } };
  }
  return withAssertions(definition, { model: definition.name, preset: options.preset ?? null, params, outcome, violations });
}

/** A violation must reproduce on its replayed trace; if it does not, the model is nondeterministic. */
function reproduces(all: readonly Property<any, any>[], record: ViolationRecord, trace: Trace<unknown, ActionBase>): boolean {
  const property = all.find((p) => p.name === record.property);
  const n = trace.states.length;
  if (!property || property.kind === 'sometimes') return false;
  if (property.kind === 'always') return !property.check(trace.states[n - 1]);
  return n >= 2 && !property.check(trace.states[n - 2], trace.actions[n - 2], trace.states[n - 1]);
}
