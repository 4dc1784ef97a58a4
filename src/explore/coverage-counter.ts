// Counts, per action type, how often it was enabled, taken and led to a new state. Action types are interned
// to small integers on first sight so the hot loop increments typed arrays instead of looking up objects.

import type { CoverageEntry } from './outcome.ts';

export class CoverageCounter {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private enabled = new Float64Array(16);
  private taken = new Float64Array(16);
  private fresh = new Float64Array(16);

  /** Registers action types up front so ones that never fire are reported (with zero counts). */
  declare(types: readonly string[]): void {
    for (const type of types) this.slot(type);
  }

  slot(type: string): number {
    let i = this.index.get(type);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(type);
      this.index.set(type, i);
      if (i >= this.enabled.length) {
        this.enabled = grow(this.enabled);
        this.taken = grow(this.taken);
        this.fresh = grow(this.fresh);
      }
    }
    return i;
  }

  count(slot: number, taken: boolean, isNew: boolean): void {
    this.enabled[slot]++;
    if (taken) this.taken[slot]++;
    if (isNew) this.fresh[slot]++;
  }

  /** A walk took this action (counted separately from `count`, which records it as enabled). */
  countTaken(slot: number): void {
    this.taken[slot]++;
  }

  entries(): CoverageEntry[] {
    return this.names.map((action, i) => ({
      action,
      enabled: this.enabled[i],
      taken: this.taken[i],
      newStates: this.fresh[i],
    }));
  }

  /** One warning per action type that never fired: a sign of a bound too tight or a model bug. */
  warnings(): string[] {
    return this.names.filter((_, i) => this.enabled[i] === 0).map((name) => `action ${name} never fired`);
  }
}

function grow(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
