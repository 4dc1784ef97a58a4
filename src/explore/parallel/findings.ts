// The coordinator's record of what the threads reported: the first violation per property and the first state
// per witness, each as a path rebuilt from the StateLog. Levels are processed in order, so every finding is at
// the shallowest depth where it occurs: the same counterexample length as the single-threaded explorer.

import type { ViolationRecord, WitnessRecord, PathRef } from '../outcome.ts';
import type { StateLog } from '../state-log.ts';
import type { LoadedModel } from './load-model.ts';
import { EVENT_ACTION, EVENT_ALWAYS, EVENT_INTS } from './protocol.ts';

export class Findings {
  readonly violations: ViolationRecord[] = [];
  private readonly violated = new Set<string>();
  private readonly witnessFound: (WitnessRecord | null)[];

  constructor(
    private readonly loaded: LoadedModel,
    private readonly log: StateLog,
    private readonly keepGoing: boolean,
  ) {
    this.witnessFound = loaded.witnesses.map(() => null);
  }

  /** Events [kind, property, parent, action]...; parent -1 means initial state number `action`. */
  record(events: Int32Array): void {
    for (let at = 0; at < events.length; at += EVENT_INTS) this.event(events[at], events[at + 1], events[at + 2], events[at + 3]);
  }

  event(kind: number, property: number, parent: number, action: number): void {
    if (kind === EVENT_ALWAYS || kind === EVENT_ACTION) {
      const name = kind === EVENT_ALWAYS ? this.loaded.invariants[property].name : this.loaded.actionProperties[property].name;
      if (this.violated.has(name)) return;
      this.violated.add(name);
      this.violations.push({ property: name, kind: kind === EVENT_ALWAYS ? 'always' : 'action', ...this.pathTo(parent, action) });
    } else if (this.witnessFound[property] === null) {
      const at = this.pathTo(parent, action);
      this.witnessFound[property] = { name: this.loaded.witnesses[property].name, found: true, depth: at.path.length, at };
    }
  }

  /** Same rule as exploreBfs: stop at the first violation, or with `--continue` once every property failed. */
  done(): boolean {
    const safety = this.loaded.invariants.length + this.loaded.actionProperties.length;
    // No safety property selected (only witnesses): nothing ends the search early.
    return safety > 0 && (this.keepGoing ? this.violated.size === safety : this.violations.length > 0);
  }

  /** Indices still worth checking in the next level. */
  active(): { invariants: number[]; actionProperties: number[]; witnesses: number[] } {
    const open = (list: readonly { name: string }[]) => list.flatMap((p, i) => (this.violated.has(p.name) ? [] : [i]));
    return {
      invariants: open(this.loaded.invariants),
      actionProperties: open(this.loaded.actionProperties),
      witnesses: this.witnessFound.flatMap((w, i) => (w === null ? [i] : [])),
    };
  }

  witnesses(): WitnessRecord[] {
    return this.loaded.witnesses.map((w, i) => this.witnessFound[i] ?? { name: w.name, found: false, depth: null, at: null });
  }

  sortedViolations(): ViolationRecord[] {
    return [...this.violations].sort((x, y) => x.path.length - y.path.length);
  }

  private pathTo(parent: number, action: number): PathRef {
    if (parent < 0) return { initIndex: action, path: [] };
    const at = this.log.pathTo(parent);
    return { initIndex: at.initIndex, path: [...at.path, action] };
  }
}
