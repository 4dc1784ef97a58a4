// Builds a real lasso for a doomed trigger state t: a shortest stem from t through ¬Q states into a fair core,
// then an actual cycle inside that core through the fairness witnesses — for each fair action instance enabled
// in the core, an inner edge taking it or (weak fairness) a state where it is disabled — never "the whole SCC".
// The cycle is checked again on its own states and edges; an empty cycle means fair stuttering at its state.

import { STRONG, UNFAIR } from './action-instances.ts';
import type { Doom } from './doomed-states.ts';
import type { LabelledCsr, RefusedByBound } from './fair-cores.ts';

export interface Lasso {
  /** Edge positions from t to the loop's first state (the stem), then around the loop back to it. */
  readonly stem: readonly number[];
  readonly loop: readonly number[];
  /** The loop's first state (also its last). */
  readonly loopState: number;
}

export function findLasso(graph: LabelledCsr, size: number, doom: Doom, fairness: Uint8Array, t: number, refused: RefusedByBound = new Map()): Lasso {
  const { offsets, succ, act } = graph;
  const search = new PathSearch(graph, size);
  const stem = search.path(t, (v) => doom.notGoal[v] === 1, (v) => doom.coreOf[v] >= 0);
  if (stem === null) throw new Error(`internal: no fair core reachable from doomed state ${t}`);
  const entry = stem.length === 0 ? t : succ[stem[stem.length - 1]];
  const k = doom.coreOf[entry];
  const core = doom.cores[k];
  const inCore = (v: number): boolean => doom.coreOf[v] === k;
  const loop: number[] = [];
  const visited = new Set<number>([entry]);
  const takenOnTour = new Set<number>();
  let current = entry;
  const walkTo = (target: (v: number) => boolean): void => {
    const leg = search.path(current, inCore, target);
    if (leg === null) throw new Error('internal: fair core is not strongly connected');
    for (const pos of leg) step(pos);
  };
  const step = (pos: number): void => {
    loop.push(pos);
    takenOnTour.add(act[pos]);
    current = succ[pos];
    visited.add(current);
  };
  const enabledAt = (v: number, a: number): boolean => {
    for (let pos = offsets[v]; pos < offsets[v + 1]; pos++) if (act[pos] === a) return true;
    return (refused.get(v) ?? []).includes(a);
  };
  for (const a of fairInstancesIn(graph, core, fairness, refused)) {
    if (takenOnTour.has(a)) continue;
    if (fairness[a] !== STRONG && [...visited].some((v) => !enabledAt(v, a))) continue;
    // Prefer taking the instance (the story reads as Kafka acting); else go to the nearest state disabling it.
    const takes = (v: number): number => innerEdgeFrom(graph, v, inCore, a);
    if (core.some((v) => takes(v) >= 0)) {
      walkTo((v) => takes(v) >= 0);
      step(takes(current));
    } else {
      walkTo((v) => !enabledAt(v, a));
    }
  }
  if (loop.length > 0 && current !== entry) walkTo((v) => v === entry);
  const problem = loopUnfairness(graph, fairness, entry, loop, refused);
  if (problem !== null) throw new Error(`internal: constructed loop is not fair: ${problem}`);
  return { stem, loop: shortenLoop(graph, fairness, entry, loop, refused), loopState: entry };
}

/**
 * The witness tour may go round sub-cycles it does not need (greedy order); cut any sub-cycle between two visits
 * of one state while what is left stays fair, until none can go.
 */
function shortenLoop(graph: LabelledCsr, fairness: Uint8Array, start: number, initial: readonly number[], refused: RefusedByBound): number[] {
  let loop = [...initial];
  for (let changed = true; changed; ) {
    changed = false;
    // Only a state visited twice bounds a sub-cycle: collect those pairs (longest first) instead of all O(n²) spans.
    const states = [start, ...loop.map((pos) => graph.succ[pos])];
    const seenAt = new Map<number, number[]>();
    states.forEach((v, i) => seenAt.set(v, [...(seenAt.get(v) ?? []), i]));
    const spans: [number, number][] = [];
    for (const at of seenAt.values()) for (let x = 0; x < at.length; x++) for (let y = x + 1; y < at.length; y++) spans.push([at[x], at[y]]);
    spans.sort((p, q) => q[1] - q[0] - (p[1] - p[0]) || p[0] - q[0]);
    for (const [i, j] of spans) {
      const candidate = [...loop.slice(0, i), ...loop.slice(j)];
      if (loopUnfairness(graph, fairness, start, candidate, refused) === null) {
        loop = candidate;
        changed = true;
        break;
      }
    }
  }
  return loop;
}

