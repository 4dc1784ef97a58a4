// Turns one level's parts into the next level without copying: the parts (shared memory, taken in chunk order,
// then in order within a chunk) are the next frontier as they are, cut into claimable chunks; global ids follow
// that order. Logging each new state's (parent, action) is left to a queue the main thread drains between chunks.

import type { StateLog } from '../state-log.ts';
import { CHUNK_INTS, RECORD_HEADER, STRIDE, type ChunkPart } from './protocol.ts';

export interface Level {
  /** Shared record buffers; chunk descriptors index into this list. */
  readonly frontier: Int32Array[];
  /** Per chunk: frontier buffer, record offset, state count, global id of its first state. */
  readonly chunks: Int32Array;
  readonly chunkCount: number;
  readonly size: number;
  readonly firstId: number;
}

/**
 * Chunk size at a point of a level (guided self-scheduling): a share of what is left, between 32 and 2048 states
 * and a multiple of STRIDE, so chunks are big while there is much to do and small at the end, where threads would
 * otherwise wait for the one still busy with a big last chunk.
 */
export function chunkSize(left: number, threads: number): number {
  const size = Math.max(32, Math.min(2048, Math.ceil(left / (threads * 4))));
  return Math.ceil(size / STRIDE) * STRIDE;
}

/** The next level from `parts` (in id order); its first state gets id `firstId`. */
export function buildLevel(parts: readonly ChunkPart[], firstId: number, threads: number): Level {
  const used = parts.filter((part) => part.states > 0);
  const size = used.reduce((n, part) => n + part.states, 0);
  const descriptors: number[] = [];
  let index = 0;
  used.forEach((part, buffer) => {
    for (let at = 0; at < part.states; ) {
      // `at` stays a multiple of STRIDE within the part, where the part noted a record offset.
      const take = Math.min(chunkSize(size - index, threads), part.states - at);
      descriptors.push(buffer, part.strides[at / STRIDE], take, firstId + index);
      at += take;
      index += take;
    }
  });
  const chunks = new Int32Array(new SharedArrayBuffer(Math.max(descriptors.length, CHUNK_INTS) * 4));
  chunks.set(descriptors);
  return { frontier: used.map((part) => part.records), chunks, chunkCount: descriptors.length / CHUNK_INTS, size, firstId };
}

/** The unexpanded rest of a level (chunks from `from` on). */
export function statesFrom(level: Level, from: number): number {
  let left = 0;
  for (let c = from; c < level.chunkCount; c++) left += level.chunks[c * CHUNK_INTS + 2];
  return left;
}

/** Parts whose states are numbered but not yet in the StateLog, logged in order (ids must match). */
export class PendingLog {
  private readonly queue: ChunkPart[] = [];

  constructor(private readonly log: StateLog) {}

  add(parts: readonly ChunkPart[]): void {
    for (const part of parts) if (part.states > 0) this.queue.push(part);
  }

  /** Logs whole parts until about `budget` record ints were read; returns whether anything is left. */
  drain(budget = Infinity): boolean {
    let logged = 0;
    while (this.queue.length > 0 && logged < budget) {
      const records = this.queue.shift()!.records;
      for (let at = 0; at < records.length; at += records[at + 2] + RECORD_HEADER) this.log.push(records[at] >>> 0, records[at + 1]);
      logged += records.length;
    }
    return this.queue.length > 0;
  }
}
