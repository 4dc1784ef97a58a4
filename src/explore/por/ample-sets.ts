// Chooses an ample (stubborn) set for one state: from one enabled action, close under "an enabled member pulls in
// every dependent candidate or latent footprint; a disabled one, everything that could enable it" (persistent, C1);
// reject closures holding a visible action (C2), keep the smallest; the BFS applies the cycle proviso (C3). The
// choice depends only on the candidates and which are enabled, so it is remembered per such set (models repeat few).

import type { ActionBase, PartialOrder } from '../../contract/model.ts';
import { dependent, overlaps, PartNumbers, type FootprintBits } from './footprint-bits.ts';

export class AmpleSets<A extends ActionBase> {
  private readonly parts = new PartNumbers();
  /** Each distinct action (by value) gets a number; footprints are kept by number. */
  private readonly idOf = new WeakMap<A, number>();
  private readonly idByValue = new Map<string, number>();
  private readonly footprints: FootprintBits[] = [];
  private ids = new Int32Array(64);
  private readonly latent: FootprintBits[];
  private readonly visible: Uint32Array;
  private nodes: FootprintBits[] = [];
  private marks = new Int32Array(64);
  private generation = 0;
  private stack: number[] = [];
  private readonly best: number[] = [];
  private lastActions: readonly A[] | null = null;
  /** Choices already made, by candidates and enabled flags (see choiceKey). */
  private readonly memo = new Map<string, readonly number[] | null>();

  constructor(
    private readonly order: PartialOrder<A>,
    observed: readonly string[],
  ) {
    this.visible = this.parts.bits(observed);
    this.latent = order.latent.map((fp) => this.parts.footprint(fp));
  }

  /** The action's number; models that build fresh candidate objects per state pay one JSON key per object. */
  private id(action: A): number {
    let id = this.idOf.get(action);
    if (id === undefined) {
      const value = JSON.stringify(action);
      id = this.idByValue.get(value);
      if (id === undefined) {
        id = this.footprints.length;
        this.footprints.push(this.parts.footprint(this.order.footprint(action)));
        this.idByValue.set(value, id);
      }
      this.idOf.set(action, id);
    }
    return id;
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
    if (this.ids.length < n) this.ids = new Int32Array(n * 2);
    const shared = actions === this.lastActions;
    if (!shared) {
      // Models that return one shared candidate array pay for the lookups once, not per state.
      this.lastActions = actions;
      for (let i = 0; i < n; i++) {
        this.ids[i] = this.id(actions[i]);
        this.nodes[i] = this.footprints[this.ids[i]];
      }
      for (let j = 0; j < this.latent.length; j++) this.nodes[n + j] = this.latent[j];
    }
    // One UTF-16 unit per candidate holds its number and flag while there are fewer than 2^15 distinct actions.
    if (this.footprints.length >= 1 << 15) return this.search(n, total, enabled, enabledCount);
    const key = choiceKey(this.ids, enabled, n);
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const chosen = this.search(n, total, enabled, enabledCount);
    // Bounded, so a model whose candidate arrays are rebuilt per state cannot grow it without limit.
    if (this.memo.size < 1 << 16) this.memo.set(key, chosen === null ? null : chosen.slice());
    return chosen;
  }

  private search(n: number, total: number, enabled: readonly boolean[], enabledCount: number): readonly number[] | null {
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

/** The candidates (by number) and their enabled flags as a string key: one character per candidate. */
function choiceKey(ids: Int32Array, enabled: readonly boolean[], n: number): string {
  let key = '';
  for (let i = 0; i < n; i++) key += String.fromCharCode(ids[i] * 2 + (enabled[i] ? 1 : 0));
  return key;
}
