// Fingerprint → state index, for the liveness graph: unlike the safety BFS's FingerprintSet, an edge to a state
// already seen must name that state, so each slot holds (high, low, index) in one Uint32Array (12 bytes a slot).
// The slots, growth (at 75% full) and probe are FingerprintSet's (LaneTable, findSlot); (0,0) is remapped to (0,1).

import { findSlot, LaneTable } from '../fingerprint-set.ts';

export const ABSENT = -1;
/** Lanes a slot: high, low, index. */
const STRIDE = 3;

export class IndexedFingerprintTable extends LaneTable {
  constructor(initialCapacity = 1 << 16) {
    super(initialCapacity, STRIDE, 0.75);
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
}
