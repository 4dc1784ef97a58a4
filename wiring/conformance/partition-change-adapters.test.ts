// Runs every KRaft partition-change vector (partition-election.json minus the ZK ones, and replication.json's
// ReplicationControlManager ones) through partitionChangeAdapters and expects each to pass.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Vector, VectorFile } from '../../src/conformance/vector.ts';
import { partitionChangeAdapters } from './partition-change-adapters.ts';

function load(file: string): readonly Vector[] {
  const text = readFileSync(new URL(`./vectors/${file}`, import.meta.url), 'utf8');
  return (JSON.parse(text) as VectorFile).vectors;
}

const election = load('partition-election.json').filter((v) => !v.algorithm.startsWith('ZK '));
const replication = load('replication.json').filter((v) => v.algorithm.startsWith('ReplicationControlManager'));

describe('partition-change conformance', () => {
  it('covers the 84 KRaft election vectors and the 2 ReplicationControlManager vectors', () => {
    expect(election).toHaveLength(84);
    expect(replication).toHaveLength(2);
    for (const v of [...election, ...replication]) expect(partitionChangeAdapters[v.algorithm], v.algorithm).toBeTypeOf('function');
  });

  for (const v of [...election, ...replication]) {
    it(`${v.id} (${v.algorithm})`, () => {
      expect(partitionChangeAdapters[v.algorithm](v)).toEqual({ status: 'pass', detail: '' });
    });
  }
});

describe('partition-change adapters on altered vectors', () => {
  it('fail with a readable expected/got diff when Kafka expected something else', () => {
    const v = election.find((x) => x.id === 'pcb-isr-and-leader-change-v2');
    if (v === undefined) throw new Error('vector pcb-isr-and-leader-change-v2 missing');
    const expected = v.expected as { record: object; partitionAfterMerge: object };
    const altered = { ...v, expected: { ...expected, record: { ...expected.record, leader: 3 } } };
    const verdict = partitionChangeAdapters[v.algorithm](altered);
    expect(verdict.status).toBe('fail');
    expect(verdict.detail).toMatch(/^expected .*"leader":3.*, got .*"leader":2/);
  });

  it('report an unreadable vector instead of guessing', () => {
    const v = election[0];
    const broken = { ...v, input: { ...(v.input as object), isAcceptableLeader: 'r > 1' } };
    expect(partitionChangeAdapters[v.algorithm](broken)).toEqual({ status: 'fail', detail: 'unreadable vector: unknown isAcceptableLeader r > 1' });
  });
});
