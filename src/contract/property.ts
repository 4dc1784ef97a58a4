// Properties a model must satisfy: `always` state invariants, `action` properties over transitions
// (before, action, after), `sometimes` witnesses that must be reachable so an invariant is not vacuous, and
// `liveness` (eventually / leads-to / always-eventually) checked under the model's fairness.
// Each has a kebab-case name stating the guarantee and a one-line doc citing the rule it checks.

import type { ActionBase } from './model.ts';

export interface AlwaysProperty<S> {
  readonly kind: 'always';
  readonly name: string;
  readonly doc: string;
  readonly check: (state: S) => boolean;
  /** The state parts (ActionFootprint names) `check` reads; needed for `--por` to reduce. */
  readonly reads?: readonly string[];
}

export interface ActionProperty<S, A extends ActionBase> {
  readonly kind: 'action';
  readonly name: string;
  readonly doc: string;
  readonly check: (before: S, action: A, after: S) => boolean;
  /**
   * The state parts `check` reads; needed for `--por`. The check may look at the action, but must hold on every
   * transition that changes none of these parts.
   */
  readonly reads?: readonly string[];
}

export interface SometimesProperty<S> {
  readonly kind: 'sometimes';
  readonly name: string;
  readonly doc: string;
  readonly check: (state: S) => boolean;
  /** The state parts (ActionFootprint names) `check` reads; needed for `--por` to reduce. */
  readonly reads?: readonly string[];
}

export type Property<S, A extends ActionBase> = AlwaysProperty<S> | ActionProperty<S, A> | SometimesProperty<S> | LivenessProperty<S>;

/** A property that can be violated (as opposed to a witness). */
export type SafetyProperty<S, A extends ActionBase> = AlwaysProperty<S> | ActionProperty<S, A>;

export function always<S>(name: string, doc: string, check: (state: S) => boolean, reads?: readonly string[]): AlwaysProperty<S> {
  return reads ? { kind: 'always', name, doc, check, reads } : { kind: 'always', name, doc, check };
}

export function actionProperty<S, A extends ActionBase>(
  name: string,
  doc: string,
  check: (before: S, action: A, after: S) => boolean,
  reads?: readonly string[],
): ActionProperty<S, A> {
  return reads ? { kind: 'action', name, doc, check, reads } : { kind: 'action', name, doc, check };
}

export function sometimes<S>(name: string, doc: string, check: (state: S) => boolean, reads?: readonly string[]): SometimesProperty<S> {
  return reads ? { kind: 'sometimes', name, doc, check, reads } : { kind: 'sometimes', name, doc, check };
}

/**
 * A liveness property, always in the form `trigger ~> goal` (TLA+'s leads-to): whenever a state satisfies the
 * trigger, every fair behaviour from it reaches a goal state. `eventually(Q)` is `Init ~> Q` (trigger null: the
 * initial states), `alwaysEventually(Q)` is `TRUE ~> Q` ([]<>Q). Checked only under the model's `fairness`.
 */
export interface LivenessProperty<S> {
  readonly kind: 'liveness';
  readonly form: 'eventually' | 'leadsTo' | 'alwaysEventually';
  readonly name: string;
  readonly doc: string;
  /** P; null means "the initial states" (for `eventually`). */
  readonly trigger: ((state: S) => boolean) | null;
  /** Q. */
  readonly goal: (state: S) => boolean;
}

export function eventually<S>(name: string, doc: string, goal: (state: S) => boolean): LivenessProperty<S> {
  return { kind: 'liveness', form: 'eventually', name, doc, trigger: null, goal };
}

export function leadsTo<S>(name: string, doc: string, trigger: (state: S) => boolean, goal: (state: S) => boolean): LivenessProperty<S> {
  return { kind: 'liveness', form: 'leadsTo', name, doc, trigger, goal };
}

export function alwaysEventually<S>(name: string, doc: string, goal: (state: S) => boolean): LivenessProperty<S> {
  return { kind: 'liveness', form: 'alwaysEventually', name, doc, trigger: () => true, goal };
}
