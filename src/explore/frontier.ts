// The BFS queue. When the model offers `decode`, states wait as packed integers in chunked typed arrays (a few
// bytes each instead of a JS object graph); otherwise as objects. FIFO order is what makes BFS traces shortest.

import type { Model, ActionBase } from '../contract/model.ts';
import { ArrayReader, type StateEncoder } from './state-encoder.ts';

const CHUNK = 1 << 20;

export interface Frontier<S> {
  readonly length: number;
  /** Pushes the state whose encoding is currently in `encoder` (the caller just encoded it). */
  push(state: S, encoder: StateEncoder): void;
  shift(): S;
}

export function createFrontier<S, A extends ActionBase>(model: Model<S, A>): Frontier<S> {
  return model.decode ? new PackedFrontier(model.decode.bind(model)) : new ObjectFrontier<S>();
}

class ObjectFrontier<S> implements Frontier<S> {
  private items: S[] = [];
  private head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(state: S): void {
    this.items.push(state);
  }
  shift(): S {
    const state = this.items[this.head];
    this.items[this.head++] = undefined as S;
    if (this.head > 65536 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return state;
  }
}

class PackedFrontier<S> implements Frontier<S> {
  private chunks: Int32Array[] = [new Int32Array(CHUNK)];
  private writeAt = 0;
  private readAt = 0;
  private count = 0;
  private readonly reader = new ArrayReader(new Int32Array(0), 0);
  constructor(private readonly decode: (reader: ArrayReader) => S) {}

  get length(): number {
    return this.count;
  }

  push(_state: S, encoder: StateEncoder): void {
    const n = encoder.length;
    let chunk = this.chunks[this.chunks.length - 1];
    if (this.writeAt + n + 1 > chunk.length) {
      if (this.writeAt < chunk.length) chunk[this.writeAt] = -1; // end-of-chunk marker; lengths are never negative
      chunk = new Int32Array(Math.max(CHUNK, n + 1));
      this.chunks.push(chunk);
      this.writeAt = 0;
    }
    chunk[this.writeAt] = n;
    const source = encoder.buffer;
    const at = this.writeAt + 1;
    for (let i = 0; i < n; i++) chunk[at + i] = source[i]; // no subarray view allocated per state
    this.writeAt += n + 1;
    this.count++;
  }

  shift(): S {
    let chunk = this.chunks[0];
    if (this.readAt >= chunk.length || chunk[this.readAt] === -1) {
      this.chunks.shift();
      this.readAt = 0;
      chunk = this.chunks[0];
    }
    const n = chunk[this.readAt];
    this.reader.reset(chunk, this.readAt + 1);
    const state = this.decode(this.reader);
    this.readAt += n + 1;
    this.count--;
    return state;
  }
}
