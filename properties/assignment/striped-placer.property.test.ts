// Property suite for KRaft's StripedReplicaPlacer over random usable brokers (with/without racks, some fenced,
// random registration order) and java.util.Random seeds. Guaranteed: rf distinct replicas, an unfenced leader,
// termination, min(rf, #racks) racks per partition, and on a single rack leaders within 1 and replicas within the
// window bound; determinism; Kafka's errors in the placer's order. Shown by counterexample: no leader bound across
// racks, and fenced brokers are not given an even share.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balanceSummary, javaRandom, stripedReplicaPlacerPlace, type PlacementResult, type UsableBroker,
} from '../../model/rules/assignment/index.ts';
import { brokersText, findCounterexample, placerRun, seed, usableBrokers, type PlacerRun } from './arbitraries.ts';
import { windowSpread } from './placer-guarantees.ts';

type StripedCase = PlacerRun<UsableBroker>;
const stripedCase = placerRun<UsableBroker>;

const place = (c: StripedCase): PlacementResult =>
  stripedReplicaPlacerPlace({ brokers: c.brokers, numPartitions: c.partitions, replicationFactor: c.rf, random: javaRandom(c.seed) });

function placed(c: StripedCase) {
  const result = place(c);
  if (!result.ok) throw new Error(`valid input failed: ${result.error}: ${result.message}`);
  return result;
}

const MULTI = ['r1', 'r2', 'r3', null] as const;
const unfencedAnyRacks = stripedCase(usableBrokers({ fenced: false, racks: MULTI }));
const withFenced = stripedCase(usableBrokers({ fenced: true, racks: MULTI })).filter((c) => c.brokers.some((b) => !b.fenced));
const singleRack = stripedCase(usableBrokers({ fenced: false, racks: [null] }));
const multiRack = stripedCase(usableBrokers({ fenced: false, racks: ['r1', 'r2', 'r3'] }));
const rackCount = (brokers: readonly UsableBroker[]) => new Set(brokers.map((b) => b.rack)).size;

describe('StripedReplicaPlacer — guaranteed', () => {
  it('rf distinct replicas, leader always unfenced, and place() never loops forever (even with fenced brokers)', () => {
    fc.assert(fc.property(fc.oneof(unfencedAnyRacks, withFenced), (c) => {
      const result = place(c);
      if (!result.ok) return false; // PlacerLoopsForever or any error on valid input fails the property
      const fenced = new Set(c.brokers.filter((b) => b.fenced).map((b) => b.id));
      return result.assignment.length === c.partitions &&
        result.assignment.every((replicas) => replicas.length === c.rf && new Set(replicas).size === c.rf && !fenced.has(replicas[0] as number));
    }), { numRuns: 3000 });
  });

  it('every partition spans min(rf, #racks) racks ("no rack" counts as one), fenced brokers or not', () => {
    fc.assert(fc.property(fc.oneof(unfencedAnyRacks, withFenced), (c) => {
      const want = Math.min(c.rf, rackCount(c.brokers));
      return balanceSummary(c.brokers, placed(c).assignment).racksPerPartition.every((n) => n === want);
    }), { numRuns: 3000 });
  });

  it('single rack, all unfenced: leaders differ by ≤ 1 and replicas by ≤ min(rf, L, n−rf, n−L), L = P mod n', () => {
    fc.assert(fc.property(singleRack, (c) => {
      const summary = balanceSummary(c.brokers, placed(c).assignment);
      const n = c.brokers.length;
      return summary.leaderSpread <= 1 && summary.replicaSpread <= windowSpread(n, c.rf, c.partitions % n);
    }), { numRuns: 3000 });
  });

  it('single rack with fenced brokers: leaders still differ by ≤ 1 among the unfenced brokers', () => {
    const oneRackFenced = stripedCase(usableBrokers({ fenced: true, racks: [null] })).filter((c) => c.brokers.some((b) => !b.fenced));
    fc.assert(fc.property(oneRackFenced, (c) => {
      return balanceSummary(c.brokers.filter((b) => !b.fenced), placed(c).assignment).leaderSpread <= 1;
    }), { numRuns: 2000 });
  });

  it('same inputs and seed give the same assignment; the seed changes it', () => {
    fc.assert(fc.property(fc.oneof(unfencedAnyRacks, withFenced), (c) => {
      expect(place(c)).toEqual(place({ ...c }));
    }), { numRuns: 300 });
    const brokers = [0, 1, 2, 3, 4].map((id) => ({ id, rack: null, fenced: false }));
    const firsts = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => placed({ brokers, partitions: 1, rf: 3, seed: s }).assignment[0]?.join()));
    expect(firsts.size).toBeGreaterThan(1);
  });
});

