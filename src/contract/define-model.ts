// defineModel: a model definition with typed params (ranges and docs), properties and presets with expectations,
// checked once when defined so a wrong preset or expectation is a one-line KC_BAD_MODEL error, not a silent pass.
// Every built-in model is made with it, and `definition.extend({ properties, presets })` adds to one.

import { resolveParams } from '../check/resolve-params.ts';
import { KcheckError } from '../errors.ts';
import type { ActionBase, Model } from './model.ts';
import type { Expectation, ModelDefinition, ModelSource, Preset } from './model-definition.ts';
import type { ParamSpec, ParamValues } from './params.ts';
import type { Property } from './property.ts';

/** The param values a list of specs declares: ints are numbers, bools booleans, enums the union of their values. */
export type ParamsOf<P extends readonly ParamSpec[]> = {
  readonly [K in P[number] as K['name']]: K extends { readonly type: 'int' }
    ? number
    : K extends { readonly type: 'bool' }
      ? boolean
      : K extends { readonly values: readonly (infer V)[] }
        ? V
        : never;
};

export interface PresetSpec<V> {
  readonly name: string;
  readonly doc: string;
  readonly params?: Partial<V>;
  readonly expect: Expectation;
  readonly bounds?: Preset['bounds'];
  readonly liveness?: Preset['liveness'];
}

type PropertiesSpec<S, A extends ActionBase, V> = readonly Property<S, A>[] | ((params: V) => readonly Property<S, A>[]);

export interface ModelSpec<S, A extends ActionBase, P extends readonly ParamSpec[]> {
  readonly name: string;
  readonly doc: string;
  readonly params: P;
  create(params: ParamsOf<P>): Model<S, A>;
  readonly properties: PropertiesSpec<S, A, ParamsOf<P>>;
  readonly presets?: readonly PresetSpec<ParamsOf<P>>[];
  validate?(params: ParamsOf<P>): string | undefined;
  /** Warnings about valid but surprising params, printed with the result (see ModelDefinition.notes). */
  notes?(params: ParamsOf<P>): readonly string[];
  /** Fairness per action type for liveness, when the model does not declare it itself (see Model.fairness). */
  readonly fairness?: ModelDefinition['fairness'];
  readonly source?: ModelSource;
}

export interface Extension<S, A extends ActionBase, V> {
  /** A new name (required when both models are registered side by side). */
  readonly name?: string;
  readonly doc?: string;
  /** Properties added to the model's own (same names are an error). */
  readonly properties?: PropertiesSpec<S, A, V>;
  /** Presets added to the model's own (same names are an error). */
  readonly presets?: readonly PresetSpec<V>[];
}

export interface DefinedModel<S = any, A extends ActionBase = any, V = ParamValues> extends ModelDefinition<S, A> {
  /** A copy with more properties and presets (after Stateright's builder): the original is unchanged. */
  extend(extension: Extension<S, A, V>): DefinedModel<S, A, V>;
}

export function defineModel<S, A extends ActionBase, const P extends readonly ParamSpec[]>(spec: ModelSpec<S, A, P>): DefinedModel<S, A, ParamsOf<P>> {
  type V = ParamsOf<P>;
  const propertiesOf = (p: ParamValues): readonly Property<S, A>[] => (typeof spec.properties === 'function' ? spec.properties(p as V) : spec.properties);
  const definition: DefinedModel<S, A, V> = {
    name: spec.name,
    doc: spec.doc,
    params: spec.params,
    create: (p) => spec.create(p as V),
    properties: propertiesOf,
    presets: (spec.presets ?? []).map((preset) => ({ ...preset, params: (preset.params ?? {}) as ParamValues })),
    ...(spec.validate ? { validate: (p: ParamValues) => spec.validate!(p as V) } : {}),
    ...(spec.notes ? { notes: (p: ParamValues) => spec.notes!(p as V) } : {}),
    ...(spec.fairness ? { fairness: spec.fairness } : {}),
    ...(spec.source ? { source: spec.source } : {}),
    extend: (extension) =>
      defineModel<S, A, P>({
        ...spec,
        name: extension.name ?? spec.name,
        doc: extension.doc ?? spec.doc,
        properties: (p: V) => {
          const extra = extension.properties ?? [];
          return [...propertiesOf(p), ...(typeof extra === 'function' ? extra(p) : extra)];
        },
        presets: [...(spec.presets ?? []), ...(extension.presets ?? [])],
        // A renamed copy lives in another module: the original's source would load the original.
        source: extension.name === undefined ? spec.source : undefined,
      }),
  };
  checkDefinition(definition);
  return definition;
}

function bad(model: string, message: string): KcheckError {
  return new KcheckError('KC_BAD_MODEL', `model ${model}: ${message}`);
}

/** Names are unique, defaults in range, and every preset resolves and names properties the model has. */
export function checkDefinition(definition: ModelDefinition): void {
  const name = definition.name;
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(name)) throw bad(String(name), 'name must be kebab-case (a-z, 0-9, -)');
  const unique = (kind: string, names: readonly string[]): void => {
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice !== undefined) throw bad(name, `two ${kind} are named '${twice}'`);
  };
  unique('params', definition.params.map((p) => p.name));
  unique('presets', definition.presets.map((p) => p.name));
  const defaults = wrap(name, 'defaults', () => resolveParams(definition, {}));
  unique('properties', wrap(name, 'properties', () => definition.properties(defaults)).map((p) => p.name));
  for (const preset of definition.presets) {
    const params = wrap(name, `preset ${preset.name}`, () => resolveParams(definition, { preset: preset.name }));
    if ('violates' in preset.expect) {
      const known = definition.properties(params).filter((p) => p.kind !== 'sometimes').map((p) => p.name);
      const unknown = preset.expect.violates.filter((p) => !known.includes(p));
      if (unknown.length > 0) throw bad(name, `preset ${preset.name} expects a violation of ${unknown.join(', ')}, which is not a property it has; valid: ${known.join(', ')}`);
    } else if ('bounded' in preset.expect) {
      const known = definition.properties(params).filter((p) => p.kind === 'liveness').map((p) => p.name);
      const unknown = preset.expect.bounded.filter((p) => !known.includes(p));
      if (unknown.length > 0) throw bad(name, `preset ${preset.name} expects ${unknown.join(', ')} bounded, which is not a liveness property it has; valid: ${known.join(', ')}`);
    } else if (!('holds' in preset.expect)) {
      throw bad(name, `preset ${preset.name}: expect must be { holds: true }, { violates: [property, ...] } or { bounded: [liveness property, ...] }`);
    }
  }
}

function wrap<T>(model: string, what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw bad(model, `${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
