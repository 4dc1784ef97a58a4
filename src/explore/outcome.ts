// The result of a search, as data (after Quint): ok | violation | incomplete | error, with statistics, coverage
// per action, the witnesses found, and each violation as a path of action indices that replay turns into a trace.
// Only the CLI maps an outcome to an exit code.

import type { ReductionStats } from './por/reduction-plan.ts';

export type Status = 'ok' | 'violation' | 'incomplete' | 'error';
export type Strategy = 'bfs' | 'simulate';

/** Why a search ended early: a budget, the first violation, or a stop request (Ctrl-C/SIGTERM, memory budget). */
export type StoppedBy = 'max-states' | 'time-limit' | 'max-depth' | 'first-violation' | StopReason | null;
/** What `ExploreOptions.shouldStop` may answer. */
export type StopReason = 'interrupt' | 'memory';

/**
 * The status every explorer reports. An interrupted run is incomplete even when it found violations: the user
 * cut it short, so it is no verdict (the violations found are still reported and written).
 */
export function statusOf(failed: boolean, violations: number, stoppedBy: StoppedBy): Status {
  if (failed) return 'error';
  if (stoppedBy === 'interrupt') return 'incomplete';
  if (violations > 0) return 'violation';
  return stoppedBy === 'max-states' || stoppedBy === 'time-limit' || stoppedBy === 'memory' ? 'incomplete' : 'ok';
}

export interface Stats {
  readonly distinctStates: number;
  readonly generatedStates: number;
  /** Deepest BFS level (or walk length) reached: the number of actions from an initial state. */
  readonly maxDepth: number;
  readonly durationMs: number;
  readonly statesPerSecond: number;
}

export interface CoverageEntry {
  readonly action: string;
  /** Times `next` returned a successor for this action type. */
  readonly enabled: number;
  /** Times the explorer followed it: equal to `enabled`, as every explorer takes each action it finds enabled. */
  readonly taken: number;
  /** Successors not seen before. */
  readonly newStates: number;
}

export interface PathRef {
  readonly initIndex: number;
  /** Indices into `actions(state)` from the initial state; its length is the trace length in actions. */
  readonly path: readonly number[];
}

export interface ViolationRecord extends PathRef {
  readonly property: string;
  readonly kind: 'always' | 'action' | 'liveness';
  /** Liveness only: the path is a lasso. State indices (0 = initial) of the trigger and of the loop's start. */
  readonly lasso?: LassoRef;
}

/**
 * A lasso over a path's states s0..sn: the property's trigger holds at s[trigger], its goal at none of
 * s[trigger..n], and sn = s[loop] — the behaviour repeats s[loop..n] forever (loop = n: it stutters at sn).
 */
export interface LassoRef {
  readonly trigger: number;
  readonly loop: number;
  /**
   * The lasso exists only because a model bound (named here, e.g. "maxEpoch=2") refuses a fair action on its
   * loop — the end of the explored world, not a violation: such a record does not make the outcome a violation.
   */
  readonly bounded?: string;
  /**
   * The loop closes only up to the model's LivenessQuotient: how its last state differs from state `loop`, in the
   * model's words (e.g. "every epoch 2 higher"). Absent when the loop returns to exactly the same state.
   */
  readonly shift?: string;
}

/** What the liveness explorer kept of the graph: edges and their cost. */
export interface GraphStats {
  readonly edges: number;
  readonly bytesPerEdge: number;
  /** Edge arrays, CSR offsets and the indexed fingerprint table. */
  readonly graphBytes: number;
}

export interface WitnessRecord {
  readonly name: string;
  readonly found: boolean;
  readonly depth: number | null;
  readonly at: PathRef | null;
}

/** How a simulation went: walks run, which one first broke a property, and how far it shrank. */
export interface SimulationStats {
  readonly walks: number;
  /** 1-based number of the walk that broke a property (null: none did). */
  readonly foundInWalk: number | null;
  /** That walk's length in actions before shrinking. */
  readonly foundLength: number | null;
  readonly shrinkAttempts: number;
}

export interface Outcome {
  readonly status: Status;
  /** True only when the whole reachable space (within no depth bound) was explored. */
  readonly complete: boolean;
  readonly strategy: Strategy;
  readonly seed: number;
  readonly stoppedBy: StoppedBy;
  readonly stats: Stats;
  readonly violations: readonly ViolationRecord[];
  readonly witnesses: readonly WitnessRecord[];
  readonly coverage: readonly CoverageEntry[];
  readonly warnings: readonly string[];
  readonly error: { readonly message: string; readonly at: PathRef | null } | null;
  /** Only when `--por` was asked for: whether it reduced and how many expansions it cut. */
  readonly reduction?: ReductionStats;
  /** Only when liveness properties were checked. */
  readonly graph?: GraphStats;
  /** Only for strategy 'simulate'. */
  readonly simulation?: SimulationStats;
}
