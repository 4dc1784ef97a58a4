// Turns one level's results into the next level, deterministically: parts are taken in chunk order (and in order
// within a chunk), each new state gets the next global id in the StateLog, and its packed encoding is copied into
// the next frontier (a SharedArrayBuffer every thread reads), cut into chunks for claiming.

import type { StateLog } from '../state-log.ts';
import { CHUNK_INTS, type ChunkPart } from './protocol.ts';

export interface Level {
  /** Packed records [n, ints...] in global id order. */
  readonly frontier: Int32Array;
  /** Per chunk: record offset, state count, global id of its first state. */
  readonly chunks: Int32Array;
  readonly chunkCount: number;
  readonly size: number;
  readonly firstId: number;
}

/**
 * Chunk sizes for a level (guided self-scheduling): each chunk takes a share of what is left, between 32 and 2048
 * states, so chunks are big while there is much to do and small at the end, where threads would otherwise wait
 * for the one still busy with a big last chunk.
 */
export function chunkSizes(states: number, threads: number): number[] {
  const sizes: number[] = [];
  for (let left = states; left > 0; ) {
    const size = Math.min(left, Math.max(32, Math.min(2048, Math.ceil(left / (threads * 4)))));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/**
 * Logs the new states of `parts` (already in chunk order) and packs them as the next level. Records are
 * [parent, action, n, ints...]; a parent of -1 marks an initial state (its action is the index in init()).
 */
export function buildLevel(parts: readonly ChunkPart[], log: StateLog, threads: number): Level {
  let states = 0;
  let ints = 0;
  for (const part of parts) {
    states += part.states;
    ints += part.records.length - 2 * part.states;
  }
  const frontier = new Int32Array(new SharedArrayBuffer(Math.max(ints, 1) * 4));
  const sizes = chunkSizes(states, threads);
  const chunkCount = sizes.length;
  const chunks = new Int32Array(new SharedArrayBuffer(Math.max(chunkCount, 1) * CHUNK_INTS * 4));
  const firstId = log.size;
  let written = 0;
  let index = 0;
  let chunk = 0;
  let chunkEnd = 0;
  for (const part of parts) {
    const records = part.records;
    let at = 0;
    while (at < records.length) {
      if (index === chunkEnd) {
        const c = chunk * CHUNK_INTS;
        chunks[c] = written;
        chunks[c + 1] = sizes[chunk];
        chunks[c + 2] = firstId + index;
        chunkEnd += sizes[chunk++];
      }
      log.push(records[at] >>> 0, records[at + 1]);
      const n = records[at + 2];
      frontier[written++] = n;
      for (let i = 0; i < n; i++) frontier[written++] = records[at + 3 + i];
      at += n + 3;
      index++;
    }
  }
  return { frontier, chunks, chunkCount, size: states, firstId };
}

/** The unexpanded rest of a level (chunks from `from` on), for the count left in the queue. */
export function statesFrom(level: Level, from: number): number {
  let left = 0;
  for (let c = from; c < level.chunkCount; c++) left += level.chunks[c * CHUNK_INTS + 1];
  return left;
}
