// fast-check generators for replica placement: broker sets without racks, with random racks, with equal-size
// racks, and KRaft usable brokers (some fenced, in a shuffled registration order); plus findCounterexample, which
// demonstrates a property a placer does NOT guarantee, and a one-line broker description for test names.

import fc from 'fast-check';
import type { BrokerMetadata, UsableBroker } from '../../model/rules/assignment/index.ts';

export const RACKS = ['rack-a', 'rack-b', 'rack-c', 'rack-d'] as const;

/** Distinct, ascending ids with gaps (Kafka's callers sort brokers by id). */
const ids = (count: number): fc.Arbitrary<number[]> =>
  fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: count, maxLength: count }).map((list) => list.sort((a, b) => a - b));

export const rackless = (max = 9): fc.Arbitrary<BrokerMetadata[]> =>
  fc.integer({ min: 1, max }).chain(ids).map((list) => list.map((id) => ({ id, rack: null })));

export const racked = (max = 9): fc.Arbitrary<BrokerMetadata[]> =>
  fc.integer({ min: 1, max }).chain((count) =>
    fc.tuple(ids(count), fc.array(fc.constantFrom(...RACKS), { minLength: count, maxLength: count })),
  ).map(([list, racks]) => list.map((id, i) => ({ id, rack: racks[i] as string })));

/** k racks of m brokers each; ids ascending, racks assigned in a shuffled pattern. */
export const equalRacked = (maxRacks = 4, maxPerRack = 4): fc.Arbitrary<BrokerMetadata[]> =>
  fc.tuple(fc.integer({ min: 1, max: maxRacks }), fc.integer({ min: 1, max: maxPerRack }))
    .chain(([k, m]) => fc.tuple(ids(k * m), fc.shuffledSubarray(Array.from({ length: k * m }, (_, i) => RACKS[i % k] as string), { minLength: k * m, maxLength: k * m })))
    .map(([list, racks]) => list.map((id, i) => ({ id, rack: racks[i] as string })));

export const anyBrokers = (max = 9): fc.Arbitrary<BrokerMetadata[]> => fc.oneof(rackless(max), racked(max), equalRacked());

/** Usable brokers for the KRaft placer in a random registration order; racks may include "no rack". */
export const usableBrokers = (options: { fenced: boolean; racks: readonly (string | null)[]; max?: number }): fc.Arbitrary<UsableBroker[]> =>
  fc.integer({ min: 1, max: options.max ?? 9 })
    .chain((count) => fc.tuple(
      ids(count),
      fc.array(fc.record({ rack: fc.constantFrom(...options.racks), fenced: options.fenced ? fc.boolean() : fc.constant(false) }), { minLength: count, maxLength: count }),
    ))
    .chain(([list, props]) => fc.shuffledSubarray(list.map((id, i) => ({ id, ...(props[i] as { rack: string | null; fenced: boolean }) })), { minLength: list.length, maxLength: list.length }));

export const seed = fc.integer({ min: -1000, max: 1_000_000 });

/** One placer run: brokers, 1–40 partitions, a valid replication factor and a java.util.Random seed. */
export interface PlacerRun<B> {
  brokers: B[];
  partitions: number;
  rf: number;
  seed: number;
}

export const placerRun = <B>(brokers: fc.Arbitrary<B[]>): fc.Arbitrary<PlacerRun<B>> =>
  brokers.chain((list) => fc.record({
    brokers: fc.constant(list), partitions: fc.integer({ min: 1, max: 40 }), rf: fc.integer({ min: 1, max: list.length }), seed,
  }));

/** "0:rack-a,3,5:rack-b" — the same syntax `kcheck assign --brokers` takes, for readable test names. */
export function brokersText(brokers: readonly { id: number; rack: string | null; fenced?: boolean }[]): string {
  return brokers.map((b) => `${b.id}${b.rack === null ? '' : `:${b.rack}`}${b.fenced ? '(fenced)' : ''}`).join(',');
}

export interface Counterexample<T> {
  readonly found: boolean;
  readonly example: T | null;
}

/**
 * Runs a property that a placer does NOT guarantee and returns fast-check's shrunk counterexample, so a suite can
 * put it in its test name (computed when the file is collected, with a fixed seed) and assert that it really
 * breaks the property — demonstrating the gap instead of skipping the property.
 */
export function findCounterexample<T>(arbitrary: fc.Arbitrary<T>, holds: (value: T) => boolean, fcSeed: number, numRuns = 3000): Counterexample<T> {
  const details = fc.check(fc.property(arbitrary, holds), { seed: fcSeed, numRuns });
  return { found: details.failed, example: details.counterexample === null ? null : (details.counterexample[0] as T) };
}
