// The shared visited set on one thread: new vs seen, zero lanes remapped consistently, the shared count and the
// limit flag, and a rehash that keeps every entry (concurrent use is covered by the explorer's exact counts).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNT, CONTROL_INTS } from './protocol.ts';
import { allocateLanes, helpRehash, SharedFingerprintTable, startRehash } from './shared-fingerprint-table.ts';

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

  it('a block-wise rehash (as the threads share it) keeps every entry and the count, zero lanes included', () => {
    const shared = control();
    const table = new SharedFingerprintTable(allocateLanes(1 << 16), shared, 1);
    const pairs = Array.from({ length: 50_000 }, (_, i) => [Math.imul(i, 0x85ebca6b) >>> 0, i % 7 === 0 ? 0 : i] as const);
    for (const [high, low] of pairs) table.insert(high, low); // pairs[0] is (0, 0)
    table.flush();
    const lanes = startRehash(shared, table.capacity * 2);
    helpRehash(shared, table.lanes, lanes);
    helpRehash(shared, table.lanes, lanes); // a thread arriving late finds no block left and returns at once
    const bigger = new SharedFingerprintTable(lanes, shared, 1);
    expect(bigger.capacity).toBe(1 << 17);
    for (const [high, low] of pairs) expect(bigger.insert(high, low)).toBe(false);
    expect(bigger.insert(0, 0)).toBe(false);
    expect(bigger.insert(1, 1)).toBe(true);
    bigger.flush();
    expect(Atomics.load(shared, COUNT)).toBe(50_001);
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