/**
 * Why the loop (edge positions from `start` back to it; empty = stuttering at `start`) is not fair, or null.
 * `refused` instances count as enabled at their states and are never taken.
 */
export function loopUnfairness(graph: LabelledCsr, fairness: Uint8Array, start: number, loop: readonly number[], refused: RefusedByBound = new Map()): string | null {
  const { offsets, succ, act } = graph;
  const states = loop.length === 0 ? [start] : loop.map((_, i) => (i === 0 ? start : succ[loop[i - 1]]));
  if (loop.length > 0 && succ[loop[loop.length - 1]] !== start) return 'the loop does not return to its first state';
  const taken = new Set(loop.map((pos) => act[pos]));
  const enabledCount = new Map<number, number>();
  for (const v of states) {
    const here = new Set<number>();
    for (let pos = offsets[v]; pos < offsets[v + 1]; pos++) if (fairness[act[pos]] !== UNFAIR) here.add(act[pos]);
    for (const a of refused.get(v) ?? []) here.add(a);
    for (const a of here) enabledCount.set(a, (enabledCount.get(a) ?? 0) + 1);
  }
  for (const [a, count] of [...enabledCount].sort((x, y) => x[0] - y[0])) {
    if (taken.has(a)) continue;
    if (count === states.length) return `instance ${a} is enabled on every loop state and never taken`;
    if (fairness[a] === STRONG) return `strongly fair instance ${a} is enabled on the loop and never taken`;
  }
  return null;
}

function fairInstancesIn(graph: LabelledCsr, core: Uint32Array, fairness: Uint8Array, refused: RefusedByBound): number[] {
  const out = new Set<number>();
  for (const v of core) {
    for (let pos = graph.offsets[v]; pos < graph.offsets[v + 1]; pos++) if (fairness[graph.act[pos]] !== UNFAIR) out.add(graph.act[pos]);
    for (const a of refused.get(v) ?? []) out.add(a);
  }
  return [...out].sort((x, y) => x - y);
}

/** The first edge out of v taking instance a and staying in the core, or -1. */
function innerEdgeFrom(graph: LabelledCsr, v: number, inCore: (w: number) => boolean, a: number): number {
  for (let pos = graph.offsets[v]; pos < graph.offsets[v + 1]; pos++) if (graph.act[pos] === a && inCore(graph.succ[pos])) return pos;
  return -1;
}

/** Breadth-first paths over edges, restricted to allowed states; scratch arrays reused across searches. */
class PathSearch {
  private readonly seen: Int32Array;
  private readonly via: Int32Array;
  private readonly from: Int32Array;
  private stamp = 0;
  constructor(
    private readonly graph: LabelledCsr,
    size: number,
  ) {
    this.seen = new Int32Array(size);
    this.via = new Int32Array(size);
    this.from = new Int32Array(size);
  }

  /** Edge positions of a shortest path from `start` (allowed) to a state satisfying `target`, or null. */
  path(start: number, allowed: (v: number) => boolean, target: (v: number) => boolean): number[] | null {
    const { offsets, succ } = this.graph;
    const stamp = ++this.stamp;
    const queue = [start];
    this.seen[start] = stamp;
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head];
      if (target(v)) {
        const out: number[] = [];
        for (let at = v; at !== start; at = this.from[at]) out.push(this.via[at]);
        return out.reverse();
      }
      for (let pos = offsets[v]; pos < offsets[v + 1]; pos++) {
        const w = succ[pos];
        if (this.seen[w] === stamp || !allowed(w)) continue;
        this.seen[w] = stamp;
        this.via[w] = pos;
        this.from[w] = v;
        queue.push(w);
      }
    }
    return null;
  }
}
