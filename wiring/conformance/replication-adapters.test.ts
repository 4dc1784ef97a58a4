// Runs every replication.json vector this table owns (all but the ReplicationControlManager ones) through its
// adapter and expects Kafka's output; also checks the adapters really fail when the expected value is altered.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Vector, VectorFile } from '../../src/conformance/vector.ts';
import { replicationAdapters } from './replication-adapters.ts';

const file = JSON.parse(readFileSync(new URL('./vectors/replication.json', import.meta.url), 'utf8')) as VectorFile;
const owned = file.vectors.filter((v) => !v.algorithm.startsWith('ReplicationControlManager'));

describe('replication conformance vectors', () => {
  it('covers the 23 vectors and every algorithm among them', () => {
    expect(owned).toHaveLength(23);
    expect(new Set(owned.map((v) => v.algorithm))).toEqual(new Set(Object.keys(replicationAdapters)));
  });

  it.each(owned.map((v) => [v.id, v] as const))('%s passes', (_id, vector) => {
    expect(replicationAdapters[vector.algorithm](vector)).toEqual({ status: 'pass', detail: '' });
  });

  it.each(owned.map((v) => [v.id, v] as const))('%s fails when the expected output is corrupted', (_id, vector) => {
    const corrupted: Vector = { ...vector, expected: corrupt(vector.expected) };
    const verdict = replicationAdapters[vector.algorithm](corrupted);
    expect(verdict.status).toBe('fail');
    expect(verdict.detail).toMatch(/expected .*, got /);
  });
});

/** Changes the first leaf value (numbers +1, booleans negated, strings suffixed) so the comparison must notice. */
function corrupt(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string') return value === 'now' ? 12345 : `${value}!`;
  if (Array.isArray(value)) return value.length === 0 ? [0] : [corrupt(value[0]), ...value.slice(1)];
  if (value !== null && typeof value === 'object') {
    const [key, first] = Object.entries(value)[0];
    return { ...value, [key]: corrupt(first) };
  }
  return value;
}
