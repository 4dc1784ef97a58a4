// The output side of a thread's expansion: new states as records [parent id, action index, n, ints...] written one
// after another into slabs (big SharedArrayBuffers, recycled once nobody reads them), cut into parts for the
// coordinator; the parts are the next level's frontier as they are. Also carries the part's property events.

import { RECORD_HEADER, SLAB_ID, SLAB_INTS, SPARE_CLAIM, STRIDE, type ChunkPart } from './protocol.ts';

export class PartWriter {
  /** Property events of the part being filled (EVENT_INTS per event). */
  events: number[] = [];
  /** Transitions generated for the part being filled. */
  generated = 0;
  /** States in the part being filled. */
  states = 0;
  // The slab being filled; the current part is out[start, length). Int 0 is the slab's id.
  private out: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private start = 0;
  private length = 0;
  private strides: number[] = [];

  /** `slabInts`: ints per slab (tests make it tiny so slabs fill up mid-chunk). */
  constructor(
    private readonly control: Int32Array,
    private readonly slabInts = SLAB_INTS,
  ) {}

  /**
   * A new level: continue in a fresh slab (a spare of this level if one is left) unless nothing was written into
   * the current one, so that a slab only ever holds one level's states and is free once that level was expanded.
   */
  startLevel(spares: readonly Int32Array[]): void {
    if (this.length > 1 || this.out.length === 0) this.takeSlab(spares, this.slabInts);
  }

  /** Whether a record of `n` ints fits in the slab; if not, the caller takes the part and calls `nextSlab`. */
  fits(n: number): boolean {
    return this.length + n + RECORD_HEADER <= this.out.length;
  }

  nextSlab(spares: readonly Int32Array[], n: number): void {
    this.takeSlab(spares, Math.max(this.slabInts, n + RECORD_HEADER + 1));
  }

  /** Appends a record (the caller made sure it fits). */
  write(parent: number, action: number, buffer: Int32Array, n: number): void {
    if (this.states % STRIDE === 0) this.strides.push(this.length - this.start);
    const out = this.out;
    let at = this.length;
    out[at++] = parent;
    out[at++] = action;
    out[at++] = n;
    for (let i = 0; i < n; i++) out[at++] = buffer[i];
    this.length = at;
    this.states++;
  }

  /** Hands over what was written since the last part (it stays in the slab; the next part follows it). */
  take(chunk: number, final: boolean): ChunkPart {
    const part: ChunkPart = {
      chunk,
      records: this.out.subarray(this.start, this.length),
      states: this.states,
      strides: Int32Array.from(this.strides),
      events: Int32Array.from(this.events),
      generated: this.generated,
      final,
      slab: this.out,
    };
    this.start = this.length;
    this.states = 0;
    this.strides = [];
    this.events = [];
    this.generated = 0;
    return part;
  }

  private takeSlab(spares: readonly Int32Array[], ints: number): void {
    let slab: Int32Array | null = null;
    while (slab === null) {
      const k = Atomics.add(this.control, SPARE_CLAIM, 1); // each spare goes to one thread
      if (k >= spares.length) break;
      if (spares[k].length >= ints) slab = spares[k];
    }
    if (slab === null) {
      slab = new Int32Array(new SharedArrayBuffer(ints * 4));
      slab[0] = Atomics.add(this.control, SLAB_ID, 1);
    }
    this.out = slab;
    this.start = this.length = 1;
  }
}
