// The scratch buffer models encode into, and the 64-bit fingerprint of what they wrote. Two independent 32-bit
// murmur3-style lanes give the 64-bit fingerprint; no object is allocated per state (see design notes: the
// visited set must never be keyed on JSON.stringify).

import type { StateReader, StateWriter } from '../contract/model.ts';

export class StateEncoder implements StateWriter {
  buffer: Int32Array = new Int32Array(256);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  int(value: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Int32Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = value;
  }

  /** Lane 2 of the fingerprint computed by the last `hash()` call. */
  low = 0;

  /**
   * Fingerprints the current contents in one pass over two independent murmur3-style lanes; returns lane 1 (the
   * high 32 bits) and leaves lane 2 in `low`.
   */
  hash(): number {
    const data = this.buffer;
    const length = this.length;
    let h1 = 0x9747b28c ^ length;
    let h2 = 0x5bd1e995 ^ length;
    for (let i = 0; i < length; i++) {
      const v = data[i];
      let k1 = Math.imul(v, 0xcc9e2d51);
      k1 = Math.imul((k1 << 15) | (k1 >>> 17), 0x1b873593);
      h1 ^= k1;
      h1 = (Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64) | 0;
      let k2 = Math.imul(v ^ 0x7f4a7c15, 0x85ebca6b);
      k2 = Math.imul((k2 << 16) | (k2 >>> 16), 0xc2b2ae35);
      h2 ^= k2;
      h2 = (Math.imul((h2 << 11) | (h2 >>> 21), 9) + 0x52dce729) | 0;
    }
    this.low = fmix(h2) >>> 0;
    return fmix(h1) >>> 0;
  }

  /** A copy of the contents (for storing in a packed frontier or a test). */
  snapshot(): Int32Array {
    return this.buffer.slice(0, this.length);
  }
}

/** murmur3's 32-bit finaliser: every input bit flips about half the output bits (also seeds walk streams). */
export function fmix(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Reads integers back from a packed record (used with a model's optional `decode`). */
export class ArrayReader implements StateReader {
  private position: number;
  constructor(
    private data: Int32Array,
    start: number,
  ) {
    this.position = start;
  }
  /** Points the reader at another record (one reader serves the whole frontier). */
  reset(data: Int32Array, start: number): void {
    this.data = data;
    this.position = start;
  }
  int(): number {
    return this.data[this.position++];
  }
  get offset(): number {
    return this.position;
  }
}
