// Shrinks a walk that broke a property to a short one that breaks the same property: fast-check's shrinker over the
// walk's choices (drops and lowers choices, so a step can become an earlier-listed action); a pass deleting single
// steps until every step is needed; then BFS restricted to the kinds of action the trace still uses, which finds
// the shortest trace among them (steps that only make sense together, such as restart-apply-fetch, go at once).

import fc from 'fast-check';
import type { ActionBase, Model } from '../contract/model.ts';
import type { SafetyProperty } from '../contract/property.ts';
import { exploreBfs } from './bfs.ts';
import { kindsAlong, restrictActions } from './restrict-actions.ts';
import { choicesFor, followChoices, followPath, runWalk, type Chooser, type WalkResult } from './walk.ts';

export interface ShrinkResult extends WalkResult {
  /** Walks tried while shrinking (fast-check's runs and the deletion pass). */
  readonly attempts: number;
}

/** States the restricted BFS may visit before shrinking settles for the 1-minimal trace it has. */
export const SHRINK_BFS_STATES = 300_000;

export function shrinkWalk<S, A extends ActionBase>(
  model: Model<S, A>,
  properties: readonly SafetyProperty<S, A>[],
  initial: S,
  found: WalkResult,
  seed: number,
): ShrinkResult {
  const target = found.violation?.property;
  if (target === undefined) return { ...found, attempts: 0 };
  let attempts = 0;
  const replay = (chooser: Chooser<S, A>, steps: number): WalkResult => {
    attempts++;
    return runWalk(model, properties, initial, chooser, steps);
  };
  const breaksTarget = (r: WalkResult): boolean => r.violation?.property === target;

  // fast-check replays the found walk as its first example and shrinks from there; a walk counts as failing only
  // if it breaks the same property, so the shrunk trace is still the story of the bug that was found.
  const start = choicesFor(model, initial, found.path);
  const choicesArb = fc.array(fc.nat({ max: 0x7fffffff }), { maxLength: start.length });
  const run = fc.check(
    fc.property(choicesArb, (choices) => !breaksTarget(replay(followChoices(model, choices), choices.length))),
    { seed, numRuns: 1, examples: [[start]] },
  );
  let best = found;
  if (run.failed && run.counterexample) {
    const choices = run.counterexample[0];
    const shrunk = replay(followChoices(model, choices), choices.length);
    if (breaksTarget(shrunk) && shrunk.path.length <= best.path.length) best = shrunk;
  }

  const deleteAndReplay = (path: number[]): WalkResult => replay(followPath(model, path), path.length);
  best = deleteSteps(best, deleteAndReplay, breaksTarget);

  // BFS over the kinds of action left, bounded by the current length: a shortest trace within that alphabet.
  const property = properties.filter((p) => p.name === target);
  const narrowed = restrictActions(model, initial, kindsAlong(model, initial, best.path));
  const bfs = exploreBfs(narrowed, { properties: property, witnesses: [], maxDepth: best.path.length - 1, maxStates: SHRINK_BFS_STATES });
  attempts++;
  const shortest = bfs.violations[0];
  if (shortest) {
    // Replayed with every property: BFS checked only the target, and another one might break first on this path.
    const r = replay(followPath(model, shortest.path), shortest.path.length);
    if (breaksTarget(r) && r.path.length < best.path.length) best = r;
  }
  return { ...best, attempts };
}

/**
 * Deletes one step at a time, last to first, keeping any deletion after which the target still breaks (perhaps
 * sooner: the walk stops at the first violation, so a kept deletion can shorten the path by more than one).
 */
function deleteSteps(start: WalkResult, replay: (path: number[]) => WalkResult, breaksTarget: (r: WalkResult) => boolean): WalkResult {
  let best = start;
  let path = best.path;
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = path.length - 1; i >= 0; i--) {
      const r = replay([...path.slice(0, i), ...path.slice(i + 1)]);
      if (breaksTarget(r)) {
        best = r;
        path = r.path;
        changed = true;
        i = Math.min(i, path.length);
      }
    }
  }
  return best;
}
