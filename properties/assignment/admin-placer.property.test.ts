// Property suite for AdminUtils.assignReplicasToBrokers (+ AdminZkClient's add-partitions rule): over random
// broker sets with and without racks, partition counts, RFs, start indexes and seeds. Guaranteed: distinct
// replicas, RF, leaders within 1, replicas within the window bound (no racks, or equal racks), min(rf, #racks)
// racks per partition, determinism, Kafka's errors. Not guaranteed, shown by counterexample: replica balance with
// uneven racks, and the leader round-robin continuing when partitions are added to a rack-aware topic.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignReplicasToBrokers, balanceSummary, createNewPartitionsAssignment, javaRandom, type BrokerMetadata, type PlacementResult,
} from '../../model/rules/assignment/index.ts';
import { anyBrokers, brokersText, equalRacked, findCounterexample, placerRun, racked, rackless, type PlacerRun } from './arbitraries.ts';
import { replicaBound, windowSpread } from './placer-guarantees.ts';

/** A placer run plus AdminUtils' fixedStartIndex (-1 = drawn from the seed) and startPartitionId. */
interface AdminCase extends PlacerRun<BrokerMetadata> {
  start: number;
  startPartitionId: number;
}

const adminCase = (brokers: fc.Arbitrary<BrokerMetadata[]>): fc.Arbitrary<AdminCase> =>
  fc.tuple(placerRun(brokers), fc.integer({ min: -1, max: 25 }), fc.integer({ min: -1, max: 30 }))
    .map(([run, start, startPartitionId]) => ({ ...run, start, startPartitionId }));

const place = (c: AdminCase): PlacementResult =>
  assignReplicasToBrokers({
    brokers: c.brokers, nPartitions: c.partitions, replicationFactor: c.rf,
    fixedStartIndex: c.start, startPartitionId: c.startPartitionId, random: javaRandom(c.seed),
  });

function placed(c: AdminCase) {
  const result = place(c);
  if (!result.ok) throw new Error(`valid input failed: ${result.error}: ${result.message}`);
  return result;
}

const rackCount = (brokers: readonly BrokerMetadata[]) => new Set(brokers.map((b) => b.rack)).size;

