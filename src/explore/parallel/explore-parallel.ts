// Parallel exhaustive BFS (`--workers N`), level-synchronous: the threads (the main thread plus N-1 workers)
// claim chunks of level d's packed frontier, share one lock-free visited set, and return only new states; the
// main thread numbers them in chunk order, so counts and shortest counterexample lengths equal exploreBfs's.

import { KcheckError } from '../../errors.ts';
import { StateLog } from '../state-log.ts';
import { statusOf, type Outcome, type StopReason } from '../outcome.ts';
import { ChunkExpander } from './chunk-expander.ts';
import { Findings } from './findings.ts';
import { initialLevel } from './initial-level.ts';
import { bundleWorker } from './bundle-worker.ts';
import { buildLevel, PendingLog, statesFrom, type Level } from './level-builder.ts';
import { loadModel, type LoadedModel } from './load-model.ts';
import { coverageWarnings } from '../coverage-counter.ts';
import { mergeCoverage } from './merge-coverage.ts';
import type { ParallelOptions, WorkerModelSource } from './parallel-options.ts';
import { CLAIM, CONTROL_INTS, SLAB_ID, SPARE_CLAIM, STOP, type ChunkPart, type LevelPlan, type ThreadLevelStats } from './protocol.ts';
import { allocateLanes, helpRehash, LOAD_LIMIT, SharedFingerprintTable, startRehash } from './shared-fingerprint-table.ts';
import { SlabPool } from './slab-pool.ts';
import { WorkerPool, type PoolError } from './worker-pool.ts';
import { threadTimes, wallMs } from './thread-clock.ts';

export { canRunParallel, type ParallelOptions, type WorkerModelSource } from './parallel-options.ts';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** How often the main thread, between its chunks, turns the event loop to take in worker messages. */
const TICK_MS = 3;

