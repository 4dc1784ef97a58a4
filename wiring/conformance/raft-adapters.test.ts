// Runs every raft.json vector (Kafka's KRaft quorum tests) through raftAdapters and expects each to pass;
// also checks that the table covers every algorithm in the file and that a wrong answer is reported as a failure.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { Vector, VectorFile } from '../../src/conformance/vector.ts';
import { raftAdapters } from './raft-adapters.ts';

const file = JSON.parse(readFileSync(new URL('./vectors/raft.json', import.meta.url), 'utf8')) as VectorFile;

describe('raft.json conformance', () => {
  it('holds the 40 vectors and an adapter for each algorithm', () => {
    expect(file.vectors).toHaveLength(40);
    const missing = [...new Set(file.vectors.map((v) => v.algorithm))].filter((a) => !(a in raftAdapters));
    expect(missing).toEqual([]);
  });

  it.each(file.vectors.map((v) => [v.id, v] as const))('%s passes', (_id, vector) => {
    expect(raftAdapters[vector.algorithm](vector)).toEqual({ status: 'pass', detail: '' });
  });

  it('reports a readable failure when the expected answer is wrong', () => {
    const vote = file.vectors.find((v) => v.id === 'vote-log-comparison-0') as Vector;
    const expected = vote.expected as { response: Record<string, unknown> };
    const tampered: Vector = { ...vote, expected: { ...expected, response: { ...expected.response, granted: false } } };
    expect(raftAdapters[vote.algorithm](tampered)).toEqual({
      status: 'fail',
      detail: 'response.granted: expected false, got true',
    });

    const hw = file.vectors.find((v) => v.id === 'hw-never-rewinds') as Vector & { steps: { hw: number | null }[] };
    const steps = hw.steps.map((s, i) => (i === 2 ? { ...s, hw: 5 } : s));
    const verdict = raftAdapters[hw.algorithm]({ ...hw, steps } as Vector);
    expect(verdict.status).toBe('fail');
    expect(verdict.detail).toBe('step 2 (replica 1@5) hw: expected 5, got 10');
  });
});
