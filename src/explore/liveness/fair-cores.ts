// Which parts of an SCC can host a fair cycle. Weak fairness: an SCC fails if some weakly fair action instance is
// enabled in every one of its states and taken on none of its inner edges (then every cycle inside it starves
// that instance). Strong fairness: an instance enabled somewhere but never taken inside forbids the states where
// it is enabled, so those are pruned and the rest split into SCCs again (a worklist, no recursion).
// A single state with no self-loop is a candidate too: its "cycle" is stuttering, fair iff no fair action is
// enabled there — TLA+'s implicit stuttering, which a checker that ignores it gets wrong. `refused` adds, per
// state, fair instances a model bound refuses: enabled there, never taken (so a bound is no fair place to stop).

import { STRONG, UNFAIR, WEAK } from './action-instances.ts';
import { Tarjan } from './tarjan.ts';

export interface LabelledCsr {
  readonly offsets: Uint32Array;
  readonly succ: Uint32Array;
  readonly act: Uint16Array | Uint32Array;
}

/** Per state, the fair action instances a model bound alone keeps from being taken (absent: none). */
export type RefusedByBound = ReadonlyMap<number, readonly number[]>;

const NONE: RefusedByBound = new Map();

export class FairCores {
  private readonly inComp: Int32Array;
  private stamp = 0;
  private readonly instStamp: Int32Array;
  private readonly instVisit: Int32Array;
  private readonly enabledIn: Int32Array;
  private readonly taken: Uint8Array;
  private visit = 0;
  private readonly pruneMask: Uint8Array;
  private readonly tarjan: Tarjan;

  constructor(
    private readonly graph: LabelledCsr,
    size: number,
    private readonly fairness: Uint8Array,
    instanceCount: number,
    private readonly refused: RefusedByBound = NONE,
  ) {
    this.inComp = new Int32Array(size);
    this.instStamp = new Int32Array(instanceCount);
    this.instVisit = new Int32Array(instanceCount);
    this.enabledIn = new Int32Array(instanceCount);
    this.taken = new Uint8Array(instanceCount);
    this.pruneMask = new Uint8Array(size);
    this.tarjan = new Tarjan(graph, size);
  }

  /** The fair cores inside `component` (an SCC, or a single state): each is a set of states hosting a fair cycle. */
  find(component: Uint32Array): Uint32Array[] {
    const cores: Uint32Array[] = [];
    const work: Uint32Array[] = [component];
    while (work.length > 0) {
      const c = work.pop() as Uint32Array;
      const forbidden = this.check(c);
      if (forbidden === null) continue;
      if (forbidden.length === 0) {
        cores.push(c);
        continue;
      }
      const keep: number[] = [];
      for (const v of c) if (!this.enablesAny(v, forbidden)) keep.push(v);
      if (keep.length === 0) continue;
      for (const v of keep) this.pruneMask[v] = 1;
      const found: Uint32Array[] = [];
      this.tarjan.run(keep, this.pruneMask, 1, (sub) => found.push(sub));
      for (const v of keep) this.pruneMask[v] = 0;
      for (let i = found.length - 1; i >= 0; i--) work.push(found[i]);
    }
    // Cores in ascending order of their smallest state, so lassos do not depend on Tarjan's visiting order.
    return cores.map((c) => c.slice().sort()).sort((x, y) => x[0] - y[0]);
  }

  /**
   * null: no fair cycle in c (a weakly fair instance enabled throughout and never taken); []: c itself is fair;
   * otherwise the strongly fair instances enabled somewhere in c and never taken inside it.
   */
  private check(c: Uint32Array): number[] | null {
    const { offsets, succ, act } = this.graph;
    const stamp = ++this.stamp;
    for (const v of c) this.inComp[v] = stamp;
    const touched: number[] = [];
    for (const v of c) {
      const visit = ++this.visit;
      for (let pos = offsets[v]; pos < offsets[v + 1]; pos++) {
        const a = act[pos];
        if (this.fairness[a] === UNFAIR) continue;
        this.noteEnabled(a, stamp, visit, touched);
        if (this.inComp[succ[pos]] === stamp) this.taken[a] = 1;
      }
      // A fair step only a bound refuses counts as enabled and never taken (Model.boundRefusal).
      for (const a of this.refused.get(v) ?? []) this.noteEnabled(a, stamp, visit, touched);
    }
    const forbidden: number[] = [];
    for (const a of touched) {
      if (this.taken[a] === 1) continue;
      if (this.enabledIn[a] === c.length) return null;
      if (this.fairness[a] === STRONG) forbidden.push(a);
      else if (this.fairness[a] !== WEAK) throw new Error(`unknown fairness ${this.fairness[a]}`);
    }
    return forbidden;
  }

  /** Instance `a` is enabled at the state of visit `visit` in the component being checked (stamp). */
  private noteEnabled(a: number, stamp: number, visit: number, touched: number[]): void {
    if (this.instStamp[a] !== stamp) {
      this.instStamp[a] = stamp;
      this.enabledIn[a] = 0;
      this.taken[a] = 0;
      touched.push(a);
    }
    if (this.instVisit[a] !== visit) {
      this.instVisit[a] = visit;
      this.enabledIn[a]++;
    }
  }

  private enablesAny(v: number, instances: readonly number[]): boolean {
    const { offsets, act } = this.graph;
    for (let pos = offsets[v]; pos < offsets[v + 1]; pos++) if (instances.includes(act[pos])) return true;
    return (this.refused.get(v) ?? []).some((a) => instances.includes(a));
  }
}
