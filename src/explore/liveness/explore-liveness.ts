// The liveness explorer: BFS keeps the whole graph (build-state-graph.ts), then per property P ~> Q it finds the
// ¬Q states that can stay in ¬Q forever under the model's fairness (doomed-states.ts) and, for the first
// reachable P ∧ ¬Q such state in BFS order, a lasso (find-lasso.ts) replayed into action indices; one that is fair
// only because a model bound refuses a fair action is marked bounded, not a violation. Safety properties and
// witnesses are checked during the same BFS. Needs the whole graph: a budget stop proves nothing. Under a
// LivenessQuotient the graph holds representatives; the lasso is replayed on real states (its loop closes up to
// the transformation), matching each edge by its action index, which the quotient preserves.

import type { ActionBase, Model } from '../../contract/model.ts';
import type { LivenessProperty } from '../../contract/property.ts';
import { coverageWarnings } from '../coverage-counter.ts';
import type { ExploreOptions } from '../explore-options.ts';
import type { LassoRef, Outcome, ViolationRecord } from '../outcome.ts';
import { StateEncoder } from '../state-encoder.ts';
import { actionKey } from './action-instances.ts';
import { buildStateGraph, GOAL, TRIGGER, type StateGraph } from './build-state-graph.ts';
import { findDoomed, type Doom } from './doomed-states.ts';
import type { RefusedByBound } from './fair-cores.ts';
import { findLasso } from './find-lasso.ts';
import { representativeOf } from './liveness-model.ts';

export function exploreLiveness<S, A extends ActionBase>(model: Model<S, A>, options: ExploreOptions<S, A>, liveness: readonly LivenessProperty<S>[]): Outcome {
  const started = Date.now();
  const built = buildStateGraph(model, options, liveness, started);
  const { graph } = built;
  const violations: ViolationRecord[] = [...built.violations];
  let error = built.error;
  const finished = error === null && built.stoppedBy === null;
  if (finished) {
    try {
      liveness.forEach((property, p) => {
        const record = checkOne(model, graph, property, p);
        if (record !== null) violations.push(record);
      });
    } catch (thrown) {
      error = { message: `liveness check failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`, at: null };
    }
  }
  const durationMs = Date.now() - started;
  const entries = built.coverage.entries();
  // A lasso that exists only at a model bound is reported (marked bounded) but proves no violation, nor that the
  // property holds: the outcome is incomplete unless something else is violated.
  const real = violations.filter((v) => v.lasso?.bounded === undefined);
  const status = error ? 'error' : real.length > 0 ? 'violation' : violations.length > 0 || !finished ? 'incomplete' : 'ok';
  return {
    status,
    complete: finished && error === null,
    strategy: 'bfs',
    seed: options.seed ?? 0,
    stoppedBy: built.stoppedBy,
    stats: {
      distinctStates: graph.size,
      generatedStates: built.generated,
      maxDepth: built.depth,
      durationMs,
      statesPerSecond: Math.round(graph.size / Math.max(durationMs / 1000, 0.001)),
    },
    violations: violations.sort((x, y) => x.path.length - y.path.length),
    witnesses: built.witnesses,
    coverage: entries,
    warnings: [
      ...coverageWarnings(entries),
      ...(liveness.length > 0 && !model.fairness ? ['the model declares no fairness: every behaviour may stop (stutter) anywhere'] : []),
      ...(model.livenessQuotient ? [`liveness quotient: ${model.livenessQuotient.note}`] : []),
      ...violations
        .filter((v) => v.lasso?.bounded !== undefined)
        .map((v) => `${v.property}: its only counterexamples stop where ${v.lasso?.bounded} refuses a fair action — the end of the explored world, not a liveness violation; raise the bound to decide it`),
    ],
    error,
    graph: { edges: graph.edges.edgeCount, bytesPerEdge: graph.edges.bytesPerEdge, graphBytes: graph.edges.bytes + graph.table.bytes },
  };
}

function checkOne<S, A extends ActionBase>(model: Model<S, A>, graph: StateGraph<A>, property: LivenessProperty<S>, p: number): ViolationRecord | null {
  const view = graph.edges.view();
  const lenient = findDoomed(view, graph.size, graph.flags[p], GOAL, graph.instances.fairness, graph.instances.size);
  const first = lassoFrom(model, graph, property, p, lenient, undefined);
  if (first === null || !model.boundRefusal) return first?.record ?? null;
  // Counting bound-refused fair actions as enabled (never taken) only prunes fair cores, so they are looked up in
  // the cores just found, and the search repeated: a lasso found then is a violation within the bounds; if none
  // is, the first lasso exists only where a bound stops the model.
  const refused = refusalsIn(model, graph, lenient.cores);
  if (refused.instances.size === 0) return first.record;
  const strict = findDoomed(view, graph.size, graph.flags[p], GOAL, graph.instances.fairness, graph.instances.size, refused.instances);
  const real = lassoFrom(model, graph, property, p, strict, refused.instances);
  if (real !== null) return real.record;
  const bound = first.loopStates.map((v) => refused.by.get(v)).find((b) => b !== undefined);
  return { ...first.record, lasso: { ...(first.record.lasso as LassoRef), bounded: bound ?? 'a model bound' } };
}

