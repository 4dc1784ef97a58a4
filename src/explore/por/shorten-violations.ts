// Under --por, BFS no longer guarantees shortest counterexamples: an ample set may defer the action a shortest
// trace starts with. Each violation is followed by a plain BFS restricted to the kinds of action its trace uses
// (as simulation's shrinker does), which returns the shortest trace over that alphabet when one is shorter.

import type { ActionBase, Model } from '../../contract/model.ts';
import type { SafetyProperty } from '../../contract/property.ts';
import { exploreBfs } from '../bfs.ts';
import type { Outcome, ViolationRecord } from '../outcome.ts';
import { kindsAlong, restrictActions } from '../restrict-actions.ts';
import { SHRINK_BFS_STATES } from '../shrink-walk.ts';

export function shortenViolations<S, A extends ActionBase>(model: Model<S, A>, properties: readonly SafetyProperty<S, A>[], outcome: Outcome): Outcome {
  if (outcome.violations.length === 0 || !outcome.reduction?.applied) return outcome;
  const initial = model.init();
  const violations = outcome.violations.map((record): ViolationRecord => {
    const start = initial[record.initIndex];
    const property = properties.filter((p) => p.name === record.property);
    if (record.path.length === 0 || property.length === 0) return record;
    const narrowed = restrictActions(model, start, kindsAlong(model, start, record.path));
    const bfs = exploreBfs(narrowed, { properties: property, witnesses: [], maxDepth: record.path.length - 1, maxStates: SHRINK_BFS_STATES });
    const shorter = bfs.violations[0];
    return shorter && shorter.path.length < record.path.length ? { ...record, path: shorter.path } : record;
  });
  return { ...outcome, violations: violations.sort((x, y) => x.path.length - y.path.length) };
}
