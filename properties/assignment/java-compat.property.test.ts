// Properties of the Java pieces the placers stand on: nextInt(bound) stays in [0, bound) for every bound incl.
// powers of two and the rejection-heavy 2^30+1, Collections.shuffle is a permutation, and the HashMap order is a
// permutation that puts keys of one bucket in insertion order (the exact orders are pinned by JDK fixtures).

import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  collectionsShuffle, hashMapIterationOrder, javaRandom, mockRandom, nextInt, rackNameHashCode, spreadHash,
} from '../../model/rules/assignment/index.ts';

const anyRandom = fc.oneof(
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((s) => javaRandom(s)),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((s) => mockRandom(s)),
);
const bound = fc.oneof(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 30 }).map((k) => 2 ** k), fc.constant(2 ** 30 + 1));

describe('Java compatibility', () => {
  it('nextInt(bound) ∈ [0, bound) for java.util.Random and MockRandom', () => {
    fc.assert(fc.property(anyRandom, bound, (random, b) => {
      const [value] = nextInt(random, b);
      return Number.isInteger(value) && value >= 0 && value < b;
    }), { numRuns: 3000 });
  });

  it('Collections.shuffle returns a permutation', () => {
    fc.assert(fc.property(anyRandom, fc.array(fc.integer(), { maxLength: 30 }), (random, list) => {
      const [shuffled] = collectionsShuffle(list, random);
      return JSON.stringify([...shuffled].sort()) === JSON.stringify([...list].sort());
    }), { numRuns: 1000 });
  });

  it('HashMap order is a permutation; keys sharing a bucket keep insertion order', () => {
    const names = fc.uniqueArray(fc.option(fc.string({ maxLength: 6 }), { nil: null }), { maxLength: 40 });
    fc.assert(fc.property(names, (keys) => {
      const order = hashMapIterationOrder(keys, rackNameHashCode);
      if (order.length !== keys.length || !keys.every((k) => order.includes(k))) return false;
      // With ≤ 12 keys the table stays at 16 buckets: order is by bucket, then insertion.
      if (keys.length > 12) return true;
      const bucket = (k: string | null) => spreadHash(rackNameHashCode(k)) & 15;
      return order.every((k, i) => i === 0 || bucket(order[i - 1] as string | null) < bucket(k) ||
        (bucket(order[i - 1] as string | null) === bucket(k) && keys.indexOf(order[i - 1] as string | null) < keys.indexOf(k)));
    }), { numRuns: 1000 });
  });
});
