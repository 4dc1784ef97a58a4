// Sums per-action-type coverage from every thread (each counts the transitions it expanded), keeping the model's
// declared action types first and in order, as the single-threaded explorer reports them.

import type { CoverageEntry } from '../outcome.ts';

export function mergeCoverage(declared: readonly string[], sources: readonly (readonly CoverageEntry[])[]): CoverageEntry[] {
  const order: string[] = [...declared];
  const sums = new Map<string, { enabled: number; taken: number; newStates: number }>();
  for (const name of declared) sums.set(name, { enabled: 0, taken: 0, newStates: 0 });
  for (const entries of sources) {
    for (const entry of entries) {
      let sum = sums.get(entry.action);
      if (!sum) {
        sum = { enabled: 0, taken: 0, newStates: 0 };
        sums.set(entry.action, sum);
        order.push(entry.action);
      }
      sum.enabled += entry.enabled;
      sum.taken += entry.taken;
      sum.newStates += entry.newStates;
    }
  }
  return order.map((action) => ({ action, ...sums.get(action)! }));
}
