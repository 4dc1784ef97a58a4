// What the parallel explorer is given: where a worker thread can import the model from (closures cannot cross
// threads, so each worker rebuilds the model from its registry module), and the usual budgets. `canRunParallel`
// says whether a model qualifies: frontier states travel between threads as packed ints, so it needs `decode`.

import type { ActionBase, Model } from '../../contract/model.ts';
import type { ParamValues } from '../../contract/params.ts';
import type { ExploreOptions } from '../explore-options.ts';
import type { ThreadLevelStats, WorkerStartup } from './protocol.ts';

export interface WorkerModelSource {
  /** URL of a module exporting a Registry, e.g. `new URL('../wiring/registry.ts', import.meta.url).href`. */
  readonly moduleUrl: string;
  /** Name of that export (a `Registry` from src/cli/registry.ts). */
  readonly exportName: string;
  /** Model name in the registry. */
  readonly model: string;
  /** Fully resolved params (defaults ← preset ← config ← --set). */
  readonly params: ParamValues;
  /** Selected property and witness names; empty = all. */
  readonly properties: readonly string[];
}

/** The single-threaded explorer's budgets and switches; the properties travel by name in the WorkerModelSource. */
export interface ParallelOptions extends Omit<ExploreOptions<unknown, ActionBase>, 'properties' | 'witnesses'> {
  /** Threads expanding states, counting the main thread: `workers - 1` worker threads are started. */
  readonly workers: number;
  /** Checked between levels and before each chunk; a level may overshoot by a few chunks. */
  readonly maxStates?: number;
  /** Initial capacity of the shared visited set (slots); tests force a tiny one to exercise growth. */
  readonly initialTableCapacity?: number;
  /** Ints per slab the threads write new states into (default SLAB_INTS); tests force a tiny one. */
  readonly slabInts?: number;
  /**
   * Start the search only once every worker has loaded the model. By default the main thread starts alone and
   * workers join the level in progress when ready (a worker needs ~0.5 s to register tsx and import the model).
   */
  readonly waitForWorkers?: boolean;
  /**
   * Start workers from a plain-JS bundle of the registry module (esbuild; default true) rather than registering
   * tsx in each worker. Falls back to tsx by itself when esbuild is missing or the bundle cannot be built.
   */
  readonly bundle?: boolean;
  /** Called after each level (diagnostics: where time goes, whether workers took part). */
  readonly onLevel?: (level: LevelReport) => void;
  /** Called once at the end with each worker's start (ms after the search started: spawned, model loaded, ready). */
  readonly onStartup?: (startups: readonly (WorkerStartup & { readonly spawnedMs: number })[]) => void;
}

export interface LevelReport {
  /** Depth of the expanded states (0 = initial states). */
  readonly depth: number;
  readonly expanded: number;
  readonly discovered: number;
  readonly chunks: number;
  /** Parts (chunks, or pieces of chunks cut by a growth) that worker threads sent; the rest were the main thread's. */
  readonly workerParts: number;
  readonly mainParts: number;
  /** Table growths while the level ran (each with every thread paused at an action boundary). */
  readonly grows: number;
  readonly tableCapacity: number;
  /** Slabs holding the states the level found, and how many of them were allocated (not recycled; see SLAB_INTS). */
  readonly slabs: number;
  readonly newSlabs: number;
  /** Wall ms from handing the level out to every thread having finished it. */
  readonly durationMs: number;
  /** Per thread, the main thread first, then each worker that took part in the level. */
  readonly threads: readonly ThreadLevelStats[];
  /** Wall ms the main thread waited for workers after it found no chunk left (the level's barrier). */
  readonly mainWaitMs: number;
  /** Wall ms from the main thread needing a bigger table to every thread having resumed with it (rehash included). */
  readonly growMs: number;
  /** Wall ms the main thread logged the previous level's states between its chunks (not expanding). */
  readonly drainMs: number;
  /** Wall ms after the level, before the next starts: building the next level, logging, findings (one thread). */
  readonly serialMs: number;
}

/** True when the parallel explorer can run this model with this many workers; otherwise use exploreBfs. */
export function canRunParallel<S, A extends ActionBase>(model: Model<S, A>, workers = 2): boolean {
  return typeof model.decode === 'function' && workers > 1;
}
