// Fingerprint → state index, for the liveness graph: unlike the safety BFS's FingerprintSet, an edge to a state
// already seen must name that state, so each slot holds (high, low, index) in one Uint32Array (12 bytes a slot).
// Open addressing with the probe shared with the other fingerprint tables, doubling at 75% full; fingerprint
// (0,0) is remapped to (0,1).

import { findSlot } from '../fingerprint-set.ts';

export const ABSENT = -1;
/** Lanes a slot: high, low, index. */
const STRIDE = 3;

export class IndexedFingerprintTable {
  private table: Uint32Array;
  private mask: number;
  private count = 0;
  private limit: number;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1;
    while (capacity < initialCapacity) capacity <<= 1;
    this.table = new Uint32Array(capacity * STRIDE);
    this.mask = capacity - 1;
    this.limit = Math.floor(capacity * 0.75);
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.table.byteLength;
  }

  /** The index stored for the fingerprint, or ABSENT. */
  get(high: number, low: number): number {
    if (high === 0 && low === 0) low = 1;
    const at = findSlot(this.table, STRIDE, this.mask, high, low);
    return this.table[at] === 0 && this.table[at + 1] === 0 ? ABSENT : this.table[at + 2];
  }

  /** Stores the fingerprint with `index` unless present; returns the index it already had, or ABSENT. */
  putIfAbsent(high: number, low: number, index: number): number {
    if (high === 0 && low === 0) low = 1;
    const table = this.table;
    const at = findSlot(table, STRIDE, this.mask, high, low);
    if (table[at] !== 0 || table[at + 1] !== 0) return table[at + 2];
    table[at] = high;
    table[at + 1] = low;
    table[at + 2] = index;
    if (++this.count > this.limit) this.grow();
    return ABSENT;
  }

  private grow(): void {
    const old = this.table;
    const capacity = (this.mask + 1) * 2;
    this.table = new Uint32Array(capacity * STRIDE);
    this.mask = capacity - 1;
    this.limit = Math.floor(capacity * 0.75);
    const table = this.table;
    for (let from = 0; from < old.length; from += STRIDE) {
      if (old[from] === 0 && old[from + 1] === 0) continue;
      const at = findSlot(table, STRIDE, this.mask, old[from], old[from + 1]); // an empty slot: entries are distinct
      table[at] = old[from];
      table[at + 1] = old[from + 1];
      table[at + 2] = old[from + 2];
    }
  }
}
