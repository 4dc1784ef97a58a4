// The model contract every kcheck model implements (after stateright): initial states, candidate actions,
// a pure `next` that returns undefined when an action is disabled, and a compact integer encoding.
// The harness knows nothing else about a model; models import only these types from src/. The optional `view`
// and `describeStep` (src/contract/view.ts) feed the trace page and `kcheck explore`.

import type { ClusterView, StepInfo } from './view.ts';

/** Appends 32-bit integers to the explorer's scratch buffer; the sequence must identify the state. */
export interface StateWriter {
  int(value: number): void;
}

/** Reads back what `encode` wrote, in the same order (used when a model offers `decode`). */
export interface StateReader {
  int(): number;
}

/** A value a model exposes in traces: JSON-like plain data. Integers become ITF `#bigint`. */
export type TraceValue =
  | number
  | boolean
  | string
  | null
  | readonly TraceValue[]
  | { readonly [key: string]: TraceValue };

/** Every action is plain data discriminated by `type`, named as an imperative protocol step. */
export interface ActionBase {
  readonly type: string;
}

/**
 * What an action may read and change, as names of state parts ("broker.2", "channel.0>1", "tm"): `reads` are the
 * parts its guard or effect depends on, `writes` the parts it may change. Two actions whose footprints do not
 * overlap in a write commute and neither enables nor disables the other; `--por` relies on exactly that.
 */
export interface ActionFootprint {
  readonly reads: readonly string[];
  readonly writes: readonly string[];
}

/** Optional: what partial-order reduction (`--por`) needs to know about a model's actions. */
export interface PartialOrder<A extends ActionBase> {
  /** The action's footprint; must not depend on the state it is taken in. */
  footprint(action: A): ActionFootprint;
  /**
   * Footprints covering every action that can join `actions(state)` later (one per message channel, say); a
   * model whose candidate list never changes gives []. Such an action may only appear after a step that writes a
   * part it reads (a send writes the channel its delivery reads).
   */
  readonly latent: readonly ActionFootprint[];
}

/**
 * Optional, for liveness: a transformation of states the model claims is a bisimulation (shifting every epoch
 * down alike, say), so the liveness graph is built over one representative per class and a run that repeats
 * "up to the transformation" (every epoch 2 higher) becomes a finite lasso. Liveness properties and fairness must
 * read the same on a state and its representative; a fast-check test per model checks both, and replay checks
 * that a loop closes modulo the transformation. Fairness units are then the representatives' actions.
 */
export interface LivenessQuotient<S, A extends ActionBase> {
  /**
   * The model liveness runs explore: the same protocol with any bound that reads absolute values restated on the
   * class (an epoch cap becomes a cap on the epoch spread), so the transformation is exactly a bisimulation of it.
   * May be the model itself; it carries this same quotient.
   */
  readonly model: Model<S, A>;
  /** The representative of the state's class; idempotent, and actions(rep)[i] corresponds to actions(state)[i]. */
  representative(state: S): S;
  /** How `to` differs from `from` when both have the same representative, in the protocol's words. */
  describeShift(from: S, to: S): string;
  /** What the quotient changes about the explored world, printed as a warning on every liveness run. */
  readonly note: string;
}

export interface Model<S, A extends ActionBase> {
  /** One or more initial states, in a deterministic order. */
  init(): readonly S[];
  /**
   * Candidate actions in a deterministic order. May over-approximate: `next` has the final word, so a model
   * can return one shared, pre-built array and avoid allocating per state.
   */
  actions(state: S): readonly A[];
  /** The successor, or undefined when the action is not enabled in `state`. Must be pure. */
  next(state: S, action: A): S | undefined;
  /** Writes an injective integer encoding of the state (what the visited set fingerprints). */
  encode(state: S, out: StateWriter): void;
  /** Optional inverse of `encode`; when present the BFS frontier is kept packed instead of as objects. */
  decode?(input: StateReader): S;
  /** Optional symmetry reduction: a representative of the state's equivalence class. */
  canonicalize?(state: S): S;
  /** The state as named variables of plain data, for traces, ITF and reports. */
  variables(state: S): Readonly<Record<string, TraceValue>>;
  /**
   * Optional: the state with its real types for the ITF trace — integers, records, lists, and ITF's tagged sets,
   * tuples and maps ({"#set": […]}, {"#tup": […]}, {"#map": [[k, v]…]}). Without it the ITF holds `variables`.
   * Replay compares these, so they must be a pure function of the state.
   */
  itfState?(state: S): Readonly<Record<string, TraceValue>>;
  /** Every action type the model can produce, so coverage can report the ones that never fired. */
  readonly actionTypes?: readonly string[];
  /** Optional footprints for partial-order reduction (`--por`); without them `--por` runs unreduced. */
  readonly partialOrder?: PartialOrder<A>;
  /**
   * Fairness per action type, for liveness properties: 'weak' (an action enabled without interruption is
   * eventually taken) or 'strong' (an action enabled infinitely often is eventually taken). Types left out —
   * crashes, restarts, faults — are never fair. Each distinct action value is its own fairness unit, as TLA+'s
   * `\A i : WF_vars(A(i))`, so one broker's steps cannot starve another's.
   */
  readonly fairness?: Readonly<Record<string, 'weak' | 'strong'>>;
  /**
   * Optional, for liveness: when `action` is not enabled in `state` only because a model bound (an epoch cap, a
   * message budget) refuses it, the bound's name (e.g. "maxEpoch=2"); else null. A fair behaviour that stops there
   * is the bound's end, not the system's: the liveness checker counts such an action as enabled and never taken,
   * and reports a counterexample that exists only that way as bounded, not as a violation.
   */
  boundRefusal?(state: S, action: A): string | null;
  /** Optional, for liveness only (safety search never uses it): see LivenessQuotient. */
  readonly livenessQuotient?: LivenessQuotient<S, A>;
  /**
   * Optional, for liveness only: the model liveness runs explore when it must take steps a safety run need not —
   * an observer's reads (a consumer) that a safety run checks as a state invariant, while "eventually read"
   * needs them as fair steps. Same states and encoding; a LivenessQuotient's model takes precedence.
   */
  readonly livenessModel?: Model<S, A>;
  /** One line in the protocol's words, e.g. "broker 2 creates /controller (epoch 3)". Defaults to JSON. */
  describeAction?(action: A): string;
  /** Optional picture of a state for the trace page and the explorer (nodes, logs as cells, messages in flight). */
  view?(state: S): ClusterView;
  /** Optional: who took the step and what it caused, e.g. "broker 1 crashes → controller elects broker 2 …". */
  describeStep?(before: S, action: A, after: S): StepInfo;
  /**
   * Optional: what a violation of `property` concretely means in `state`, e.g. "record b@1, committed at offset 1,
   * is gone: broker 2 leads epoch 3 without it". Shown first on the trace page; undefined when it has nothing to add.
   */
  explain?(property: string, state: S): string | undefined;
}
