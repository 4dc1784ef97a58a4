// The liveness explorer's BFS: the whole reachable graph, every edge kept (successor index + action instance in
// an EdgeStore), and per liveness property each state's trigger/goal bits. Safety properties and witnesses are
// checked on the way exactly as in bfs.ts, so a liveness run never checks less. No depth bound: a cut graph
// would turn its frontier into false deadlocks. With a LivenessQuotient every state stored is a representative.

import { budgetPoll } from '../budget-poll.ts';
import type { ActionBase, Model } from '../../contract/model.ts';
import type { LivenessProperty } from '../../contract/property.ts';
import { CoverageCounter } from '../coverage-counter.ts';
import type { ExploreOptions } from '../explore-options.ts';
import { createFrontier } from '../frontier.ts';
import type { Outcome, ViolationRecord, WitnessRecord } from '../outcome.ts';
import { StateEncoder } from '../state-encoder.ts';
import { NO_PARENT, StateLog } from '../state-log.ts';
import { stateChecks } from '../state-checks.ts';
import { ActionInstances } from './action-instances.ts';
import { EdgeStore } from './edge-store.ts';
import { ABSENT, IndexedFingerprintTable } from './indexed-fingerprint-table.ts';
import { representativeOf } from './liveness-model.ts';

export const TRIGGER = 1;
export const GOAL = 2;

export interface StateGraph<A extends ActionBase> {
  readonly size: number;
  readonly edges: EdgeStore;
  readonly log: StateLog;
  readonly instances: ActionInstances<A>;
  readonly table: IndexedFingerprintTable;
  /** Per liveness property, per state: TRIGGER | GOAL bits. */
  readonly flags: readonly Uint8Array[];
}

export interface GraphBuild<A extends ActionBase> {
  readonly graph: StateGraph<A>;
  readonly violations: ViolationRecord[];
  readonly witnesses: WitnessRecord[];
  readonly coverage: CoverageCounter;
  readonly generated: number;
  readonly depth: number;
  readonly stoppedBy: Outcome['stoppedBy'];
  readonly error: Outcome['error'];
}

export function buildStateGraph<S, A extends ActionBase>(
  model: Model<S, A>,
  options: ExploreOptions<S, A>,
  liveness: readonly LivenessProperty<S>[],
  started: number,
): GraphBuild<A> {
  const encoder = new StateEncoder();
  const table = new IndexedFingerprintTable();
  const log = new StateLog();
  const edges = new EdgeStore();
  const instances = new ActionInstances<A>(model.fairness ?? {});
  const frontier = createFrontier(model);
  const coverage = new CoverageCounter(model.actionTypes);
  const checks = stateChecks(options, log);
  const representative = representativeOf(model);
  let flags = liveness.map(() => new Uint8Array(1 << 16));
  const maxStates = options.maxStates ?? Infinity;
  const poll = budgetPoll(options, started);
  let generated = 0;
  let depth = 0;
  let current = -1;
  let stoppedBy: Outcome['stoppedBy'] = null;
  let error: Outcome['error'] = null;

  const lookup = (state: S): number => {
    encoder.reset();
    model.encode(state, encoder);
    return table.putIfAbsent(encoder.hash(), encoder.low, log.size);
  };
  const onNewState = (state: S, id: number, stateDepth: number, initial: boolean): void => {
    if (id >= flags[0]?.length) flags = flags.map((f) => grow8(f, f.length * 2));
    for (let p = 0; p < liveness.length; p++) {
      const trigger = liveness[p].trigger;
      flags[p][id] = ((trigger === null ? initial : trigger(state)) ? TRIGGER : 0) | (liveness[p].goal(state) ? GOAL : 0);
    }
    checks.onNewState(state, id, stateDepth);
  };

  try {
    const initial = model.init();
    for (let i = 0; i < initial.length; i++) {
      generated++;
      const start = representative(initial[i]);
      if (lookup(start) !== ABSENT) continue;
      const id = log.push(NO_PARENT, i);
      frontier.push(start, encoder);
      onNewState(start, id, 0, true);
    }
    let levelEnd = log.size;
    while (frontier.length > 0) {
      const state = frontier.shift();
      current++;
      if (current === levelEnd) {
        depth++;
        levelEnd = log.size;
      }
      if (log.size >= maxStates) {
        stoppedBy = 'max-states';
        break;
      }
      if ((current & 255) === 0) {
        const stop = poll(() => ({ distinctStates: log.size, generatedStates: generated, depth, queue: frontier.length }));
        if (stop !== null) {
          stoppedBy = stop;
          break;
        }
      }
      edges.openState();
      const actions = model.actions(state);
      for (let a = 0; a < actions.length; a++) {
        const action = actions[a];
        const successor = model.next(state, action);
        if (successor === undefined) continue;
        generated++;
        if (checks.hasActionProperties) checks.onTransition(state, action, successor, current, a);
        const next = representative(successor);
        const seen = lookup(next);
        const slot = coverage.slot(action.type);
        coverage.count(slot, seen === ABSENT);
        let target = seen;
        if (seen === ABSENT) {
          target = log.push(current, a);
          frontier.push(next, encoder);
          onNewState(next, target, depth + 1, false);
        }
        edges.add(target, instances.id(action));
      }
    }
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    error = { message: `the model threw: ${message}`, at: current >= 0 ? log.pathTo(current) : null };
  }
  const graph = { size: log.size, edges, log, instances, table, flags };
  return { graph, violations: checks.violations, witnesses: checks.witnessRecords(), coverage, generated, depth, stoppedBy, error };
}

function grow8(a: Uint8Array, length: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(length);
  b.set(a);
  return b;
}
