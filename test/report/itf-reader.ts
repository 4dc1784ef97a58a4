// Test helper: a small structure-aware ITF reader, as Quint or Apalache tooling would load a trace — #bigint as
// BigInt, #set as Set, #map as Map, #tup as a frozen tuple, records as objects — so tests can assert types.

export type Itf = bigint | boolean | string | null | Set<Itf> | Map<Itf, Itf> | readonly Itf[] | { readonly [k: string]: Itf } | Tuple;

export class Tuple {
  constructor(readonly items: readonly Itf[]) {}
}

export function readItf(v: unknown): Itf {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(readItf);
  if (v === null || typeof v !== 'object') throw new Error(`not an ITF value: ${JSON.stringify(v)}`);
  const r = v as Record<string, unknown>;
  if ('#bigint' in r) return BigInt(r['#bigint'] as string);
  if ('#set' in r) return new Set((r['#set'] as unknown[]).map(readItf));
  if ('#map' in r) return new Map((r['#map'] as [unknown, unknown][]).map(([k, x]) => [readItf(k), readItf(x)]));
  if ('#tup' in r) return new Tuple((r['#tup'] as unknown[]).map(readItf));
  if ('#unserializable' in r) return null;
  const out: Record<string, Itf> = {};
  for (const [k, x] of Object.entries(r)) out[k] = readItf(x);
  return out;
}

/** The states of a trace file, each variable read by type (its #meta left out). */
export function readItfStates(json: { vars: string[]; states: Record<string, unknown>[] }): Record<string, Itf>[] {
  return json.states.map((s) => Object.fromEntries(json.vars.map((name) => [name, readItf(s[name])])));
}
