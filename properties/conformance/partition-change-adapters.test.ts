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
