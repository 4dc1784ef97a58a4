// A stop request the explorers poll (ExploreOptions.shouldStop): an interrupt flag in shared memory, so a watcher
// thread can raise it while the main thread is busy searching, and a memory budget checked at most every 100 ms.
// Both end the search as it stands: what was found is still replayed and written, the outcome is incomplete.

import { constrainedMemory, memoryUsage } from 'node:process';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { StopReason } from '../explore/outcome.ts';

/** Share of V8's heap limit past which the search stops, leaving room to replay and write what was found. */
const HEAP_SHARE = 0.85;
/** Default share of the machine's (or the container's) memory for the whole process. */
const MEMORY_SHARE = 0.75;
const YOUNG_GENERATION = 48 * 2 ** 20;

export class StopRequest {
  /** [0]: non-zero once interrupted. Shared so a worker thread can set it (see interrupt.ts). */
  readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private acknowledged = false;

  /** `notice` gets one line the first time the interrupt is seen (by a poll or a signal handler). */
  constructor(private readonly notice: (line: string) => void = () => {}) {}

  acknowledge(): void {
    if (this.acknowledged) return;
    this.acknowledged = true;
    this.notice('kcheck: interrupted; stopping the search and writing what was found (interrupt again to abort)');
  }

  interrupt(): void {
    Atomics.store(this.flag, 0, 1);
  }

  get interrupted(): boolean {
    return Atomics.load(this.flag, 0) !== 0;
  }
}

/** The default --max-memory in MiB: a share of the machine's memory, or of the container's limit when lower. */
export function defaultMemoryBudgetMiB(): number {
  const limit = constrainedMemory?.() ?? 0;
  const machine = limit > 0 ? Math.min(limit, totalmem()) : totalmem();
  return Math.floor((machine * MEMORY_SHARE) / 2 ** 20);
}

/** The poll for the explorers: 'interrupt' once interrupted, 'memory' once over budget, otherwise null. */
export function stopPoll(stop: StopRequest | undefined, maxMemoryMiB: number): () => StopReason | null {
  const budget = maxMemoryMiB * 2 ** 20;
  // heap_size_limit counts the young generation too (~48 MiB with --max-old-space-size=100: limit 148 MiB).
  const heapLimit = getHeapStatistics().heap_size_limit * HEAP_SHARE - YOUNG_GENERATION;
  let nextCheck = 0;
  let over = false;
  return () => {
    if (stop?.interrupted) {
      stop.acknowledge();
      return 'interrupt';
    }
    if (over) return 'memory';
    const now = Date.now();
    if (now < nextCheck) return null;
    nextCheck = now + 100;
    over = memoryUsage.rss() > budget || getHeapStatistics().used_heap_size > heapLimit;
    return over ? 'memory' : null;
  };
}
