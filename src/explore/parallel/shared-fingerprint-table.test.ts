// The shared visited set on one thread: new vs seen, zero lanes remapped consistently, the shared count and the
// limit flag, and a rehash that keeps every entry (concurrent use is covered by the explorer's exact counts).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNT, CONTROL_INTS } from './protocol.ts';
import { allocateLanes, SharedFingerprintTable } from './shared-fingerprint-table.ts';

const control = () => new Int32Array(new SharedArrayBuffer(CONTROL_INTS * 4));
const u32 = fc.integer({ min: 0, max: 0xffffffff });

describe('SharedFingerprintTable', () => {
  it('reports each distinct fingerprint new exactly once, also after rehashing into a bigger table', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(u32, u32), { maxLength: 300 }), (pairs) => {
        const shared = control();
        let table = new SharedFingerprintTable(allocateLanes(64), shared, 1);
        const seen = new Set<string>();
        for (const [high, low] of pairs) {
          const key = `${high}/${low}`;
          if (table.overLimit) {
            table = new SharedFingerprintTable(table.rehash(table.capacity * 2), shared, 1);
          }
          expect(table.insert(high, low)).toBe(!seen.has(key));
          seen.add(key);
        }
        table.flush();
        expect(Atomics.load(shared, COUNT)).toBe(seen.size);
        const bigger = new SharedFingerprintTable(table.rehash(table.capacity * 4), shared, 1);
        for (const [high, low] of pairs) expect(bigger.insert(high, low)).toBe(false);
      }),
    );
  });

  it('treats zero lanes as values, not as empty slots', () => {
    const table = new SharedFingerprintTable(allocateLanes(64), control(), 1);
    expect(table.insert(0, 0)).toBe(true);
    expect(table.insert(0, 0)).toBe(false);
    expect(table.insert(0, 7)).toBe(true);
    expect(table.insert(7, 0)).toBe(true);
    expect(table.insert(7, 0)).toBe(false);
    expect(table.size).toBe(3);
  });

  it('raises overLimit once the shared count passes 85% of the slots', () => {
    const shared = control();
    const table = new SharedFingerprintTable(allocateLanes(64), shared, 1);
    let inserted = 0;
    while (!table.overLimit) table.insert(++inserted, inserted * 31);
    // floor(64 * 0.85) = 54 may be held; inserts are published two at a time here (slack 10 / 4), so 55 or 56.
    expect(inserted).toBeGreaterThan(54);
    expect(inserted).toBeLessThanOrEqual(56);
    expect(table.checkFull()).toBe(true);
    expect(Atomics.load(shared, COUNT)).toBeLessThan(64);
  });
});
