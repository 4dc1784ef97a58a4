// The Informal Trace Format (ITF, used by Apalache and Quint): integers as {"#bigint": "n"}, lists as arrays,
// records as objects, sets / tuples / maps as {"#set": […]}, {"#tup": […]}, {"#map": [[k, v]…]} (a model writes
// those tags in its `itfState`), null as {"#unserializable": "null"}. `fromItf` reads values back, tags kept, and
// rejects anything malformed with a one-line KC_BAD_TRACE error. Round-trips are tested.

import type { TraceValue } from '../contract/model.ts';
import { KcheckError } from '../errors.ts';

export interface ItfMeta {
  readonly format: 'ITF';
  readonly 'format-description': string;
  readonly source: 'kcheck';
  readonly model: string;
  readonly preset: string | null;
  readonly params: Readonly<Record<string, number | boolean | string>>;
  readonly seed: number;
  readonly strategy: string;
  readonly property: string;
  readonly propertyKind: 'always' | 'action' | 'liveness';
  readonly initIndex: number;
  readonly [key: string]: unknown;
}

export interface ItfStepMeta {
  readonly index: number;
  /** The action that led into this state (absent for the initial state), as plain data. */
  readonly action?: TraceValue;
  readonly actionIndex?: number;
  readonly actionText?: string;
  /** The state as the reports show it (the model's display variables), when the states hold structured values. */
  readonly display?: Readonly<Record<string, TraceValue>>;
}

export interface ItfTrace {
  readonly '#meta': ItfMeta;
  readonly vars: readonly string[];
  readonly states: readonly ({ readonly '#meta': ItfStepMeta } & Readonly<Record<string, unknown>>)[];
  /** A lasso: the index of the state the behaviour loops back to (kcheck writes it again as the last state). */
  readonly loop?: number;
}

export function toItfValue(value: TraceValue): unknown {
  if (value === null) return { '#unserializable': 'null' };
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`ITF has no non-integer numbers: ${value}`);
    return { '#bigint': String(value) };
  }
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(toItfValue);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, TraceValue>)) out[k] = toItfValue(v);
  return out;
}

export function fromItfValue(value: unknown, where: string): TraceValue {
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v, i) => fromItfValue(v, `${where}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('#bigint' in record) {
      const text = record['#bigint'];
      if (typeof text !== 'string' || !/^-?\d+$/.test(text)) throw bad(`${where}: #bigint must be a decimal string`);
      return Number(text);
    }
    if ('#unserializable' in record) return null;
    // Sets, tuples and maps keep their tag, so a structured state reads back as what was written.
    for (const tag of ['#set', '#tup', '#map']) {
      if (tag in record) {
        const items = record[tag];
        if (!Array.isArray(items)) throw bad(`${where}: ${tag} must hold an array`);
        if (tag === '#map' && !items.every((pair) => Array.isArray(pair) && pair.length === 2)) throw bad(`${where}: #map must hold [key, value] pairs`);
        return { [tag]: items.map((v, i) => fromItfValue(v, `${where}.${tag}[${i}]`)) };
      }
    }
    const out: Record<string, TraceValue> = {};
    for (const [k, v] of Object.entries(record)) out[k] = fromItfValue(v, `${where}.${k}`);
    return out;
  }
  throw bad(`${where}: ${JSON.stringify(value)} is not an ITF value`);
}

function bad(message: string): KcheckError {
  return new KcheckError('KC_BAD_TRACE', `malformed ITF trace: ${message}`);
}

/** Validates the ITF shape and decodes every state's variables. */
export function parseItf(text: string, file: string): { meta: ItfMeta; steps: { meta: ItfStepMeta; vars: Record<string, TraceValue> }[]; loop?: number } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KcheckError('KC_BAD_TRACE', `${file} is not valid JSON; pass a .itf.json file written by kcheck check`);
  }
  const root = json as Partial<ItfTrace>;
  if (!root || typeof root !== 'object' || !root['#meta'] || !Array.isArray(root.vars) || !Array.isArray(root.states)) {
    throw bad(`${file} needs "#meta", "vars" and "states"`);
  }
  const meta = root['#meta'] as ItfMeta;
  if (typeof meta.model !== 'string' || typeof meta.params !== 'object' || typeof meta.property !== 'string') {
    throw bad(`${file}: #meta must name model, params and property (was it written by kcheck?)`);
  }
  const steps = root.states.map((state, i) => {
    const stepMeta = state?.['#meta'];
    if (!stepMeta || stepMeta.index !== i) throw bad(`${file}: state ${i} lacks "#meta": {"index": ${i}}`);
    if (i > 0 && typeof stepMeta.actionIndex !== 'number') throw bad(`${file}: state ${i} lacks #meta.actionIndex`);
    const vars: Record<string, TraceValue> = {};
    for (const name of root.vars as string[]) {
      if (!(name in state)) throw bad(`${file}: state ${i} lacks variable ${name}`);
      vars[name] = fromItfValue(state[name], `states[${i}].${name}`);
    }
    return { meta: stepMeta, vars };
  });
  if (steps.length === 0) throw bad(`${file} has no states`);
  const loop = root.loop;
  if (loop !== undefined && !(Number.isInteger(loop) && loop >= 0 && loop < steps.length)) throw bad(`${file}: "loop" must be a state index below ${steps.length}`);
  return loop === undefined ? { meta, steps } : { meta, steps, loop };
}
