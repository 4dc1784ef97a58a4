// Vectors are compared on exactly what their expectation gives: an error without its message checks the error,
// aggregates (counts of placements per replica list or per leader, as Kafka's placer tests assert) are computed
// from the output, and an expectation key no adapter understands fails, saying so.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareGiven } from '../../src/conformance/compare-given.ts';
import { runVector } from '../../src/conformance/run-vectors.ts';
import type { Vector, VectorFile } from '../../src/conformance/vector.ts';
import { allAdapters } from './all-adapters.ts';

const vectors = (name: string) => (JSON.parse(readFileSync(new URL(`./vectors/${name}.json`, import.meta.url), 'utf8')) as VectorFile).vectors;
const byId = (name: string, id: string): Vector => vectors(name).find((v) => v.id === id)!;
const run = (v: Vector) => runVector(allAdapters, v, 'test.json');

describe('compareGiven', () => {
  it('compares only the given keys, and names a key the output does not have', () => {
    expect(compareGiven({ error: 'E' }, { error: 'E', message: 'anything' })).toEqual({ status: 'pass', detail: '' });
    expect(compareGiven({ a: { b: 1 } }, { a: { b: 2, c: 3 } })).toEqual({ status: 'fail', detail: 'a.b: expected 1, got 2' });
    expect(compareGiven({ leaderz: 1 }, { leader: 1 }).detail).toBe("expectation key 'leaderz' is not understood: the output has leader");
  });

  it('computes count(F), count(F[i]) and length(F) over a list field; a listed zero count matches an absent one', () => {
    const actual = { placements: [[0, 1], [1, 0], [0, 1]] };
    expect(compareGiven({ 'count(placements)': { '[0,1]': 2, '[1,0]': 1, '[2,0]': 0 }, 'length(placements)': 3 }, actual).status).toBe('pass');
    expect(compareGiven({ 'count(placements[0])': { '0': 2, '1': 1 } }, actual).status).toBe('pass');
    expect(compareGiven({ 'count(placements)': { '[0,1]': 3 } }, actual).detail).toBe('count(placements).[0,1]: expected 3, got 2');
  });
});

describe('conformance expectations', () => {
  it('an error given without its message is checked on the error alone', () => {
    const v = byId('assignment', 'striped-all-fenced');
    expect(run({ ...v, expected: { error: 'InvalidReplicationFactorException' } })).toMatchObject({ status: 'pass' });
    expect(run({ ...v, expected: { error: 'InvalidPartitionsException' } })).toMatchObject({ status: 'fail', detail: 'error: expected "InvalidPartitionsException", got "InvalidReplicationFactorException"' });
  });

  it('understands counts of placements per replica list and per leader', () => {
    const v = byId('assignment', 'striped-successful'); // placements [[2,3,0],[3,0,1],[0,1,2],[1,2,3],[1,0,2]]
    expect(run({ ...v, expected: { 'count(placements[0])': { '0': 1, '1': 2, '2': 1, '3': 1 } } })).toMatchObject({ status: 'pass' });
    expect(run({ ...v, expected: { 'count(placements)': { '[2,3,0]': 1, '[0,0,0]': 0 }, 'length(placements)': 5 } })).toMatchObject({ status: 'pass' });
    expect(run({ ...v, expected: { 'count(placements[0])': { '1': 1 } } })).toMatchObject({ status: 'fail', detail: 'count(placements[0]).1: expected 1, got 2' });
  });

  it('a vote response given in part is compared in part', () => {
    const v = vectors('raft').find((x) => x.algorithm.startsWith('KafkaRaftClient.handleVoteRequest'))!;
    const { response } = v.expected as { response: Record<string, unknown> };
    expect(run({ ...v, expected: { response: { granted: response.granted } } })).toMatchObject({ status: 'pass' });
  });

  it('an expectation key no adapter understands fails with a message saying so; commentary keys are ignored', () => {
    const v = byId('assignment', 'striped-successful');
    expect(run({ ...v, expected: { ...(v.expected as object), leaderCounts: { '0': 1 } } })).toEqual({
      file: 'test.json',
      id: 'striped-successful',
      algorithm: 'StripedReplicaPlacer.place',
      status: 'fail',
      detail: `expectation key 'leaderCounts' not understood by the adapter for "StripedReplicaPlacer.place" (it checks: error, message, placements)`,
    });
    expect(run({ ...v, expected: { ...(v.expected as object), note: 'from StripedReplicaPlacerTest' } })).toMatchObject({ status: 'pass' });
  });

  it('every shipped vector passes the key check', () => {
    const all = ['assignment', 'partition-election', 'raft', 'replication', 'zk-controller'].flatMap((n) => vectors(n));
    expect(all.map(run).filter((r) => /not understood/.test(r.detail))).toEqual([]);
  });
});
