// Per-action-type coverage for the parallel hot loop: one increment per transition (BFS takes every enabled
// action, so `taken` equals `enabled`) and one more per new state, instead of CoverageCounter's three.

import type { CoverageEntry } from '../outcome.ts';

export class ActionTally {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  enabled = new Float64Array(16);
  fresh = new Float64Array(16);

  constructor(declared: readonly string[]) {
    for (const type of declared) this.slot(type);
  }

  slot(type: string): number {
    let i = this.index.get(type);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(type);
      this.index.set(type, i);
      if (i >= this.enabled.length) {
        const enabled = new Float64Array(this.enabled.length * 2);
        enabled.set(this.enabled);
        this.enabled = enabled;
        const fresh = new Float64Array(this.fresh.length * 2);
        fresh.set(this.fresh);
        this.fresh = fresh;
      }
    }
    return i;
  }

  entries(): CoverageEntry[] {
    return this.names.map((action, i) => ({ action, enabled: this.enabled[i], taken: this.enabled[i], newStates: this.fresh[i] }));
  }
}
