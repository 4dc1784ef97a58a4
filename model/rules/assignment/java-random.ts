// java.util.Random, bit for bit, as an immutable value: the 48-bit LCG behind next(bits) and nextInt(bound)
// (incl. the power-of-two path and the rejection loop), Kafka's test MockRandom, which overrides next(bits) with
// a 64-bit LCG (org.apache.kafka.server.util.MockRandom), and Collections.shuffle on top. BigInt keeps products exact.

/** A java.util.Random (`seed` is the scrambled 48-bit state) or Kafka's MockRandom (`state` is the 64-bit state). */
export type JavaRandom =
  | { readonly kind: 'java.util.Random'; readonly seed: bigint }
  | { readonly kind: 'MockRandom'; readonly state: bigint };

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK_48 = (1n << 48n) - 1n;
const MOCK_MULTIPLIER = 2862933555777941757n;
const MOCK_ADDEND = 3037000493n;
const INT_MAX = 2 ** 31 - 1;

/** `new java.util.Random(seed)`: the constructor scrambles the seed with the multiplier (Random.initialScramble). */
export function javaRandom(seed: number | bigint): JavaRandom {
  const asLong = BigInt.asIntN(64, BigInt(seed));
  return { kind: 'java.util.Random', seed: (asLong ^ MULTIPLIER) & MASK_48 };
}

/** Kafka's `new MockRandom()` starts at state 17; `new MockRandom(s)` at s. */
export function mockRandom(state: number | bigint = 17n): JavaRandom {
  return { kind: 'MockRandom', state: BigInt.asUintN(64, BigInt(state)) };
}

/** Random.next(bits): the top `bits` bits of the new state, cast to a Java int. */
export function nextBits(random: JavaRandom, bits: number): readonly [number, JavaRandom] {
  if (!Number.isInteger(bits) || bits < 1 || bits > 32) throw new RangeError(`next(bits) needs 1..32 bits, got ${bits}`);
  if (random.kind === 'java.util.Random') {
    const seed = (random.seed * MULTIPLIER + ADDEND) & MASK_48;
    return [Number(BigInt.asIntN(32, seed >> BigInt(48 - bits))), { kind: 'java.util.Random', seed }];
  }
  // MockRandom: state = state * 2862933555777941757 + 3037000493 (Java long, wraps), return (int)(state >>> (64-bits)).
  const state = BigInt.asUintN(64, random.state * MOCK_MULTIPLIER + MOCK_ADDEND);
  return [Number(BigInt.asIntN(32, state >> BigInt(64 - bits))), { kind: 'MockRandom', state }];
}

/**
 * Random.nextInt(bound), the JDK algorithm kept since Java 1.2: a power-of-two bound takes the high bits
 * (`(bound * (long) r) >> 31`); any other bound uses `r % bound` and rejects draws from the short last bucket,
 * detected by Java int overflow of `u - r + (bound - 1)`.
 */
export function nextInt(random: JavaRandom, bound: number): readonly [number, JavaRandom] {
  if (!Number.isInteger(bound) || bound <= 0 || bound > INT_MAX) {
    throw new RangeError(`bound must be positive (a Java int), got ${bound}`);
  }
  let [r, next] = nextBits(random, 31);
  const m = bound - 1;
  if ((bound & m) === 0) {
    // bound = 2^k: (bound * r) >> 31 is r >> (31 - k); dividing by a power of two is exact in a double.
    return [Math.floor(r / (2 ** 31 / bound)), next];
  }
  let u = r;
  for (;;) {
    r = u % bound;
    if (((u - r + m) | 0) >= 0) return [r, next];
    [u, next] = nextBits(next, 31);
  }
}

/** Draws `count` values of nextInt(bound) in order; handy for tests and for the admin placer's two draws. */
export function nextInts(random: JavaRandom, bound: number, count: number): readonly [readonly number[], JavaRandom] {
  const values: number[] = [];
  let current = random;
  for (let i = 0; i < count; i++) {
    const [value, next] = nextInt(current, bound);
    values.push(value);
    current = next;
  }
  return [values, current];
}

/**
 * java.util.Collections.shuffle(list, rnd): for i from size down to 2, swap element i-1 with element
 * rnd.nextInt(i). The JDK makes the same swaps for array-backed and linked lists (the latter via an array), so
 * the result depends only on the list and the Random — Kafka's StripedReplicaPlacer reshuffle relies on it.
 */
export function collectionsShuffle<T>(list: readonly T[], random: JavaRandom): readonly [readonly T[], JavaRandom] {
  const items = [...list];
  let current = random;
  for (let i = items.length; i > 1; i--) {
    const [j, next] = nextInt(current, i);
    current = next;
    const held = items[i - 1] as T;
    items[i - 1] = items[j] as T;
    items[j] = held;
  }
  return [items, current];
}
