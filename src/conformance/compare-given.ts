// Compares a rule's output with exactly what a conformance vector's expectation gives, and nothing else: keys the
// expectation omits are not compared (an error given without its message checks the error only), a key the output
// does not have fails naming it, and aggregate keys — `count(F)`, `count(F[i])`, `length(F)` over a list field F, as
// Kafka's tests assert counts of placements per replica list — are computed from the output.

import type { VectorVerdict } from './vector.ts';

type Rec = Readonly<Record<string, unknown>>;

const isRecord = (x: unknown): x is Rec => x !== null && typeof x === 'object' && !Array.isArray(x);

/** JSON with sorted keys, so key order never makes two equal values differ. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** String-valued `note`, `meaning` and `formula` keys are the vector author's commentary, not expectations. */
export const isCommentary = (key: string, value: unknown): boolean => ['note', 'meaning', 'formula'].includes(key) && typeof value === 'string';

const AGGREGATE = /^(count|length)\(([\w.-]+)(?:\[(\d+)\])?\)$/;

/** The aggregate a key names over `actual`, or undefined when the key is not an aggregate of a list field. */
function aggregate(key: string, actual: Rec): { value: unknown; zeroIfAbsent: boolean } | undefined {
  const m = AGGREGATE.exec(key);
  if (!m || !Array.isArray(actual[m[2]])) return undefined;
  const list = actual[m[2]] as readonly unknown[];
  if (m[1] === 'length') return m[3] === undefined ? { value: list.length, zeroIfAbsent: false } : undefined;
  const counts: Record<string, number> = {};
  for (const item of list) {
    const picked = m[3] === undefined ? item : Array.isArray(item) ? item[Number(m[3])] : undefined;
    const k = typeof picked === 'string' ? picked : canonicalJson(picked);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return { value: counts, zeroIfAbsent: true };
}

/** Whether `key` is something `understood` fields can answer (a field, or an aggregate over a field). */
export function keyUnderstood(key: string, understood: readonly string[]): boolean {
  const m = AGGREGATE.exec(key);
  return understood.includes(key) || (m !== null && understood.includes(m[2]));
}

function compare(expected: unknown, actual: unknown, path: string, zeroIfAbsent: boolean): string | null {
  if (isRecord(expected) && isRecord(actual)) {
    for (const [key, want] of Object.entries(expected)) {
      if (path === '' && isCommentary(key, want)) continue;
      const at = path ? `${path}.${key}` : key;
      const agg = key in actual ? undefined : aggregate(key, actual);
      if (!(key in actual) && agg === undefined) {
        if (zeroIfAbsent && want === 0) continue;
        return `expectation key '${at}' is not understood: the output has ${Object.keys(actual).join(', ') || 'no fields'}`;
      }
      const problem = agg ? compare(want, agg.value, at, agg.zeroIfAbsent) : compare(want, actual[key], at, false);
      if (problem) return problem;
    }
    return null;
  }
  if (canonicalJson(expected) === canonicalJson(actual)) return null;
  return `${path ? `${path}: ` : ''}expected ${canonicalJson(expected)}, got ${canonicalJson(actual)}`;
}

export function compareGiven(expected: unknown, actual: unknown): VectorVerdict {
  const problem = compare(expected, actual, '', false);
  return problem === null ? { status: 'pass', detail: '' } : { status: 'fail', detail: problem };
}
