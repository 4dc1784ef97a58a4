// Counts, per action type, how often it fired and how often that led to a new state. Every explorer takes each
// action it finds enabled (BFS expands them all; a walk learns one is enabled only by taking it), so "taken" is
// "enabled". Types are interned to small integers so hot loops increment typed arrays, which they may hold directly.

import type { CoverageEntry } from './outcome.ts';

export class CoverageCounter {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  /** Per slot: transitions taken. Replaced (not resized) when a new type needs room: reload after `slot`. */
  enabled = new Float64Array(16);
  /** Per slot: transitions that reached a state not seen before. */
  fresh = new Float64Array(16);

  /** Registers action types up front so ones that never fire are reported (with zero counts). */
  constructor(declared: readonly string[] = []) {
    for (const type of declared) this.slot(type);
  }

  slot(type: string): number {
    let i = this.index.get(type);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(type);
      this.index.set(type, i);
      if (i >= this.enabled.length) {
        this.enabled = grow(this.enabled);
        this.fresh = grow(this.fresh);
      }
    }
    return i;
  }

  count(slot: number, isNew: boolean): void {
    this.enabled[slot]++;
    if (isNew) this.fresh[slot]++;
  }

  entries(): CoverageEntry[] {
    return this.names.map((action, i) => ({ action, enabled: this.enabled[i], taken: this.enabled[i], newStates: this.fresh[i] }));
  }
}

/** One warning per action type that never fired: a sign of a bound too tight or a model bug. */
export function coverageWarnings(entries: readonly CoverageEntry[]): string[] {
  return entries.filter((e) => e.enabled === 0).map((e) => `action ${e.action} never fired`);
}

function grow(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
