// Fingerprint → state index, for the liveness graph: unlike the safety BFS's FingerprintSet, an edge to a state
// already seen must name that state, so each slot holds (high, low, index) in one Uint32Array (12 bytes a slot).
// Open addressing with linear probing, doubling at 75% full; fingerprint (0,0) is remapped to (0,1).

export const ABSENT = -1;

export class IndexedFingerprintTable {
  private table: Uint32Array;
  private mask: number;
  private count = 0;
  private limit: number;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1;
    while (capacity < initialCapacity) capacity <<= 1;
    this.table = new Uint32Array(capacity * 3);
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
    const table = this.table;
    let slot = (high ^ Math.imul(low, 0x9e3779b1)) & this.mask;
    for (;;) {
      const at = slot * 3;
      const h = table[at];
      const l = table[at + 1];
      if (h === 0 && l === 0) return ABSENT;
      if (h === high && l === low) return table[at + 2];
      slot = (slot + 1) & this.mask;
    }
  }

  /** Stores the fingerprint with `index` unless present; returns the index it already had, or ABSENT. */
  putIfAbsent(high: number, low: number, index: number): number {
    if (high === 0 && low === 0) low = 1;
    const table = this.table;
    let slot = (high ^ Math.imul(low, 0x9e3779b1)) & this.mask;
    for (;;) {
      const at = slot * 3;
      const h = table[at];
      const l = table[at + 1];
      if (h === 0 && l === 0) {
        table[at] = high;
        table[at + 1] = low;
        table[at + 2] = index;
        if (++this.count > this.limit) this.grow();
        return ABSENT;
      }
      if (h === high && l === low) return table[at + 2];
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    const capacity = (this.mask + 1) * 2;
    this.table = new Uint32Array(capacity * 3);
    this.mask = capacity - 1;
    this.limit = Math.floor(capacity * 0.75);
    const table = this.table;
    for (let at = 0; at < old.length; at += 3) {
      const high = old[at];
      const low = old[at + 1];
      if (high === 0 && low === 0) continue;
      let slot = (high ^ Math.imul(low, 0x9e3779b1)) & this.mask;
      while (table[slot * 3] !== 0 || table[slot * 3 + 1] !== 0) slot = (slot + 1) & this.mask;
      table[slot * 3] = high;
      table[slot * 3 + 1] = low;
      table[slot * 3 + 2] = old[at + 2];
    }
  }
}
