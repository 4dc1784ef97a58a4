// java.util.Random / Collections.shuffle / HashMap order checked against values printed by a real JDK 17
// (jdk-fixtures.json: new Random(seed).nextInt(), nextInt(bound) incl. power-of-two and rejection-heavy bounds,
// Collections.shuffle, and HashMap<Optional<String>,_> key iteration order), plus MockRandom's definition.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashMapIterationOrder, javaStringHashCode } from './java-hash-map-order.ts';
import { collectionsShuffle, javaRandom, mockRandom, nextBits, nextInt, type JavaRandom } from './java-random.ts';
import { rackNameHashCode } from './striped-rack-list.ts';

interface Fixtures {
  random: { seed: string; nextInt: number[]; bounds: number[]; nextIntBounded: number[] }[];
  shuffle: { seed: number; size: number; result: number[]; nextIntAfter: number }[];
  hashMapOrder: { keys: (string | null)[]; order: (string | null)[] }[];
  stringHashCode: Record<string, number>;
}
const jdk = JSON.parse(readFileSync(new URL('./jdk-fixtures.json', import.meta.url), 'utf8')) as Fixtures;

/** Random.nextInt() is next(32). */
function draw(random: JavaRandom): readonly [number, JavaRandom] {
  return nextBits(random, 32);
}

describe('java.util.Random matches the JDK', () => {
  for (const fixture of jdk.random) {
    it(`new Random(${fixture.seed}): nextInt() and nextInt(bound) sequences`, () => {
      let random = javaRandom(BigInt(fixture.seed));
      const unbounded = fixture.nextInt.map(() => {
        const [value, next] = draw(random);
        random = next;
        return value;
      });
      expect(unbounded).toEqual(fixture.nextInt);
      const bounded = fixture.bounds.map((bound) => {
        const [value, next] = nextInt(random, bound);
        random = next;
        return value;
      });
      expect(bounded).toEqual(fixture.nextIntBounded);
    });
  }

  it('rejects a non-positive bound like Java (IllegalArgumentException)', () => {
    expect(() => nextInt(javaRandom(0), 0)).toThrow(/bound must be positive/);
  });

  it('is an immutable value: drawing twice from the same state gives the same number', () => {
    const random = javaRandom(42);
    expect(nextInt(random, 100)[0]).toBe(nextInt(random, 100)[0]);
  });
});

describe("Kafka's MockRandom", () => {
  it('steps state = state*2862933555777941757 + 3037000493 mod 2^64 and returns the top bits', () => {
    const [value, next] = nextBits(mockRandom(17), 31);
    const state = (17n * 2862933555777941757n + 3037000493n) % 2n ** 64n;
    expect(next).toEqual({ kind: 'MockRandom', state });
    expect(value).toBe(Number(state >> 33n));
  });
});

describe('Collections.shuffle matches the JDK', () => {
  for (const fixture of jdk.shuffle) {
    it(`shuffle(0..${fixture.size - 1}, new Random(${fixture.seed}))`, () => {
      const [result, after] = collectionsShuffle(Array.from({ length: fixture.size }, (_, i) => i), javaRandom(fixture.seed));
      expect(result).toEqual(fixture.result);
      expect(draw(after)[0]).toBe(fixture.nextIntAfter);
    });
  }
});

describe('java.util.HashMap iteration order matches the JDK', () => {
  it('String.hashCode', () => {
    for (const [text, hash] of Object.entries(jdk.stringHashCode)) expect(javaStringHashCode(text)).toBe(hash);
  });
  for (const fixture of jdk.hashMapOrder) {
    it(`${fixture.keys.length} keys starting ${JSON.stringify(fixture.keys.slice(0, 3))}`, () => {
      expect(hashMapIterationOrder(fixture.keys, rackNameHashCode)).toEqual(fixture.order);
    });
  }
  it('refuses to guess the order of a treeified bucket (Kafka itself is nondeterministic there)', () => {
    const colliding = Array.from({ length: 70 }, (_, i) => `x${i}`);
    // 9 keys with equal hashCode ("Aa"/"BB" blocks) in a table grown to ≥ 64 buckets by 60 other keys.
    const blocks = ['Aa', 'BB'];
    const equalHash = Array.from({ length: 9 }, (_, i) => [0, 1, 2, 3].map((bit) => blocks[(i >> bit) & 1]).join(''));
    expect(() => hashMapIterationOrder([...colliding, ...equalHash], rackNameHashCode)).toThrow(/treeify/);
  });
});
