// Runs every vector of assignment.json (Kafka's AdminRackAwareTest, AdminZkClient and StripedReplicaPlacerTest
// cases) through the assignment adapters; all 17 must pass, and no algorithm in the file may lack an adapter.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VectorFile } from '../../src/conformance/vector.ts';
import { assignmentAdapters } from './assignment-adapters.ts';

const file = JSON.parse(
  readFileSync(new URL('./vectors/assignment.json', import.meta.url), 'utf8'),
) as VectorFile;

describe('assignment.json conformance', () => {
  it('has the 17 vectors and an adapter for each algorithm', () => {
    expect(file.vectors).toHaveLength(17);
    const missing = file.vectors.filter((vector) => assignmentAdapters[vector.algorithm] === undefined);
    expect(missing.map((vector) => vector.algorithm)).toEqual([]);
  });

  for (const vector of file.vectors) {
    it(`${vector.id} (${vector.algorithm})`, () => {
      const adapter = assignmentAdapters[vector.algorithm];
      expect(adapter).toBeDefined();
      expect(adapter?.(vector)).toEqual({ status: 'pass', detail: '' });
    });
  }

  it('reports a readable diff when Kafka and the model disagree', () => {
    const vector = file.vectors.find((v) => v.id === 'striped-successful');
    if (vector === undefined) throw new Error('vector striped-successful missing');
    const tampered = { ...vector, expected: { placements: [[9, 9, 9]] } };
    const verdict = assignmentAdapters[vector.algorithm]?.(tampered);
    expect(verdict?.status).toBe('fail');
    expect(verdict?.detail).toMatch(/^placements: expected \[\[9,9,9\]\], got \[\[2,3,0\],/);
  });
});
