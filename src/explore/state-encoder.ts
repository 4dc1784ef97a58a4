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

  /** High 32 bits of the fingerprint of the current contents (lane 1). Call `hashLow` for lane 2. */
  hashHigh(): number {
    return mixLane(this.buffer, this.length, 0x9747b28c);
  }

  hashLow(): number {
    return mixLane(this.buffer, this.length, 0x5bd1e995);
  }

  /** A copy of the contents (for storing in a packed frontier or a test). */
  snapshot(): Int32Array {
    return this.buffer.slice(0, this.length);
  }
}

function mixLane(data: Int32Array, length: number, seed: number): number {
  let h = seed ^ length;
  for (let i = 0; i < length; i++) {
    let k = Math.imul(data[i], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
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
    private readonly data: Int32Array,
    start: number,
  ) {
    this.position = start;
  }
  int(): number {
    return this.data[this.position++];
  }
  get offset(): number {
    return this.position;
  }
}
