// Properties a model must satisfy: `always` state invariants, `action` properties over transitions
// (before, action, after), and `sometimes` witnesses that must be reachable so an invariant is not vacuous.
// Each has a kebab-case name stating the guarantee and a one-line doc citing the rule it checks.

import type { ActionBase } from './model.ts';

export interface AlwaysProperty<S> {
  readonly kind: 'always';
  readonly name: string;
  readonly doc: string;
  readonly check: (state: S) => boolean;
}

export interface ActionProperty<S, A extends ActionBase> {
  readonly kind: 'action';
  readonly name: string;
  readonly doc: string;
  readonly check: (before: S, action: A, after: S) => boolean;
}

export interface SometimesProperty<S> {
  readonly kind: 'sometimes';
  readonly name: string;
  readonly doc: string;
  readonly check: (state: S) => boolean;
}

export type Property<S, A extends ActionBase> = AlwaysProperty<S> | ActionProperty<S, A> | SometimesProperty<S>;

/** A property that can be violated (as opposed to a witness). */
export type SafetyProperty<S, A extends ActionBase> = AlwaysProperty<S> | ActionProperty<S, A>;

export function always<S>(name: string, doc: string, check: (state: S) => boolean): AlwaysProperty<S> {
  return { kind: 'always', name, doc, check };
}

export function actionProperty<S, A extends ActionBase>(
  name: string,
  doc: string,
  check: (before: S, action: A, after: S) => boolean,
): ActionProperty<S, A> {
  return { kind: 'action', name, doc, check };
}

export function sometimes<S>(name: string, doc: string, check: (state: S) => boolean): SometimesProperty<S> {
  return { kind: 'sometimes', name, doc, check };
}
