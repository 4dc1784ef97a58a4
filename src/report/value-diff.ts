// Which variables a step changed, as dotted paths (`brokers[2].epoch: 3 → 4`), so a Markdown step shows only what
// moved. Records and arrays of records are descended into; arrays of scalars are compared and shown whole, which
// keeps logs (`[a@1, b@1]`) readable as one value.

import type { TraceValue } from '../contract/model.ts';

export interface Change {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

/** The ITF tag of a structured value ({"#set": …}, {"#tup": …}, {"#map": …}), or null for plain data. */
export function itfTag(v: TraceValue | undefined): '#set' | '#tup' | '#map' | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === '#set' || keys[0] === '#tup' || keys[0] === '#map') && Array.isArray((v as Record<string, TraceValue>)[keys[0]]) ? keys[0] : null;
}

export function renderValue(value: TraceValue | undefined): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(renderValue).join(', ')}]`;
  const tag = itfTag(value);
  const items = tag ? ((value as Record<string, readonly TraceValue[]>)[tag]) : [];
  if (tag === '#set') return `{${items.map(renderValue).join(', ')}}`;
  if (tag === '#tup') return `⟨${items.map(renderValue).join(', ')}⟩`;
  if (tag === '#map') return `{${items.map((p) => (Array.isArray(p) ? `${renderValue(p[0])} ↦ ${renderValue(p[1])}` : renderValue(p))).join(', ')}}`;
  return `{${Object.entries(value).map(([k, v]) => `${k}: ${renderValue(v)}`).join(', ')}}`;
}

/** A plain record to descend into (ITF sets, tuples and maps are shown whole, like lists of scalars). */
function isRecord(v: TraceValue | undefined): v is { readonly [key: string]: TraceValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && itfTag(v) === null;
}

function isRecordArray(v: TraceValue | undefined): v is readonly TraceValue[] {
  return Array.isArray(v) && v.length > 0 && v.every(isRecord);
}

export function diffValues(before: TraceValue | undefined, after: TraceValue | undefined, path: string, out: Change[]): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    for (const k of keys) diffValues(before[k], after[k], `${path}.${k}`, out);
    return;
  }
  if (isRecordArray(before) && isRecordArray(after) && before.length === after.length) {
    for (let i = 0; i < before.length; i++) diffValues(before[i], after[i], `${path}[${i}]`, out);
    return;
  }
  const a = renderValue(before);
  const b = renderValue(after);
  if (a !== b) out.push({ path, before: a, after: b });
}

export function diffVariables(before: Readonly<Record<string, TraceValue>>, after: Readonly<Record<string, TraceValue>>): Change[] {
  const out: Change[] = [];
  for (const name of Object.keys(after)) diffValues(before[name], after[name], name, out);
  return out;
}

/** Every leaf of a variable as (path, rendered value), with the same descent rules as the diff. */
export function flattenValue(value: TraceValue | undefined, path: string, out: { path: string; value: string }[]): void {
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) flattenValue(v, `${path}.${k}`, out);
    return;
  }
  if (isRecordArray(value)) {
    value.forEach((v, i) => flattenValue(v, `${path}[${i}]`, out));
    return;
  }
  out.push({ path, value: renderValue(value) });
}
