// The visited set: 64-bit fingerprints in one open-addressing table of 32-bit lanes (linear probing), doubling
// when 85% full. No JS object per state: about 10–21 bytes per distinct state. Fingerprint (0,0) marks an empty
// slot, so a real (0,0) is remapped to (0,1) by `add`/`has` alike.

export class FingerprintSet {
  private table: Uint32Array;
  private mask: number;
  private count = 0;
  private limit: number;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1;
    while (capacity < initialCapacity) capacity <<= 1;
    this.table = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
    this.limit = Math.floor(capacity * 0.85);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.table.byteLength;
  }

  /**
   * Adds the fingerprint; true if it was not present. It probes on its own rather than through a helper shared with
   * `has`: the shared version measured 8–20% slower on two-phase-commit at 8 RMs (this is BFS's hottest call).
   */
  add(high: number, low: number): boolean {
    if (high === 0 && low === 0) low = 1;
    const table = this.table;
    const mask = this.mask;
    let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
    for (;;) {
      const at = slot << 1;
      const h = table[at];
      const l = table[at + 1];
      if (h === 0 && l === 0) {
        table[at] = high;
        table[at + 1] = low;
        if (++this.count > this.limit) this.grow();
        return true;
      }
      if (h === high && l === low) return false;
      slot = (slot + 1) & mask;
    }
  }

  has(high: number, low: number): boolean {
    if (high === 0 && low === 0) low = 1;
    const table = this.table;
    const mask = this.mask;
    let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
    for (;;) {
      const at = slot << 1;
      const h = table[at];
      const l = table[at + 1];
      if (h === 0 && l === 0) return false;
      if (h === high && l === low) return true;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    const capacity = (this.mask + 1) * 2;
    this.table = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
    this.limit = Math.floor(capacity * 0.85);
    const table = this.table;
    const mask = this.mask;
    for (let at = 0; at < old.length; at += 2) {
      const high = old[at];
      const low = old[at + 1];
      if (high === 0 && low === 0) continue;
      let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
      while (table[slot << 1] !== 0 || table[(slot << 1) + 1] !== 0) slot = (slot + 1) & mask;
      table[slot << 1] = high;
      table[(slot << 1) + 1] = low;
    }
  }
}
