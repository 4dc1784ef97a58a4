// Chooses an ample (stubborn) set for one state: starting from one enabled action, close under "an enabled member
// pulls in every candidate or latent footprint dependent on it; a disabled member pulls in everything that could
// enable it (writes a part it reads)". That closure is persistent (C1): no path outside it can reach an action
// that interferes with it. A closure holding a visible action (one writing a part a checked property reads) is
// rejected (C2); the smallest acceptable one wins. The BFS explorer applies the cycle proviso (C3).

import type { ActionBase, PartialOrder } from '../../contract/model.ts';
import { dependent, overlaps, PartNumbers, type FootprintBits } from './footprint-bits.ts';

export class AmpleSets<A extends ActionBase> {
  private readonly parts = new PartNumbers();
  private readonly cache = new WeakMap<A, FootprintBits>();
  private readonly latent: FootprintBits[];
  private readonly visible: Uint32Array;
  private nodes: FootprintBits[] = [];
  private marks = new Int32Array(64);
  private generation = 0;
  private stack: number[] = [];
  private readonly best: number[] = [];
  private lastActions: readonly A[] | null = null;

  constructor(
    private readonly order: PartialOrder<A>,
    observed: readonly string[],
  ) {
    this.visible = this.parts.bits(observed);
    this.latent = order.latent.map((fp) => this.parts.footprint(fp));
  }

  private bits(action: A): FootprintBits {
    let fp = this.cache.get(action);
    if (fp === undefined) {
      fp = this.parts.footprint(this.order.footprint(action));
      this.cache.set(action, fp);
    }
    return fp;
  }

  /**
   * Indices of the enabled candidates to expand, or null when only the full set is safe (or nothing is gained).
   * `enabled[i]` says whether candidate i has a successor.
   */
  choose(actions: readonly A[], enabled: readonly boolean[], enabledCount: number): readonly number[] | null {
    if (enabledCount <= 1) return null;
    const n = actions.length;
    const total = n + this.latent.length;
    if (this.nodes.length < total) {
      this.nodes = new Array<FootprintBits>(total);
      this.lastActions = null;
    }
    if (this.marks.length < total) this.marks = new Int32Array(total * 2);
    if (actions !== this.lastActions) {
      // Models that return one shared candidate array pay for the lookups once, not per state.
      this.lastActions = actions;
      for (let i = 0; i < n; i++) this.nodes[i] = this.bits(actions[i]);
      for (let j = 0; j < this.latent.length; j++) this.nodes[n + j] = this.latent[j];
    }
    // Only an invisible enabled action can seed an acceptable closure.
    let invisible = 0;
    for (let i = 0; i < n; i++) if (enabled[i] && !overlaps(this.nodes[i].writes, this.visible)) invisible++;
    if (invisible === 0) return null;
    let bestCount = enabledCount;
    for (let seed = 0; seed < n && bestCount > 1; seed++) {
      if (!enabled[seed] || overlaps(this.nodes[seed].writes, this.visible)) continue;
      const count = this.close(seed, n, total, enabled, bestCount);
      if (count > 0 && count < bestCount) {
        bestCount = count;
        this.best.length = 0;
        for (let i = 0; i < n; i++) if (enabled[i] && this.marks[i] === this.generation) this.best.push(i);
      }
    }
    return bestCount < enabledCount ? this.best : null;
  }

  /** Closes {seed}; returns its number of enabled members, or 0 if it is visible or not smaller than `limit`. */
  private close(seed: number, n: number, total: number, enabled: readonly boolean[], limit: number): number {
    const gen = ++this.generation;
    const marks = this.marks;
    const nodes = this.nodes;
    const stack = this.stack;
    stack.length = 0;
    stack.push(seed);
    marks[seed] = gen;
    let count = 0;
    while (stack.length > 0) {
      const x = stack.pop() as number;
      const fx = nodes[x];
      if (x < n && enabled[x]) {
        if (overlaps(fx.writes, this.visible)) return 0;
        if (++count >= limit) return 0;
        for (let y = 0; y < total; y++) {
          if (marks[y] !== gen && dependent(fx, nodes[y])) {
            marks[y] = gen;
            stack.push(y);
          }
        }
      } else {
        for (let y = 0; y < total; y++) {
          if (marks[y] !== gen && overlaps(nodes[y].writes, fx.reads)) {
            marks[y] = gen;
            stack.push(y);
          }
        }
      }
    }
    return count;
  }
}
