// Property suite for the textbook placer (partition i on sorted brokers i, i+1, … mod n): distinct replicas, RF,
// leaders within 1, replicas exactly at the window bound, no dependence on the seed, AdminUtils-style errors —
// and, shown by a fast-check counterexample, no rack spread: it ignores racks entirely.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceSummary, javaRandom, textbookPlace, type BrokerMetadata } from '../../model/rules/assignment/index.ts';
import { anyBrokers, brokersText, findCounterexample, placerRun, racked, seed, type PlacerRun } from './arbitraries.ts';
import { windowSpread } from './placer-guarantees.ts';

type TextbookCase = PlacerRun<BrokerMetadata>;
const textbookCase = placerRun<BrokerMetadata>;

function placed(c: TextbookCase) {
  const result = textbookPlace({ brokers: c.brokers, nPartitions: c.partitions, replicationFactor: c.rf, random: javaRandom(c.seed) });
  if (!result.ok) throw new Error(result.message);
  return result.assignment;
}

describe('textbook placer — guaranteed', () => {
  it('rf distinct replicas; leaders differ by ≤ 1; replicas differ by exactly min(rf, L, n−rf, n−L)', () => {
    fc.assert(fc.property(textbookCase(anyBrokers()), (c) => {
      const assignment = placed(c);
      const summary = balanceSummary(c.brokers, assignment);
      const n = c.brokers.length;
      return assignment.every((replicas) => replicas.length === c.rf && new Set(replicas).size === c.rf) &&
        summary.leaderSpread <= 1 && summary.replicaSpread === windowSpread(n, c.rf, c.partitions % n);
    }), { numRuns: 2000 });
  });

  it('draws nothing: the seed never changes the assignment', () => {
    fc.assert(fc.property(textbookCase(anyBrokers()), seed, (c, other) => {
      expect(placed(c)).toEqual(placed({ ...c, seed: other }));
    }), { numRuns: 300 });
  });

  it('invalid input gives the AdminUtils errors', () => {
    fc.assert(fc.property(anyBrokers(), fc.integer({ min: -2, max: 3 }), fc.integer({ min: -2, max: 12 }), (brokers, partitions, rf) => {
      const result = textbookPlace({ brokers, nPartitions: partitions, replicationFactor: rf, random: javaRandom(0) });
      const expected =
        partitions <= 0 ? 'Number of partitions must be larger than 0.'
        : rf <= 0 ? 'Replication factor must be larger than 0.'
        : rf > brokers.length ? `Replication factor: ${rf} larger than available brokers: ${brokers.length}.`
        : null;
      return expected === null ? result.ok : !result.ok && result.message === expected;
    }), { numRuns: 1000 });
  });
});

describe('textbook placer — not guaranteed (fast-check counterexample)', () => {
  const rackBlind = findCounterexample(textbookCase(racked()), (c) => {
    const want = Math.min(c.rf, new Set(c.brokers.map((b) => b.rack)).size);
    return balanceSummary(c.brokers, placed(c)).racksPerPartition.every((n) => n === want);
  }, 3);
  const text = rackBlind.example === null ? 'none' : `brokers ${brokersText(rackBlind.example.brokers)}, ${rackBlind.example.partitions} partitions, rf ${rackBlind.example.rf}`;
  it(`ignores racks: a partition can sit on fewer than min(rf, #racks) racks — counterexample: ${text}`, () => {
    expect(rackBlind.found).toBe(true);
    const c = rackBlind.example as TextbookCase;
    const racks = balanceSummary(c.brokers, placed(c)).racksPerPartition;
    expect(Math.min(...racks)).toBeLessThan(Math.min(c.rf, new Set(c.brokers.map((b) => b.rack)).size));
  });
});