export async function exploreParallel(source: WorkerModelSource, options: ParallelOptions): Promise<Outcome> {
  const started = Date.now();
  const startedWall = wallMs();
  const threads = Math.max(1, Math.floor(options.workers));
  const symmetry = options.symmetry === true;
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_INTS * 4));
  let generated = 0;
  let results: ChunkPart[][] = [];
  let [workerParts, mainParts, grows] = [0, 0, 0];
  const store = (part: ChunkPart): void => {
    results[part.chunk].push(part);
    generated += part.generated;
  };
  // The workers start first: their ~0.1 s of loading overlaps this thread's (and the first levels).
  const entry = threads > 1 && options.bundle !== false ? bundleWorker(source.moduleUrl) : Promise.resolve(null);
  const pool = new WorkerPool(threads - 1, { source, symmetry, control, parties: threads, slabInts: options.slabInts }, (part) => {
    workerParts++;
    store(part);
  }, entry);
  const refuse = async (thrown: unknown): Promise<never> => {
    await pool.terminate();
    throw thrown;
  };
  const { loaded, initial } = await prepareModel(source).catch(refuse);
  const { model } = loaded;
  // Level 0 is inserted by the main thread alone, without growth checks: size the table for it up front.
  const capacity = Math.max(options.initialTableCapacity ?? 1 << 16, Math.ceil((initial.length * 2) / LOAD_LIMIT));
  let table = new SharedFingerprintTable(allocateLanes(capacity), control, threads);
  const log = new StateLog();
  const pending = new PendingLog(log);
  const findings = new Findings(loaded, log, options.continueAfterViolation === true);
  const maxDepth = options.maxDepth ?? Infinity;
  const maxStates = options.maxStates ?? Infinity;
  const deadline = options.timeLimitMs !== undefined ? started + options.timeLimitMs : Infinity;
  const slabs = new SlabPool(control);
  const expander = new ChunkExpander(loaded, symmetry, control, threads, options.slabInts);
  expander.setTable(table.lanes);
  /** Every thread is paused at an action boundary: the paused workers and this thread move the entries together. */
  const grow = (capacity: number): void => {
    grows++;
    const from = table.lanes;
    const lanes = startRehash(control, capacity);
    pool.resume(lanes, from);
    helpRehash(control, from, lanes);
    table = new SharedFingerprintTable(lanes, control, threads);
    expander.setTable(lanes);
  };

  let depth = 0;
  let deepest = 0;
  let left = 0;
  let stoppedBy: Outcome['stoppedBy'] = null;
  let error: PoolError | null = null;
  let lastProgress = started;
  let level: Level | null = null;
  let stopRequest: StopReason | null = null;
  // Diagnostics of the level running: the main thread's own stats, its wait for the workers at the level's end,
  // and the time it spent logging the previous level's states between its chunks.
  let mainStats: ThreadLevelStats = { busyMs: 0, cpuMs: 0, queuedMs: 0, expanded: 0, chunks: 0, lagMs: 0 };
  let [growMs, mainWaitMs, drainMs] = [0, 0, 0];
  /** Polls the stop request; once there is one, every thread stops claiming chunks. */
  const stopRequested = (): boolean => {
    stopRequest ??= options.shouldStop?.() ?? null;
    if (stopRequest !== null) Atomics.store(control, STOP, 1);
    return stopRequest !== null;
  };
  const progress = (): void => {
    const now = Date.now();
    if (!options.onProgress || now - lastProgress < 1000) return;
    lastProgress = now;
    options.onProgress({ distinctStates: table.size, generatedStates: generated, depth, queue: level?.size ?? 0, elapsedMs: now - started });
  };

  /** Expands `level` on every thread; returns how many chunks were expanded (all unless a budget stopped it). */
  const runLevel = async (current: Level): Promise<number> => {
    results = Array.from({ length: current.chunkCount }, () => []);
    Atomics.store(control, CLAIM, 0);
    Atomics.store(control, SPARE_CLAIM, 0);
    const plan: LevelPlan = {
      frontier: current.frontier,
      chunks: current.chunks,
      chunkCount: current.chunkCount,
      ...findings.active(),
      maxStates: Number.isFinite(maxStates) ? maxStates : -1,
      deadline: Number.isFinite(deadline) ? deadline : -1,
      spares: slabs.spares,
    };
    expander.startLevel(plan);
    pool.beginLevel(plan, table.lanes);
    let lastTick = Date.now();
    const timesAtStart = threadTimes();
    growMs = 0;
    let busyMs = 0;
    drainMs = 0;
    try {
      for (;;) {
        const stepStarted = wallMs();
        const step = expander.step((part) => {
          mainParts++;
          store(part);
        });
        busyMs += wallMs() - stepStarted;
        if (pool.error || step === 'done') break;
        if (step === 'pause') {
          const pauseStarted = wallMs();
          await pool.until(() => pool.quiet); // every thread stopped at an action boundary: safe to rehash
          if (pool.error) break;
          grow(table.capacity * 2);
          growMs += wallMs() - pauseStarted;
          continue;
        }
        progress();
        stopRequested();
        const drainStarted = wallMs();
        pending.drain(1 << 14); // the previous level's (parent, action) log entries, off the critical path
        drainMs += wallMs() - drainStarted;
        if (Date.now() - lastTick >= TICK_MS) {
          await tick(); // lets worker messages (parts, late 'ready', 'paused') in between chunks
          lastTick = Date.now();
        }
      }
    } catch (thrown) {
      error = { message: `the model threw: ${thrown instanceof Error ? thrown.message : String(thrown)}`, parent: expander.parent };
    }
    const waitStarted = wallMs();
    while (!error && !pool.error) {
      await pool.until(() => pool.quiet);
      if (pool.error || pool.idle) break;
      grow(table.capacity * 2); // only workers are left and all of them wait for a bigger table
    }
    pool.endLevel();
    mainWaitMs = wallMs() - waitStarted;
    const times = threadTimes();
    mainStats = { busyMs, cpuMs: times.cpuMs - timesAtStart.cpuMs, queuedMs: times.queuedMs - timesAtStart.queuedMs, expanded: expander.expanded, chunks: expander.chunks, lagMs: 0 };
    error ??= pool.error;
    return Math.min(Atomics.load(control, CLAIM), current.chunkCount);
  };

  try {
    const first = initialLevel(loaded, initial, table, findings, symmetry);
    level = buildLevel([first.part], 0, threads);
    pending.add([first.part]);
    generated = first.generated;
    if (options.waitForWorkers) await pool.until(() => pool.readyCount === threads - 1); // (or a worker failed)
    for (;;) {
      left = level.size;
      if (left === 0 || findings.done() || pool.error) break;
      if (depth >= maxDepth) stoppedBy = 'max-depth';
      else if (table.size >= maxStates) stoppedBy = 'max-states';
      else if (Date.now() > deadline) stoppedBy = 'time-limit';
      else if (stopRequested()) stoppedBy = stopRequest;
      if (stoppedBy) break;
      const levelStarted = wallMs();
      const slabsBefore = Atomics.load(control, SLAB_ID);
      workerParts = mainParts = grows = 0;
      const processed = await runLevel(level);
      const levelEnded = wallMs();
      if (error) break;
      const parts = results.slice(0, processed).flat();
      pending.drain(); // this level's states are all logged now: events name them as parents
      const slabsUsed = slabs.recycle(parts);
      const next = buildLevel(parts, log.size, threads);
      pending.add(parts);
      for (const part of parts) findings.record(part.events);
      if (next.size > 0) deepest = depth + 1;
      options.onLevel?.({
        depth,
        expanded: level.size - statesFrom(level, processed),
        discovered: next.size,
        chunks: processed,
        workerParts, mainParts, grows, tableCapacity: table.capacity,
        slabs: slabsUsed, newSlabs: Atomics.load(control, SLAB_ID) - slabsBefore,
        durationMs: levelEnded - levelStarted, threads: [mainStats, ...pool.levelStats],
        mainWaitMs, drainMs, growMs, serialMs: wallMs() - levelEnded,
      });
      if (processed < level.chunkCount) {
        left = statesFrom(level, processed) + next.size;
        stoppedBy = stopRequest ?? (Date.now() > deadline ? 'time-limit' : 'max-states');
        break;
      }
      level = next;
      depth++;
      progress();
    }
    error ??= pool.error;
    pending.drain();
    if (findings.violations.length > 0 && left > 0 && stoppedBy === null && !error) stoppedBy = 'first-violation';
  } catch (thrown) {
    error ??= { message: `the model threw: ${thrown instanceof Error ? thrown.message : String(thrown)}`, parent: -1 };
  } finally {
    pending.drain();
    await pool.terminate();
  }

  const durationMs = Date.now() - started;
  options.onStartup?.(pool.startups.map((s) => ({ ...s, spawnedMs: (s.spawnedAt ?? startedWall) - startedWall })));
  const coverage = mergeCoverage(model.actionTypes ?? [], [expander.coverage.entries(), ...pool.coverage]);
  const failed = error as PoolError | null;
  const violations = findings.sortedViolations();
  const statesPerSecond = Math.round(log.size / Math.max(durationMs / 1000, 0.001));
  return {
    status: statusOf(failed !== null, violations.length, stoppedBy),
    complete: failed === null && stoppedBy === null && left === 0,
    strategy: 'bfs',
    seed: options.seed ?? 0,
    stoppedBy,
    stats: { distinctStates: log.size, generatedStates: generated, maxDepth: deepest, durationMs, statesPerSecond },
    violations,
    witnesses: findings.witnesses(),
    coverage,
    warnings: coverageWarnings(coverage),
    error: failed ? { message: failed.message, at: failed.parent >= 0 && failed.parent < log.size ? log.pathTo(failed.parent) : null } : null,
  };
}

/** The model and its initial states (refused without decode: frontier states cross threads packed). */
async function prepareModel(source: WorkerModelSource): Promise<{ loaded: LoadedModel; initial: readonly unknown[] }> {
  const loaded = await loadModel(source);
  if (!loaded.model.decode) throw new KcheckError('KC_BAD_OPTION', `model ${source.model} has no decode, so it cannot run on several threads`);
  return { loaded, initial: loaded.model.init() };
}
