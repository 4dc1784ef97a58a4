// The messages and shared layouts between the coordinator (main thread) and worker threads. New states travel in
// parts: SharedArrayBuffer-backed records [parent id, action index, n, ints...]; the parts of level d are, as they
// are, the frontier of level d + 1, cut into chunks that threads claim with an atomic counter (nothing is copied).

import type { CoverageEntry } from '../outcome.ts';
import type { WorkerModelSource } from './parallel-options.ts';

/** Indices in the control Int32Array (a cache line apart so the hot counters do not share one). */
export const CLAIM = 0;
export const COUNT = 16;
/** Non-zero: every thread stops claiming chunks (a stop request: Ctrl-C, memory budget). */
export const STOP = 32;
/** A table growth's blocks of old slots: next to claim, and done (every thread helps move them). */
export const REHASH_CLAIM = 48;
export const REHASH_DONE = 64;
/** Next spare slab of the level to take (LevelPlan.spares), and the id counter for new slabs. */
export const SPARE_CLAIM = 80;
export const SLAB_ID = 96;
export const CONTROL_INTS = 112;

/**
 * Ints per slab: a thread writes its parts' records one after another into a slab (int 0 holds the slab's id), so
 * a level costs a few big SharedArrayBuffers, recycled once their states were expanded and logged, instead of a new one per part (on 2PC-8
 * ~2,500 allocations, 88 MB of fresh pages, ~130 ms CPU, and the external memory that drives extra GCs).
 */
export const SLAB_INTS = 1 << 20;

/** Ints per chunk descriptor in LevelPlan.chunks: frontier buffer, record offset, state count, id of its first state. */
export const CHUNK_INTS = 4;
/** Ints before a record's encoding: parent id, action index, n. */
export const RECORD_HEADER = 3;
/** Parts note the record offset of every STRIDE-th state, where the next level may cut a chunk. */
export const STRIDE = 32;

/** Ints per event: kind, property index, parent id, action index (the event is about parent --action--> s). */
export const EVENT_INTS = 4;
export const EVENT_ALWAYS = 0;
export const EVENT_ACTION = 1;
export const EVENT_WITNESS = 2;

export interface LevelPlan {
  /** The previous level's parts' records (shared memory). */
  readonly frontier: readonly Int32Array[];
  readonly chunks: Int32Array;
  readonly chunkCount: number;
  /** Indices of the invariants / action properties / witnesses still worth checking. */
  readonly invariants: readonly number[];
  readonly actionProperties: readonly number[];
  readonly witnesses: readonly number[];
  /** Stop claiming chunks once this many distinct states exist (-1: no bound). */
  readonly maxStates: number;
  /** Stop claiming chunks after this Date.now() (-1: no bound). */
  readonly deadline: number;
  /** Slabs no longer read (the frontier the level before expanded), taken by index from control[SPARE_CLAIM]. */
  readonly spares?: readonly Int32Array[];
}

/**
 * New states found in (part of) one chunk, in the thread's order: records [parent id, action index, n, ints...]
 * in shared memory. A chunk arrives in several parts when it found many states or was interrupted by a table
 * growth, `final` on the last.
 */
export interface ChunkPart {
  readonly chunk: number;
  readonly records: Int32Array;
  readonly states: number;
  /** Record offset of states 0, STRIDE, 2·STRIDE, ... */
  readonly strides: Int32Array;
  readonly events: Int32Array;
  readonly generated: number;
  readonly final: boolean;
  /** The whole slab `records` lies in (int 0: its id), or null for a buffer of its own (level 0). */
  readonly slab: Int32Array | null;
}

/** What one thread did in one level (diagnostics for `onLevel`: where the time of a level went). */
export interface ThreadLevelStats {
  /** Wall ms spent expanding chunks (on a loaded machine this includes time the OS ran something else). */
  readonly busyMs: number;
  /** CPU ms of the thread over the level (NaN where unknown). */
  readonly cpuMs: number;
  /** Ms the thread was ready to run but waited for a core (other load on the machine; NaN where unknown). */
  readonly queuedMs: number;
  readonly expanded: number;
  readonly chunks: number;
  /** Wall ms from the coordinator posting the level to the thread starting it (0 for the main thread). */
  readonly lagMs: number;
}

/** How a worker's start went (diagnostics): wall ms from spawn to the model loaded and to warmed up, CPU used. */
export interface WorkerStartup {
  /** Set by the coordinator: wallMs() at the spawn. */
  readonly spawnedAt?: number;
  readonly loadedMs: number;
  readonly readyMs: number;
  readonly cpuMs: number;
}

export interface WorkerInit {
  readonly source: WorkerModelSource;
  readonly symmetry: boolean;
  readonly control: Int32Array;
  readonly parties: number;
  /** Ints per slab (undefined: SLAB_INTS). */
  readonly slabInts?: number;
  /** wallMs() when the coordinator created the worker. */
  readonly spawnedAt: number;
}

export type ToWorker =
  | { readonly type: 'level'; readonly plan: LevelPlan; readonly table: Int32Array; readonly postedAt: number }
  /** After a growth: help move `from` into `table` (blocks claimed in the control array), then go on with it. */
  | { readonly type: 'resume'; readonly table: Int32Array; readonly from: Int32Array };

export type FromWorker =
  | { readonly type: 'ready'; readonly startup: WorkerStartup }
  | { readonly type: 'part'; readonly part: ChunkPart }
  | { readonly type: 'paused' }
  | { readonly type: 'idle'; readonly coverage: readonly CoverageEntry[]; readonly stats: ThreadLevelStats }
  | { readonly type: 'error'; readonly message: string; readonly parent: number };
