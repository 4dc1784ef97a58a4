// The visited set must behave exactly like a set of 64-bit values across growth, including the (0,0) remap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FingerprintSet } from '../../src/explore/fingerprint-set.ts';

describe('FingerprintSet', () => {
  it('agrees with a reference set over random insert sequences (through several doublings)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 7 })), { maxLength: 3000 }), (pairs) => {
        const set = new FingerprintSet(4);
        const reference = new Set<string>();
        for (const [high, low] of pairs) {
          const key = `${high}:${high === 0 && low === 0 ? 1 : low}`;
          expect(set.add(high, low)).toBe(!reference.has(key));
          reference.add(key);
        }
        expect(set.size).toBe(reference.size);
        for (const [high, low] of pairs) expect(set.has(high, low)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('treats (0,0) as the fingerprint (0,1)', () => {
    const set = new FingerprintSet();
    expect(set.add(0, 0)).toBe(true);
    expect(set.add(0, 1)).toBe(false);
    expect(set.has(0, 0)).toBe(true);
  });
});
