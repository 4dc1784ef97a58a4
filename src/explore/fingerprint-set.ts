// The visited set: 64-bit fingerprints in one open-addressing table of 32-bit lanes (linear probing), doubling
// when 85% full. No JS object per state: about 10–21 bytes per distinct state. Fingerprint (0,0) marks an empty
// slot, so a real (0,0) is remapped to (0,1) by `add`/`has` alike. Its probe (homeSlot, findSlot) is shared with
// the liveness graph's IndexedFingerprintTable and the threads' SharedFingerprintTable: one hash, one walk.

/**
 * What the uint32-lane tables share (FingerprintSet, the liveness graph's IndexedFingerprintTable): a power-of-two
 * number of slots of `stride` lanes, the fingerprint's two first, (0, 0) empty, doubling past `load` full.
 */
export abstract class LaneTable {
  protected table: Uint32Array;
  protected mask: number;
  protected count = 0;
  protected limit: number;

  constructor(
    initialCapacity: number,
    private readonly stride: number,
    private readonly load: number,
  ) {
    let capacity = 1;
    while (capacity < initialCapacity) capacity <<= 1;
    this.table = new Uint32Array(capacity * stride);
    this.mask = capacity - 1;
    this.limit = Math.floor(capacity * load);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.table.byteLength;
  }

  /** Doubles the slots; every entry (all its lanes) moves to the empty slot the probe finds for it. */
  protected grow(): void {
    const old = this.table;
    const stride = this.stride;
    const capacity = (this.mask + 1) * 2;
    this.table = new Uint32Array(capacity * stride);
    this.mask = capacity - 1;
    this.limit = Math.floor(capacity * this.load);
    for (let from = 0; from < old.length; from += stride) {
      if (old[from] === 0 && old[from + 1] === 0) continue;
      const at = findSlot(this.table, stride, this.mask, old[from], old[from + 1]); // entries are distinct
      for (let i = 0; i < stride; i++) this.table[at + i] = old[from + i];
    }
  }
}

export class FingerprintSet extends LaneTable {
  constructor(initialCapacity = 1 << 16) {
    super(initialCapacity, 2, 0.85);
  }

  /**
   * Adds the fingerprint; true if it was not present. It walks the probe itself rather than through findSlot: the
   * shared version measured 8–20% slower on two-phase-commit at 8 RMs (this is BFS's hottest call).
   */
  add(high: number, low: number): boolean {
    if (high === 0 && low === 0) low = 1;
    const table = this.table;
    const mask = this.mask;
    let slot = homeSlot(high, low, mask);
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
    const at = findSlot(this.table, 2, this.mask, high, low);
    return this.table[at] !== 0 || this.table[at + 1] !== 0;
  }
}

/** First slot of the probe for fingerprint (high, low) in a table of `mask + 1` slots (a power of two). */
export function homeSlot(high: number, low: number, mask: number): number {
  return (high ^ Math.imul(low, 0x9e3779b1)) & mask;
}

/**
 * Lane offset of the slot holding (high, low) in `table` (`stride` lanes a slot, the fingerprint's two first), or
 * of the empty slot, (0, 0), where it would go. Lanes are uint32; a real (0, 0) must be remapped by the caller.
 */
export function findSlot(table: Uint32Array, stride: number, mask: number, high: number, low: number): number {
  let slot = homeSlot(high, low, mask);
  for (;;) {
    const at = slot * stride;
    const h = table[at];
    const l = table[at + 1];
    if ((h === 0 && l === 0) || (h === high && l === low)) return at;
    slot = (slot + 1) & mask;
  }
}