function lassoFrom<S, A extends ActionBase>(
  model: Model<S, A>,
  graph: StateGraph<A>,
  property: LivenessProperty<S>,
  p: number,
  doom: Doom,
  refused: RefusedByBound | undefined,
): { record: ViolationRecord; loopStates: number[] } | null {
  const flags = graph.flags[p];
  let trigger = -1;
  for (let v = 0; v < graph.size && trigger < 0; v++) {
    if ((flags[v] & TRIGGER) !== 0 && doom.notGoal[v] === 1 && doom.doomed[doom.sccOf[v]] === 1) trigger = v;
  }
  if (trigger < 0) return null;
  const view = graph.edges.view();
  const lasso = findLasso(view, graph.size, doom, graph.instances.fairness, trigger, refused);
  const at = graph.log.pathTo(trigger);
  const path = [...at.path, ...toActionIndices(model, graph, at, [...lasso.stem, ...lasso.loop])];
  const lassoRef = { trigger: at.path.length, loop: at.path.length + lasso.stem.length };
  return { record: { property: property.name, kind: 'liveness', initIndex: at.initIndex, path, lasso: lassoRef }, loopStates: [lasso.loopState, ...lasso.loop.map((pos) => view.succ[pos])] };
}

/** Per state of the given cores, the fair action instances only a model bound refuses (Model.boundRefusal), and the first bound named. */
function refusalsIn<S, A extends ActionBase>(model: Model<S, A>, graph: StateGraph<A>, cores: readonly Uint32Array[]): { instances: Map<number, number[]>; by: Map<number, string> } {
  const instances = new Map<number, number[]>();
  const by = new Map<number, string>();
  const fair = model.fairness ?? {};
  const boundRefusal = (model.boundRefusal as NonNullable<Model<S, A>['boundRefusal']>).bind(model);
  const representative = representativeOf(model);
  for (const core of cores) {
    for (const v of core) {
      const state = representative(stateAt(model, graph.log.pathTo(v)));
      for (const action of model.actions(state)) {
        if (!Object.hasOwn(fair, action.type) || model.next(state, action) !== undefined) continue;
        const bound = boundRefusal(state, action);
        if (bound === null) continue;
        instances.set(v, [...(instances.get(v) ?? []), graph.instances.id(action)]);
        if (!by.has(v)) by.set(v, bound);
      }
    }
  }
  return { instances, by };
}

function stateAt<S, A extends ActionBase>(model: Model<S, A>, at: { initIndex: number; path: readonly number[] }): S {
  let state = model.init()[at.initIndex];
  for (const i of at.path) state = model.next(state, model.actions(state)[i]) as S;
  return state;
}

/**
 * Turns edge positions into indices in each state's `actions()` list, replaying from the trigger state: the edge's
 * action is looked up on the representative (what the graph holds) and the same index taken on the real state.
 */
function toActionIndices<S, A extends ActionBase>(model: Model<S, A>, graph: StateGraph<A>, at: { initIndex: number; path: number[] }, edges: readonly number[]): number[] {
  let state = stateAt(model, at);
  const representative = representativeOf(model);
  const { succ, act } = graph.edges.view();
  const encoder = new StateEncoder();
  const out: number[] = [];
  for (const pos of edges) {
    const want = actionKey(graph.instances.actions[act[pos]]);
    const rep = representative(state);
    const candidates = model.actions(rep);
    let index = -1;
    for (let i = 0; i < candidates.length && index < 0; i++) {
      if (actionKey(candidates[i]) !== want) continue;
      const next = model.next(rep, candidates[i]);
      if (next === undefined) continue;
      encoder.reset();
      model.encode(representative(next), encoder);
      if (graph.table.get(encoder.hash(), encoder.low) === succ[pos]) index = i;
    }
    const next = index < 0 ? undefined : model.next(state, model.actions(state)[index]);
    if (next === undefined) throw new Error(`replaying the lasso: action ${want} no longer leads to state ${succ[pos]} (is the model deterministic?)`);
    out.push(index);
    state = next;
  }
  return out;
}
