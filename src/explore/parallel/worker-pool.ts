// The main thread's side of the worker threads: starts them (from a plain-JS bundle, or registering tsx themselves),
// hands each level to every worker that is ready (late starters join the level in progress), collects parts, and
// tracks who is busy, paused for a table growth, or idle so the coordinator knows when it may grow or finish.

import { Worker } from 'node:worker_threads';
import type { CoverageEntry } from '../outcome.ts';
import type { ChunkPart, FromWorker, LevelPlan, ThreadLevelStats, ToWorker, WorkerInit, WorkerStartup } from './protocol.ts';
import { wallMs } from './thread-clock.ts';

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  /** Was sent the current level and has not reported idle yet. */
  inLevel: boolean;
  paused: boolean;
  coverage: readonly CoverageEntry[];
  readonly spawnedAt: number;
  /** What it reported for the current level (null: not in this level, or not finished). */
  stats: ThreadLevelStats | null;
}

export interface PoolError {
  readonly message: string;
  /** Global id of the state being expanded when the model threw, or -1. */
  readonly parent: number;
}

export class WorkerPool {
  error: PoolError | null = null;
  private readonly slots: Slot[] = [];
  private level: { plan: LevelPlan; lanes: Int32Array } | null = null;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];
  private closing = false;
  /** How each worker's start went, in the order they became ready (diagnostics). */
  readonly startups: WorkerStartup[] = [];

  /** Starts `count` workers once `entry` (the bundle's file URL, or null for the tsx bootstrap) is known. */
  constructor(
    count: number,
    init: Omit<WorkerInit, 'spawnedAt'>,
    private readonly onPart: (part: ChunkPart) => void,
    entry: Promise<URL | null>,
  ) {
    if (count === 0) return;
    void entry.then((bundle) => {
      if (this.closing) return;
      const url = bundle ?? new URL('./worker-entry.mjs', import.meta.url);
      for (let i = 0; i < count; i++) this.spawn(url, init);
    });
  }

  private spawn(url: URL, base: Omit<WorkerInit, 'spawnedAt'>): void {
    const init: WorkerInit = { ...base, spawnedAt: wallMs() };
    // execArgv []: no inherited `--import tsx` (the bootstrap registers tsx itself; a bundle needs no loader).
    const slot: Slot = { worker: new Worker(url, { workerData: init, execArgv: [] }), ready: false, inLevel: false, paused: false, coverage: [], stats: null, spawnedAt: init.spawnedAt };
    slot.worker.on('message', (message: FromWorker) => this.receive(slot, message));
    slot.worker.on('error', (error) => this.fail({ message: `worker failed: ${error.message}`, parent: -1 }));
    slot.worker.on('exit', (code) => {
      if (!this.closing) this.fail({ message: `worker exited unexpectedly (code ${code})`, parent: -1 });
    });
    this.slots.push(slot);
  }

  /** Workers that have the current level and are neither paused nor idle keep `quiet` false. */
  get quiet(): boolean {
    return this.slots.every((s) => !s.inLevel || s.paused);
  }

  get idle(): boolean {
    return this.slots.every((s) => !s.inLevel);
  }

  get readyCount(): number {
    return this.slots.filter((s) => s.ready).length;
  }

  get coverage(): (readonly CoverageEntry[])[] {
    return this.slots.map((s) => s.coverage);
  }

  /** The current level's stats of every worker that finished it. */
  get levelStats(): ThreadLevelStats[] {
    return this.slots.flatMap((s) => (s.stats ? [s.stats] : []));
  }

  beginLevel(plan: LevelPlan, lanes: Int32Array): void {
    this.level = { plan, lanes };
    for (const slot of this.slots) slot.stats = null;
    for (const slot of this.slots) if (slot.ready) this.join(slot);
  }

  endLevel(): void {
    this.level = null;
  }

  /** A growth: every paused worker helps move `from` into `lanes`, then continues (later joiners get it too). */
  resume(lanes: Int32Array, from: Int32Array): void {
    if (this.level) this.level.lanes = lanes;
    for (const slot of this.slots) {
      if (!slot.paused) continue;
      slot.paused = false;
      this.post(slot, { type: 'resume', table: lanes, from });
    }
  }

  /** Resolves once `check()` holds (re-evaluated on every worker message) or a worker failed. */
  until(check: () => boolean): Promise<void> {
    if (this.error || check()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ check, resolve }));
  }

  async terminate(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private join(slot: Slot): void {
    slot.inLevel = true;
    slot.paused = false;
    this.post(slot, { type: 'level', plan: this.level!.plan, table: this.level!.lanes, postedAt: wallMs() });
  }

  private post(slot: Slot, message: ToWorker): void {
    slot.worker.postMessage(message);
  }

  private receive(slot: Slot, message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        slot.ready = true;
        this.startups.push({ ...message.startup, spawnedAt: slot.spawnedAt });
        if (this.level) this.join(slot);
        break;
      case 'part':
        this.onPart(message.part);
        break;
      case 'paused':
        slot.paused = true;
        break;
      case 'idle':
        slot.inLevel = false;
        slot.coverage = message.coverage;
        slot.stats = message.stats;
        break;
      case 'error':
        this.fail({ message: message.message, parent: message.parent });
        break;
    }
    this.changed();
  }

  private fail(error: PoolError): void {
    if (!this.error) this.error = error;
    this.changed();
  }

  private changed(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) {
      if (this.error || w.check()) w.resolve();
      else this.waiters.push(w);
    }
  }
}