describe('AdminUtils.assignReplicasToBrokers — guaranteed', () => {
  it('every partition gets rf distinct brokers, numbered from max(0, startPartitionId)', () => {
    fc.assert(fc.property(adminCase(anyBrokers()), (c) => {
      const result = placed(c);
      return result.firstPartitionId === Math.max(0, c.startPartitionId) && result.assignment.length === c.partitions &&
        result.assignment.every((replicas) => replicas.length === c.rf && new Set(replicas).size === c.rf);
    }), { numRuns: 1500 });
  });

  it('leaders per broker differ by at most 1 (round-robin leaders), with or without racks, any start', () => {
    fc.assert(fc.property(adminCase(anyBrokers()), (c) => {
      expect(balanceSummary(c.brokers, placed(c).assignment).leaderSpread).toBeLessThanOrEqual(1);
    }), { numRuns: 1500 });
  });

  it('rack-unaware: replicas per broker differ by ≤ min(rf, L, n−rf, n−L) per partial round (L1 first, L2 last)', () => {
    fc.assert(fc.property(adminCase(rackless()), (c) => {
      const bound = replicaBound({ placer: 'admin', brokers: c.brokers, partitions: c.partitions, replicationFactor: c.rf, startPartitionId: c.startPartitionId });
      expect(balanceSummary(c.brokers, placed(c).assignment).replicaSpread).toBeLessThanOrEqual(bound as number);
    }), { numRuns: 2000 });
  });

  it('the bound is tight: fixed start 0, one partial round (P < n) reaches it exactly', () => {
    fc.assert(fc.property(adminCase(rackless()), (c) => {
      fc.pre(c.partitions < c.brokers.length);
      const exact = { ...c, start: 0, startPartitionId: 0 };
      expect(balanceSummary(c.brokers, placed(exact).assignment).replicaSpread).toBe(windowSpread(c.brokers.length, c.rf, c.partitions));
    }), { numRuns: 500 });
  });

  it('rack-aware with equal-size racks keeps the same replica bound; P a multiple of n gives exactly equal counts', () => {
    fc.assert(fc.property(adminCase(equalRacked()), (c) => {
      const spread = balanceSummary(c.brokers, placed(c).assignment).replicaSpread;
      const bound = replicaBound({ placer: 'admin', brokers: c.brokers, partitions: c.partitions, replicationFactor: c.rf, startPartitionId: c.startPartitionId });
      expect(spread).toBeLessThanOrEqual(bound as number);
      if (c.partitions % c.brokers.length === 0 && Math.max(0, c.startPartitionId) % c.brokers.length === 0) expect(spread).toBe(0);
    }), { numRuns: 3000 });
  });

  it('rack-aware: every partition spans exactly min(rf, #racks) racks', () => {
    fc.assert(fc.property(adminCase(racked()), (c) => {
      const want = Math.min(c.rf, rackCount(c.brokers));
      expect(balanceSummary(c.brokers, placed(c).assignment).racksPerPartition.every((n) => n === want)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('same inputs and seed give the same assignment; with start -1 the seed decides it', () => {
    fc.assert(fc.property(adminCase(anyBrokers()), (c) => {
      expect(place(c)).toEqual(place({ ...c }));
    }), { numRuns: 300 });
    const brokers = Array.from({ length: 6 }, (_, id) => ({ id, rack: null }));
    const leaders = new Set([0, 1, 2, 3, 4, 5, 6, 7].map((s) => placed({ brokers, partitions: 1, rf: 2, start: -1, startPartitionId: 0, seed: s }).assignment[0]?.join()));
    expect(leaders.size).toBeGreaterThan(1);
  });
});

describe('AdminUtils.assignReplicasToBrokers — invalid input gives Kafka’s error', () => {
  it('partitions ≤ 0, then rf ≤ 0, then rf > brokers, then some brokers without a rack', () => {
    const input = fc.record({
      brokers: fc.oneof(anyBrokers(), racked().map((list) => list.map((b, i) => (i % 2 === 1 ? { ...b, rack: null } : b)))),
      partitions: fc.integer({ min: -3, max: 4 }),
      rf: fc.integer({ min: -3, max: 12 }),
    });
    fc.assert(fc.property(input, ({ brokers, partitions, rf }) => {
      const result = assignReplicasToBrokers({ brokers, nPartitions: partitions, replicationFactor: rf });
      const mixed = brokers.some((b) => b.rack === null) && brokers.some((b) => b.rack !== null);
      const expected =
        partitions <= 0 ? ['InvalidPartitionsException', 'Number of partitions must be larger than 0.']
        : rf <= 0 ? ['InvalidReplicationFactorException', 'Replication factor must be larger than 0.']
        : rf > brokers.length ? ['InvalidReplicationFactorException', `Replication factor: ${rf} larger than available brokers: ${brokers.length}.`]
        : mixed ? ['AdminOperationException', 'Not all brokers have rack information for replica rack aware assignment.']
        : null;
      if (expected === null) expect(result.ok).toBe(true);
      else expect(result.ok ? null : [result.error, result.message]).toEqual(expected);
    }), { numRuns: 2000 });
  });
});

describe('AdminUtils.assignReplicasToBrokers — not guaranteed (fast-check counterexamples)', () => {
  const uneven = findCounterexample(
    adminCase(racked(7)),
    (c) => balanceSummary(c.brokers, placed(c).assignment).replicaSpread <= windowSpread(c.brokers.length, c.rf, c.partitions % c.brokers.length) + 1,
    7,
  );
  const unevenText = uneven.example === null ? 'none' : `brokers ${brokersText(uneven.example.brokers)}, ${uneven.example.partitions} partitions, rf ${uneven.example.rf}, start ${uneven.example.start}`;
  it(`uneven racks unbalance replicas beyond the window bound + 1 — counterexample: ${unevenText}`, () => {
    expect(uneven.found).toBe(true);
    const c = uneven.example as AdminCase;
    expect(replicaBound({ placer: 'admin', brokers: c.brokers, partitions: c.partitions, replicationFactor: c.rf })).toBeNull();
    expect(balanceSummary(c.brokers, placed(c).assignment).replicaSpread).toBeGreaterThan(windowSpread(c.brokers.length, c.rf, c.partitions % c.brokers.length) + 1);
  });

  // AdminZkClient derives the start index on the id-sorted broker list, but the rack-aware placer indexes the
  // rack-alternated list, so new partitions' leaders need not continue the topic's round-robin.
  const addCase = (brokers: fc.Arbitrary<BrokerMetadata[]>) =>
    brokers.chain((list) => fc.record({
      brokers: fc.constant(list), start: fc.integer({ min: 0, max: list.length - 1 }),
      existing: fc.integer({ min: 1, max: 12 }), added: fc.integer({ min: 1, max: 12 }), rf: fc.integer({ min: 1, max: list.length }),
    }));
  const continues = (c: { brokers: BrokerMetadata[]; start: number; existing: number; added: number; rf: number }): boolean => {
    const whole = assignReplicasToBrokers({ brokers: c.brokers, nPartitions: c.existing + c.added, replicationFactor: c.rf, fixedStartIndex: c.start });
    if (!whole.ok) throw new Error(whole.message);
    const grown = createNewPartitionsAssignment({ topic: 't', existingAssignment: whole.assignment.slice(0, c.existing), brokers: c.brokers, numPartitions: c.existing + c.added });
    if (!grown.ok) throw new Error(grown.message);
    return grown.assignment.every((replicas, i) => replicas[0] === whole.assignment[c.existing + i]?.[0]);
  };

  it('rack-unaware: added partitions continue the leader round-robin of a topic created with a fixed start', () => {
    fc.assert(fc.property(addCase(rackless()), (c) => continues(c)), { numRuns: 1000 });
  });

  const rackAware = findCounterexample(addCase(racked(7)), continues, 11);
  const rackAwareText = rackAware.example === null ? 'none' : `brokers ${brokersText(rackAware.example.brokers)}, start ${rackAware.example.start}, ${rackAware.example.existing} existing + ${rackAware.example.added} added, rf ${rackAware.example.rf}`;
  it(`rack-aware: added partitions do NOT continue the leader round-robin — counterexample: ${rackAwareText}`, () => {
    expect(rackAware.found).toBe(true);
    expect(continues(rackAware.example as Parameters<typeof continues>[0])).toBe(false);
  });
});
