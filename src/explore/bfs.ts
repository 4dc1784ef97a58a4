// Exhaustive breadth-first search. States are numbered in discovery order; the visited set holds only 64-bit
// fingerprints and the state log only (parent, action index), so memory per state is a few dozen bytes. BFS
// order makes every reported counterexample a shortest one; properties are checked as states are discovered.
// With `partialOrder` (--por) a state may expand only an ample subset of its actions (see por/ample-sets.ts).

import { budgetPoll } from './budget-poll.ts';
import type { ActionBase, Model } from '../contract/model.ts';
import { CoverageCounter, coverageWarnings } from './coverage-counter.ts';
import type { ExploreOptions } from './explore-options.ts';
import { FingerprintSet } from './fingerprint-set.ts';
import { createFrontier } from './frontier.ts';
import { statusOf, type Outcome } from './outcome.ts';
import { stateChecks } from './state-checks.ts';
import { StateEncoder } from './state-encoder.ts';
import { NO_PARENT, StateLog } from './state-log.ts';
import { reductionPlan, type ReductionStats } from './por/reduction-plan.ts';

export function exploreBfs<S, A extends ActionBase>(model: Model<S, A>, options: ExploreOptions<S, A>): Outcome {
  const started = Date.now();
  const encoder = new StateEncoder();
  const seen = new FingerprintSet();
  const log = new StateLog();
  const frontier = createFrontier(model);
  const coverage = new CoverageCounter(model.actionTypes);
  const checks = stateChecks(options, log);
  const { violations, violated } = checks;
  const witnesses = options.witnesses;
  const checkActions = checks.hasActionProperties;
  const canonical = options.symmetry && model.canonicalize ? model.canonicalize.bind(model) : null;
  const maxDepth = options.maxDepth ?? Infinity;
  const maxStates = options.maxStates ?? Infinity;
  const poll = budgetPoll(options, started);
  const keepGoing = options.continueAfterViolation === true;
  // --por: expand an ample subset where one is safe; the plain loop below stays as it was for runs without it.
  const plan = options.partialOrder ? reductionPlan(model, options.properties, witnesses) : null;
  const ample = plan?.ample ?? null;
  const reduction = { reducedExpansions: 0, fullExpansions: 0, provisoExpansions: 0 };

  let generated = 0;
  let depth = 0;
  let current = -1;
  let stoppedBy: Outcome['stoppedBy'] = null;
  let lastActions: readonly A[] | null = null;
  let slots: number[] = [];

  let lastHigh = 0; // the last fingerprint's high lane (its low lane stays in encoder.low), for the POR proviso
  const fingerprintIsNew = (state: S): boolean => {
    encoder.reset();
    const representative = canonical ? canonical(state) : state;
    model.encode(representative, encoder);
    const high = encoder.hash();
    lastHigh = high;
    const fresh = seen.add(high, encoder.low);
    if (fresh && representative !== state) {
      encoder.reset();
      model.encode(state, encoder); // the frontier keeps the real state so action indices replay exactly
    }
    return fresh;
  };
  const { onNewState, onTransition } = checks;
  // One transition under --por: the plain loop's body, returning whether the successor was new.
  const take = (state: S, a: number, action: A, next: S): boolean => {
    generated++;
    if (checkActions) onTransition(state, action, next, current, a);
    const fresh = fingerprintIsNew(next);
    const high = lastHigh;
    const low = encoder.low;
    coverage.count(slots[a], fresh);
    if (fresh) {
      const id = log.push(current, a);
      frontier.push(next, encoder);
      onNewState(next, id, depth + 1);
    }
    // Whether the successor lies on the next BFS level (new now, or found earlier in this level's expansion).
    return fresh ? (nextLevel.add(high, low), true) : nextLevel.has(high, low);
  };
  let nextLevel = new FingerprintSet(1 << 10);
  const successors: (S | undefined)[] = [];
  const enabled: boolean[] = [];
  const expandReduced = (state: S, actions: readonly A[]): void => {
    let count = 0;
    successors.length = actions.length;
    enabled.length = actions.length;
    for (let a = 0; a < actions.length; a++) {
      const next = model.next(state, actions[a]);
      successors[a] = next;
      enabled[a] = next !== undefined;
      if (next !== undefined) count++;
    }
    const chosen = (ample as NonNullable<typeof ample>).choose(actions, enabled, count);
    if (chosen !== null) {
      // C3, the BFS cycle proviso: every edge of a cycle cannot lead one level deeper, so if an ample successor
      // lies on this level or an earlier one the deferred actions might be deferred for ever: expand fully.
      let allNew = true;
      for (const a of chosen) {
        if (!take(state, a, actions[a], successors[a] as S)) allNew = false;
        enabled[a] = false;
      }
      if (allNew) {
        reduction.reducedExpansions++;
        return;
      }
      reduction.provisoExpansions++;
    }
    reduction.fullExpansions++;
    for (let a = 0; a < actions.length; a++) if (enabled[a]) take(state, a, actions[a], successors[a] as S);
  };
  // With no safety property selected (only witnesses), nothing can end the search early: explore it all.
  const done = (): boolean => options.properties.length > 0 && (keepGoing ? violated.size === options.properties.length : violations.length > 0);

  let error: Outcome['error'] = null;
  try {
    const initial = model.init();
    for (let i = 0; i < initial.length && !done(); i++) {
      generated++;
      if (!fingerprintIsNew(initial[i])) continue;
      const id = log.push(NO_PARENT, i);
      frontier.push(initial[i], encoder);
      onNewState(initial[i], id, 0);
    }
    let levelEnd = log.size;
    while (frontier.length > 0 && !done()) {
      const state = frontier.shift();
      current++;
      if (current === levelEnd) {
        depth++;
        levelEnd = log.size;
        if (ample !== null) nextLevel = new FingerprintSet(1 << 10);
      }
      if (depth >= maxDepth) {
        stoppedBy = 'max-depth';
        break;
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
      const actions = model.actions(state);
      if (actions !== lastActions) {
        // Models that return one shared action array pay for coverage slots once, not per transition.
        lastActions = actions;
        slots = actions.map((action) => coverage.slot(action.type));
      }
      if (ample !== null) {
        expandReduced(state, actions);
        continue;
      }
      for (let a = 0; a < actions.length; a++) {
        const action = actions[a];
        const next = model.next(state, action);
        if (next === undefined) continue;
        generated++;
        if (checkActions) onTransition(state, action, next, current, a);
        const fresh = fingerprintIsNew(next);
        coverage.count(slots[a], fresh);
        if (!fresh) continue;
        const id = log.push(current, a);
        frontier.push(next, encoder);
        onNewState(next, id, depth + 1);
      }
    }
    if (violations.length > 0 && frontier.length > 0 && stoppedBy === null) stoppedBy = 'first-violation';
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    error = { message: `the model threw: ${message}`, at: current >= 0 ? log.pathTo(current) : null };
  }

  const durationMs = Date.now() - started;
  const maxDepthReached = log.size > 0 ? Math.max(depth, depthOf(log, log.size - 1)) : 0;
  const status = statusOf(error !== null, violations.length, stoppedBy);
  const entries = coverage.entries();
  return {
    status,
    complete: error === null && stoppedBy === null && frontier.length === 0,
    strategy: 'bfs',
    seed: options.seed ?? 0,
    stoppedBy,
    stats: {
      distinctStates: log.size,
      generatedStates: generated,
      maxDepth: maxDepthReached,
      durationMs,
      statesPerSecond: Math.round(log.size / Math.max(durationMs / 1000, 0.001)),
    },
    violations: [...violations].sort((x, y) => x.path.length - y.path.length),
    witnesses: checks.witnessRecords(),
    coverage: entries,
    warnings: ample !== null && stoppedBy === 'max-depth' ? [...coverageWarnings(entries), POR_DEPTH_WARNING] : coverageWarnings(entries),
    error,
    ...(plan ? { reduction: { applied: ample !== null, reason: plan.reason, ...reduction } satisfies ReductionStats } : {}),
  };
}

/** An ample set can push a state deeper than its shortest distance, so a depth bound proves less under --por. */
export const POR_DEPTH_WARNING = '--por with a depth bound: reduced traces can be longer than the shortest ones, so states within the bound may be unexplored';

function depthOf(log: StateLog, index: number): number {
  return log.pathTo(index).path.length;
}
