// The visited set shared by all threads: 64-bit fingerprints in a SharedArrayBuffer of Int32 lane pairs, lock-free
// linear probing. A thread claims a slot by compareExchange on lane 1 (0 = empty, so a 0 lane is remapped), then
// stores lane 2 (also never 0); a reader that sees lane 1 match before lane 2 lands spins until it does. Growing
// is a rehash into a twice bigger table that every thread helps with, block by block, while no thread inserts.

import { homeSlot } from '../fingerprint-set.ts';
import { COUNT, REHASH_CLAIM, REHASH_DONE } from './protocol.ts';

/** Load factor at which threads stop at an action boundary so the coordinator can grow the table. */
export const LOAD_LIMIT = 0.85;
/** Old slots per block of a parallel rehash (128 KB of lanes). */
const REHASH_BLOCK = 1 << 14;
/** Lane 1 value standing for a real 0 (0 marks an empty slot). */
export const HIGH_REMAP = 0x61c88647;

export function allocateLanes(capacity: number): Int32Array {
  let slots = 64;
  while (slots < capacity) slots *= 2;
  return new Int32Array(new SharedArrayBuffer(slots * 8));
}

export class SharedFingerprintTable {
  readonly capacity: number;
  private readonly mask: number;
  private readonly limit: number;
  /**
   * Inserts counted locally before one Atomics.add, so threads do not fight over the counter's cache line; the
   * limit is checked at those flushes only (an atomic load per transition costs ~10% of the hot loop).
   */
  private readonly flushEvery: number;
  private pending = 0;
  /** Set once this thread saw the shared count pass the limit: stop at the next action boundary. */
  overLimit = false;

  /** `parties`: threads inserting concurrently (bounds how far past the limit unflushed inserts can go). */
  constructor(
    readonly lanes: Int32Array,
    private readonly control: Int32Array,
    parties: number,
  ) {
    this.capacity = lanes.length >>> 1;
    this.mask = this.capacity - 1;
    this.limit = Math.floor(this.capacity * LOAD_LIMIT);
    // Past the limit each thread inserts at most ~2 flushes' worth before it notices: keep that within the slack.
    const slack = this.capacity - this.limit;
    this.flushEvery = Math.max(1, Math.min(256, Math.floor(slack / (4 * parties))));
  }

  /** Adds the fingerprint (uint32 lanes from StateEncoder.hash() / .low); true if no thread had added it. */
  insert(high: number, low: number): boolean {
    let h = high | 0;
    let l = low | 0;
    if (h === 0) h = HIGH_REMAP;
    if (l === 0) l = 1;
    const lanes = this.lanes;
    const mask = this.mask;
    let slot = homeSlot(h, l, mask);
    for (;;) {
      const at = slot << 1;
      let seen = lanes[at]; // plain read: a non-zero lane 1 is final, a stale 0 only costs a failed exchange
      if (seen === 0) {
        seen = Atomics.compareExchange(lanes, at, 0, h);
        if (seen === 0) {
          Atomics.store(lanes, at + 1, l);
          if (++this.pending >= this.flushEvery) this.flush();
          return true;
        }
      }
      if (seen === h) {
        let other = lanes[at + 1];
        while (other === 0) other = Atomics.load(lanes, at + 1); // the claiming thread is about to store it
        if (other === l) return false;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Publishes this thread's uncounted inserts to the shared count. */
  flush(): void {
    if (this.pending > 0) {
      const total = Atomics.add(this.control, COUNT, this.pending) + this.pending;
      this.pending = 0;
      if (total > this.limit) this.overLimit = true;
    }
  }

  /** Reads the shared count (an atomic load: call it per chunk, not per transition); true if over the limit. */
  checkFull(): boolean {
    if (Atomics.load(this.control, COUNT) + this.pending > this.limit) this.overLimit = true;
    return this.overLimit;
  }

  /** Distinct fingerprints, as published so far. */
  get size(): number {
    return Atomics.load(this.control, COUNT) + this.pending;
  }

  /** A copy into a bigger table on this thread alone (no other thread may insert meanwhile). */
  rehash(capacity: number): Int32Array {
    const lanes = allocateLanes(capacity);
    moveSlots(this.lanes, lanes, 0, this.capacity);
    return lanes;
  }
}

/**
 * Prepares a growth that several threads carry out: an empty bigger table, and the control array's block counters
 * reset. Every thread (the coordinator first) then calls `helpRehash`; none inserts until it returned.
 */
export function startRehash(control: Int32Array, capacity: number): Int32Array {
  Atomics.store(control, REHASH_CLAIM, 0);
  Atomics.store(control, REHASH_DONE, 0);
  return allocateLanes(capacity);
}

/**
 * Claims blocks of `from`'s slots and moves their entries into `to` until none is left, then waits until every
 * claimed block is moved (by whichever thread claimed it), so that no insert can miss an entry not yet moved. The
 * serial rehash was ~11% of a one-thread 2PC-8 run (370 ms CPU over 5 growths) with the other threads waiting.
 */
export function helpRehash(control: Int32Array, from: Int32Array, to: Int32Array): void {
  const slots = from.length >>> 1;
  const blocks = Math.ceil(slots / REHASH_BLOCK);
  for (let k = Atomics.add(control, REHASH_CLAIM, 1); k < blocks; k = Atomics.add(control, REHASH_CLAIM, 1)) {
    moveSlots(from, to, k * REHASH_BLOCK, Math.min(slots, (k + 1) * REHASH_BLOCK));
    if (Atomics.add(control, REHASH_DONE, 1) + 1 === blocks) Atomics.notify(control, REHASH_DONE);
  }
  for (let done = Atomics.load(control, REHASH_DONE); done < blocks; done = Atomics.load(control, REHASH_DONE)) {
    Atomics.wait(control, REHASH_DONE, done, 50); // Node allows waiting on the main thread; the timeout re-reads
  }
}

/**
 * Moves the entries of `from`'s slots [start, end) into `to`, claiming each target slot by compareExchange so that
 * threads moving other blocks at the same time never take the same slot. Entries are distinct: no equality check.
 */
function moveSlots(from: Int32Array, to: Int32Array, start: number, end: number): void {
  const mask = (to.length >>> 1) - 1;
  for (let at = start << 1; at < end << 1; at += 2) {
    const h = from[at];
    if (h === 0) continue;
    const l = from[at + 1];
    let slot = homeSlot(h, l, mask);
    while (to[slot << 1] !== 0 || Atomics.compareExchange(to, slot << 1, 0, h) !== 0) slot = (slot + 1) & mask;
    Atomics.store(to, (slot << 1) + 1, l);
  }
}
