// The textbook placer and the balance summary: exact layouts, AdminUtils-style errors, and the counts.

import { describe, expect, it } from 'vitest';
import { balanceSummary } from './balance-summary.ts';
import { javaRandom } from './java-random.ts';
import { textbookPlace } from './textbook-placer.ts';

describe('textbook placer', () => {
  const brokers = [{ id: 7, rack: 'b' }, { id: 3, rack: 'a' }, { id: 5, rack: 'a' }];
  it('partition i on sorted brokers i, i+1, … (mod n)', () => {
    const result = textbookPlace({ brokers, nPartitions: 4, replicationFactor: 2, random: javaRandom(0) });
    expect(result.ok && result.assignment).toEqual([[3, 5], [5, 7], [7, 3], [3, 5]]);
  });
  it('rejects rf > brokers with the AdminUtils message', () => {
    const result = textbookPlace({ brokers, nPartitions: 1, replicationFactor: 4, random: javaRandom(0) });
    expect(result).toMatchObject({ ok: false, message: 'Replication factor: 4 larger than available brokers: 3.' });
  });
});

describe('balanceSummary', () => {
  it('counts leaders, replicas (zero counts included) and racks per partition', () => {
    const brokers = [{ id: 2, rack: 'b' }, { id: 0, rack: 'a' }, { id: 1, rack: 'a' }, { id: 9, rack: null }];
    const summary = balanceSummary(brokers, [[0, 1], [1, 2], [0, 2]]);
    expect(summary.leadersPerBroker).toEqual([{ broker: 0, count: 2 }, { broker: 1, count: 1 }, { broker: 2, count: 0 }, { broker: 9, count: 0 }]);
    expect(summary.replicasPerBroker.map((entry) => entry.count)).toEqual([2, 2, 2, 0]);
    expect(summary.racksPerPartition).toEqual([1, 2, 2]);
    expect([summary.leaderSpread, summary.replicaSpread]).toEqual([2, 2]);
  });
});
