// StripedReplicaPlacer beyond the vector file: StripedReplicaPlacerTest's 200-partition histogram
// (testEvenDistribution), testRackListWithInvalidRacks, the single-unfenced-broker topic, RackList's own error
// order, BrokerList epochs, and the reshuffle after numUnfenced placements.

import { describe, expect, it } from 'vitest';
import type { UsableBroker } from './assignment-types.ts';
import { mockRandom } from './java-random.ts';
import { brokerList, nextBroker } from './striped-broker-list.ts';
import { newRackList, placeOnRackList, type RackList } from './striped-rack-list.ts';
import { stripedReplicaPlacerPlace } from './striped-replica-placer.ts';

const broker = (id: number, rack: string | null = null, fenced = false): UsableBroker => ({ id, rack, fenced });

function placeRepeatedly(list: RackList, rf: number, calls: number): (readonly number[])[] {
  const out: (readonly number[])[] = [];
  let current = list;
  for (let i = 0; i < calls; i++) {
    const placed = placeOnRackList(current, rf);
    if (!placed.ok) throw new Error(placed.message);
    out.push(placed.replicas);
    current = placed.rackList;
  }
  return out;
}

describe('StripedReplicaPlacer', () => {
  it('testEvenDistribution: 200 partitions, rf 2, 4 brokers, MockRandom(17) — exact histogram', () => {
    const result = stripedReplicaPlacerPlace({
      brokers: [0, 1, 2, 3].map((id) => broker(id)),
      numPartitions: 200,
      replicationFactor: 2,
      random: mockRandom(17),
    });
    if (!result.ok) throw new Error(result.message);
    const counts: Record<string, number> = {};
    for (const replicas of result.assignment) counts[replicas.join(',')] = (counts[replicas.join(',')] ?? 0) + 1;
    expect(counts).toEqual({
      '0,1': 14, '0,2': 22, '0,3': 14, '1,0': 17, '1,2': 17, '1,3': 16,
      '2,0': 13, '2,1': 17, '2,3': 20, '3,0': 20, '3,1': 19, '3,2': 11,
    });
  });

  it('testRackListWithInvalidRacks: racks with only fenced brokers still take followers', () => {
    const list = newRackList(mockRandom(17), [
      broker(11, '1'), broker(10, '1'), broker(30, '3', true), broker(31, '3', true),
      broker(20, '2', true), broker(21, '2', true), broker(41, '4'), broker(40, '4', true),
    ]);
    expect([list.numTotalBrokers, list.numUnfencedBrokers, list.rackNames]).toEqual([8, 3, ['1', '2', '3', '4']]);
    expect(placeRepeatedly(list, 4, 3)).toEqual([[41, 11, 21, 30], [10, 20, 31, 41], [41, 21, 30, 11]]);
  });

  it('testMultiPartitionTopicPlacementOnSingleUnfencedBroker: no reshuffle loop with one unfenced broker', () => {
    const result = stripedReplicaPlacerPlace({
      brokers: [broker(0), broker(1, null, true)],
      numPartitions: 3,
      replicationFactor: 1,
      random: mockRandom(17),
    });
    expect(result.ok && result.assignment).toEqual([[0], [0], [0]]);
  });

  it("RackList.place checks rf > 0, then rf ≤ total, then 'all fenced' (the placer checks fenced before total)", () => {
    const allFenced = newRackList(mockRandom(17), [broker(0, null, true), broker(1, null, true), broker(2, null, true)]);
    expect(placeOnRackList(allFenced, 3)).toMatchObject({ message: 'All brokers are currently fenced.' });
    expect(placeOnRackList(allFenced, 4)).toMatchObject({
      message: 'The target replication factor of 4 cannot be reached because only 3 broker(s) are registered.',
    });
    expect(placeOnRackList(allFenced, -1)).toMatchObject({
      error: 'InvalidReplicationFactorException',
      message: 'Invalid replication factor -1: the replication factor must be positive.',
    });
    const placer = stripedReplicaPlacerPlace({ brokers: [broker(0, null, true)], numPartitions: 1, replicationFactor: 4, random: mockRandom(17) });
    expect(placer).toMatchObject({ message: 'All brokers are currently fenced.' });
  });

  it('an empty BrokerList always answers -1', () => {
    expect(nextBroker(brokerList([]), 1)[0]).toBe(-1);
  });

  it('reshuffles after numUnfenced placements: the next epoch restarts from a new order, still distinct', () => {
    const list = newRackList(mockRandom(17), [0, 1, 2].map((id) => broker(id)));
    const placements = placeRepeatedly(list, 3, 9);
    for (const replicas of placements) expect(new Set(replicas).size).toBe(3);
    for (let cycle = 0; cycle < 3; cycle++) {
      const leaders = placements.slice(cycle * 3, cycle * 3 + 3).map((replicas) => replicas[0]);
      expect([...leaders].sort()).toEqual([0, 1, 2]);
    }
  });
});
