// What the CLI's registry knows about a model: its params, how to build it, its properties, and its presets
// (named param sets with an expectation that `kcheck suite` checks). Presets may also carry search bounds.

import type { ActionBase, Model } from './model.ts';
import type { ParamSpec, ParamValues } from './params.ts';
import type { Property } from './property.ts';

/**
 * `bounded`: liveness properties whose only counterexamples stop where a model bound refuses a fair action
 * (Model.boundRefusal) — undecided within the bounds, neither held nor violated.
 */
export type Expectation = { readonly holds: true } | { readonly violates: readonly string[] } | { readonly bounded: readonly string[] };

export interface Preset {
  readonly name: string;
  readonly doc: string;
  readonly params: ParamValues;
  readonly expect: Expectation;
  /** For a `holds` preset about liveness: the suite checks just these liveness properties (they keep every edge). */
  readonly liveness?: readonly string[];
  /** Search bounds the suite uses for this preset (defaults: exhaustive). */
  readonly bounds?: { readonly maxDepth?: number; readonly maxStates?: number };
}

export interface ModelDefinition<S = any, A extends ActionBase = any> {
  readonly name: string;
  readonly doc: string;
  readonly params: readonly ParamSpec[];
  create(params: ParamValues): Model<S, A>;
  properties(params: ParamValues): readonly Property<S, A>[];
  readonly presets: readonly Preset[];
  /** Fairness per action type for models that do not declare it themselves (see Model.fairness). */
  readonly fairness?: Readonly<Record<string, 'weak' | 'strong'>>;
  /** Checks relations between params that ranges cannot express; returns a one-line error or undefined. */
  validate?(params: ParamValues): string | undefined;
  /** Warnings about valid but surprising params (e.g. a value the system clamps), printed with the result. */
  notes?(params: ParamValues): readonly string[];
  /**
   * Where another thread (or a later `kcheck replay`) can import this definition from: a module URL and the name
   * of an export that is this definition or a registry holding it. Set by the CLI's model loader; optional.
   */
  readonly source?: ModelSource;
}

export interface ModelSource {
  readonly moduleUrl: string;
  readonly exportName: string;
}
