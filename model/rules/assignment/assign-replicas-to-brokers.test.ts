// AdminUtils.assignReplicasToBrokers and AdminZkClient.createNewPartitionsAssignment: the exact examples from
// AdminUtils' Javadoc / AdminRackAwareTest, every input error with Kafka's message, and the seeded random start.

import { describe, expect, it } from 'vitest';
import { assignReplicasToBrokers, replicaIndex } from './assign-replicas-to-brokers.ts';
import type { BrokerMetadata } from './assignment-types.ts';
import { createNewPartitionsAssignment } from './create-new-partitions-assignment.ts';
import { javaRandom, nextInt } from './java-random.ts';

const plain = (...ids: number[]): BrokerMetadata[] => ids.map((id) => ({ id, rack: null }));
const racked = (map: Record<number, string>): BrokerMetadata[] =>
  Object.entries(map).map(([id, rack]) => ({ id: Number(id), rack }));

describe('AdminUtils.assignReplicasToBrokers', () => {
  it("rack-unaware: the Javadoc's 5 brokers / 10 partitions / rf 3, fixed start 0", () => {
    const result = assignReplicasToBrokers({ brokers: plain(0, 1, 2, 3, 4), nPartitions: 10, replicationFactor: 3, fixedStartIndex: 0 });
    expect(result.ok && result.assignment).toEqual([
      [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 0], [4, 0, 1],
      [0, 2, 3], [1, 3, 4], [2, 4, 0], [3, 0, 1], [4, 1, 2],
    ]);
  });

  it('a follower never lands on the leader (replicaIndex skips offset 0)', () => {
    for (let first = 0; first < 5; first++) {
      for (let shift = 0; shift < 9; shift++) {
        for (let j = 0; j < 4; j++) expect(replicaIndex(first, shift, j, 5)).not.toBe(first);
      }
    }
  });

  it('rack-aware: partition 6 shifts its followers after the first full round', () => {
    const brokers = racked({ 0: 'rack1', 1: 'rack3', 2: 'rack3', 3: 'rack2', 4: 'rack2', 5: 'rack1' });
    const result = assignReplicasToBrokers({ brokers, nPartitions: 7, replicationFactor: 3, fixedStartIndex: 0, startPartitionId: 0 });
    expect(result.ok && result.assignment[6]).toEqual([0, 4, 2]);
  });

  it('errors, in Kafka order and wording', () => {
    const brokers = plain(0, 1, 2);
    const error = (nPartitions: number, replicationFactor: number, list = brokers) => {
      const result = assignReplicasToBrokers({ brokers: list, nPartitions, replicationFactor });
      return result.ok ? 'ok' : `${result.error}: ${result.message}`;
    };
    expect(error(0, 0)).toBe('InvalidPartitionsException: Number of partitions must be larger than 0.');
    expect(error(3, 0)).toBe('InvalidReplicationFactorException: Replication factor must be larger than 0.');
    expect(error(3, 4)).toBe('InvalidReplicationFactorException: Replication factor: 4 larger than available brokers: 3.');
    expect(error(3, 2, [...plain(0, 1), { id: 2, rack: 'r' }])).toBe(
      'AdminOperationException: Not all brokers have rack information for replica rack aware assignment.',
    );
  });

  it('start index -1 draws startIndex, then the shift, from the given java.util.Random', () => {
    const random = javaRandom(7);
    const [start, afterStart] = nextInt(random, 4);
    const [shift] = nextInt(afterStart, 4);
    const drawn = assignReplicasToBrokers({ brokers: plain(0, 1, 2, 3), nPartitions: 4, replicationFactor: 2, random });
    expect(drawn.ok && drawn.assignment[0]).toEqual([start, (start + 1 + (shift % 3)) % 4]);
    const again = assignReplicasToBrokers({ brokers: plain(0, 1, 2, 3), nPartitions: 4, replicationFactor: 2, random });
    expect(again).toEqual(drawn);
  });

  it('startPartitionId continues the leaders, but the shift restarts at the start index (bumped only at p % n == 0)', () => {
    const whole = assignReplicasToBrokers({ brokers: plain(0, 1, 2), nPartitions: 7, replicationFactor: 2, fixedStartIndex: 1 });
    const tail = assignReplicasToBrokers({ brokers: plain(0, 1, 2), nPartitions: 3, replicationFactor: 2, fixedStartIndex: 1, startPartitionId: 4 });
    if (!whole.ok || !tail.ok) throw new Error('unexpected failure');
    expect(tail.firstPartitionId).toBe(4);
    expect(tail.assignment.map((replicas) => replicas[0])).toEqual(whole.assignment.slice(4).map((replicas) => replicas[0]));
    // p4, p5 use shift 1 (not the 2 a single call from p0 would have reached); p6 crosses 6 % 3 == 0 → shift 2.
    expect(tail.assignment).toEqual([[2, 1], [0, 2], [1, 2]]);
    expect(whole.assignment.slice(4)).toEqual([[2, 0], [0, 1], [1, 0]]);
  });
});

describe('AdminZkClient.createNewPartitionsAssignment', () => {
  const brokers = plain(0, 1, 2, 3, 4);
  it('starts at the first broker with id ≥ partition 0 leader and numbers after the existing partitions', () => {
    const result = createNewPartitionsAssignment({ topic: 't', existingAssignment: [[3, 4, 0], [4, 0, 1], [0, 1, 2]], brokers, numPartitions: 5 });
    expect(result.ok && result.firstPartitionId).toBe(3);
    expect(result.ok && result.assignment).toEqual([[1, 0, 2], [2, 1, 3]]);
  });
  it('refuses to shrink or keep the count, and needs partition 0', () => {
    const same = createNewPartitionsAssignment({ topic: 't', existingAssignment: [[0, 1]], brokers, numPartitions: 1 });
    expect(same).toMatchObject({
      ok: false,
      error: 'InvalidPartitionsException',
      message: 'The number of partitions for a topic can only be increased. Topic t currently has 1 partitions, 1 would not be an increase.',
    });
    const none = createNewPartitionsAssignment({ topic: 't', existingAssignment: [], brokers, numPartitions: 2 });
    expect(none).toMatchObject({ ok: false, error: 'AdminOperationException' });
  });
});
