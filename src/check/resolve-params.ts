// Turns defaults, a preset, a config file's values and `--set key=value` strings into one validated param set.
// Every rejection is a KcheckError whose one line names the param and what it accepts.

import type { ModelDefinition } from '../contract/model-definition.ts';
import { describeRange, type ParamSpec, type ParamValue, type ParamValues } from '../contract/params.ts';
import { KcheckError } from '../errors.ts';

export function presetNamed(definition: ModelDefinition, name: string) {
  const preset = definition.presets.find((p) => p.name === name);
  if (!preset) {
    const names = definition.presets.map((p) => p.name).join(', ');
    throw new KcheckError('KC_UNKNOWN_PRESET', `unknown preset '${name}' for model ${definition.name}; valid presets: ${names}`);
  }
  return preset;
}

/** Parses a `--set` value (always a string) against the param's declared type. */
export function parseParamValue(spec: ParamSpec, raw: string): ParamValue {
  switch (spec.type) {
    case 'int': {
      if (!/^-?\d+$/.test(raw.trim())) throw badValue(spec, raw);
      return Number(raw.trim());
    }
    case 'bool': {
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      throw badValue(spec, raw);
    }
    case 'enum':
      return raw;
  }
}

function badValue(spec: ParamSpec, raw: unknown): KcheckError {
  const shown = typeof raw === 'string' ? `'${raw}'` : JSON.stringify(raw);
  return new KcheckError('KC_BAD_PARAM', `param ${spec.name} = ${shown} is invalid: expected ${describeRange(spec)}`);
}

function checkValue(spec: ParamSpec, value: unknown): ParamValue {
  switch (spec.type) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max) throw badValue(spec, value);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw badValue(spec, value);
      return value;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) throw badValue(spec, value);
      return value;
  }
}

function specNamed(definition: ModelDefinition, name: string): ParamSpec {
  const spec = definition.params.find((p) => p.name === name);
  if (!spec) {
    const names = definition.params.map((p) => p.name).join(', ');
    throw new KcheckError('KC_UNKNOWN_PARAM', `unknown param '${name}' for model ${definition.name}; valid params: ${names}`);
  }
  return spec;
}

export interface ParamSources {
  readonly preset?: string;
  /** Values from a config file (already JSON-typed). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** `key=value` strings from the command line, applied last. */
  readonly sets?: readonly string[];
  /** Typed overrides from the programmatic API, applied last. */
  readonly values?: Readonly<Record<string, unknown>>;
}

export function resolveParams(definition: ModelDefinition, sources: ParamSources): ParamValues {
  const out: Record<string, ParamValue> = {};
  for (const spec of definition.params) out[spec.name] = spec.default;
  if (sources.preset !== undefined) Object.assign(out, presetNamed(definition, sources.preset).params);
  for (const [name, value] of Object.entries(sources.config ?? {})) out[name] = checkValue(specNamed(definition, name), value);
  for (const assignment of sources.sets ?? []) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new KcheckError('KC_USAGE', `--set expects key=value, got '${assignment}'`);
    const spec = specNamed(definition, assignment.slice(0, eq));
    out[spec.name] = checkValue(spec, parseParamValue(spec, assignment.slice(eq + 1)));
  }
  for (const [name, value] of Object.entries(sources.values ?? {})) out[name] = checkValue(specNamed(definition, name), value);
  for (const spec of definition.params) checkValue(spec, out[spec.name]);
  const relation = definition.validate?.(out);
  if (relation) throw new KcheckError('KC_BAD_PARAM', relation);
  return out;
}
