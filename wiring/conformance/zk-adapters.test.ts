// Runs all 18 vectors of zk-controller.json and the 12 ZK PartitionLeaderElectionAlgorithms vectors of
// partition-election.json through zkAdapters: every one must pass, and tampered vectors must fail or skip readably.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Vector, VectorFile } from '../../src/conformance/vector.ts';
import { zkAdapters } from './zk-adapters.ts';

const load = (file: string) => JSON.parse(readFileSync(new URL(`./vectors/${file}`, import.meta.url), 'utf8')) as VectorFile;
const controllerVectors = load('zk-controller.json').vectors;
const electionVectors = load('partition-election.json').vectors.filter((v) => v.algorithm.startsWith('ZK PartitionLeaderElectionAlgorithms'));
const run = (v: Vector) => zkAdapters[v.algorithm]?.(v);
const byId = (id: string) => [...controllerVectors, ...electionVectors].find((v) => v.id === id)!;

describe('zk conformance', () => {
  it('covers 18 + 12 vectors, each with an adapter', () => {
    expect(controllerVectors).toHaveLength(18);
    expect(electionVectors).toHaveLength(12);
    expect([...controllerVectors, ...electionVectors].filter((v) => zkAdapters[v.algorithm] === undefined)).toEqual([]);
  });

  for (const vector of [...controllerVectors, ...electionVectors]) {
    it(`${vector.id} (${vector.algorithm})`, () => {
      expect(run(vector)).toEqual({ status: 'pass', detail: '' });
    });
  }

  it('reports a readable diff when Kafka and the model disagree', () => {
    const first = byId('zk-first-controller');
    const tampered = { ...first, expected: { ...(first.expected as object), result: { epoch: 2, epochZkVersion: 1 } } };
    expect(run(tampered)).toEqual({ status: 'fail', detail: 'result.epoch: expected 2, got 1' });
    const alter = byId('zk-alterpartition-error-precedence');
    const errors = [...(alter.expected as { errors: string[] }).errors];
    errors[7] = 'NOT_CONTROLLER';
    expect(run({ ...alter, expected: { errors } })?.status).toBe('fail');
    const offline = byId('zk-offline-OfflinePartitionLeaderElection');
    expect(run({ ...offline, expected: { leader: 2 } })).toEqual({ status: 'fail', detail: 'leader: expected 2, got 4' });
  });

  it('skips, naming the text, when a prose step is not understood', () => {
    const elect = byId('zk-controller-move-increments-epoch');
    const input = { trace: ['single broker elected (epoch 1)', 'a meteor hits the data centre'] };
    expect(run({ ...elect, input })).toEqual({ status: 'skipped', detail: 'prose step not recognized: "a meteor hits the data centre"' });
    const wrongEpoch = { trace: ['single broker elected (epoch 2)'] };
    expect(run({ ...elect, input: wrongEpoch })?.status).toBe('fail');
  });
});