describe('StripedReplicaPlacer — invalid input gives Kafka’s error', () => {
  it('rf ≤ 0, then all brokers fenced, then rf > registered brokers', () => {
    const input = fc.record({
      brokers: usableBrokers({ fenced: true, racks: MULTI, max: 5 }).chain((list) => fc.constantFrom(list, list.map((b) => ({ ...b, fenced: true })), [])),
      rf: fc.integer({ min: -3, max: 8 }),
      seed,
    });
    fc.assert(fc.property(input, ({ brokers, rf, seed: s }) => {
      const result = stripedReplicaPlacerPlace({ brokers, numPartitions: 2, replicationFactor: rf, random: javaRandom(s) });
      const expected =
        rf <= 0 ? `Invalid replication factor ${rf}: the replication factor must be positive.`
        : brokers.every((b) => b.fenced) ? 'All brokers are currently fenced.'
        : rf > brokers.length ? `The target replication factor of ${rf} cannot be reached because only ${brokers.length} broker(s) are registered.`
        : null;
      if (expected === null) return result.ok;
      return !result.ok && result.error === 'InvalidReplicationFactorException' && result.message === expected;
    }), { numRuns: 2000 });
  });
});

describe('StripedReplicaPlacer — not guaranteed (fast-check counterexamples)', () => {
  // Across racks a rack's BrokerList last used in epoch 0 is not reset when the epoch returns to 0 after the
  // reshuffle, and each rack's offset moves once per use rather than per partition: leaders drift.
  const leaders = findCounterexample(multiRack, (c) => balanceSummary(c.brokers, placed(c).assignment).leaderSpread <= 1, 5);
  const leadersText = leaders.example === null ? 'none' : `brokers ${brokersText(leaders.example.brokers)}, ${leaders.example.partitions} partitions, rf ${leaders.example.rf}, seed ${leaders.example.seed}`;
  it(`several racks: leaders per broker can differ by more than 1 — counterexample: ${leadersText}`, () => {
    expect(leaders.found).toBe(true);
    const c = leaders.example as StripedCase;
    expect(rackCount(c.brokers)).toBeGreaterThan(1);
    expect(balanceSummary(c.brokers, placed(c).assignment).leaderSpread).toBeGreaterThan(1);
  });

  // Fenced brokers are used only once a rack's unfenced list is exhausted in the epoch, by design. One rack, so
  // the imbalance can come from fencing alone.
  const oneRackSomeFenced = stripedCase(usableBrokers({ fenced: true, racks: [null] }))
    .filter((c) => c.brokers.some((b) => b.fenced) && c.brokers.some((b) => !b.fenced));
  const fencedShare = findCounterexample(oneRackSomeFenced, (c) => {
    const n = c.brokers.length;
    return balanceSummary(c.brokers, placed(c).assignment).replicaSpread <= windowSpread(n, c.rf, c.partitions % n);
  }, 9);
  const fencedText = fencedShare.example === null ? 'none' : `brokers ${brokersText(fencedShare.example.brokers)}, ${fencedShare.example.partitions} partitions, rf ${fencedShare.example.rf}`;
  it(`fenced brokers: replicas are not spread evenly over registered brokers — counterexample: ${fencedText}`, () => {
    expect(fencedShare.found).toBe(true);
    const c = fencedShare.example as StripedCase;
    const n = c.brokers.length;
    expect(rackCount(c.brokers)).toBe(1);
    expect(c.brokers.some((b) => b.fenced)).toBe(true);
    expect(balanceSummary(c.brokers, placed(c).assignment).replicaSpread).toBeGreaterThan(windowSpread(n, c.rf, c.partitions % n));
  });
});
