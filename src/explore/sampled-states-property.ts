// A fast-check property over a model's reachable states: random walks from every initial state (fast-check
// chooses among the enabled actions at each step) and, at every state they pass, a per-state check that names a
// problem or returns null. Soundness samplers (POR footprints, liveness quotients) assert it with fc.assert, so a
// model's claim is tested against its own `next` on states BFS would actually reach.

import fc from 'fast-check';
import type { ActionBase, Model } from '../contract/model.ts';
import { followChoices, runWalk } from './walk.ts';

/** Fails with the first problem `problemAt` names on a walk of up to `maxSteps` steps. */
export function sampledStatesProperty<S, A extends ActionBase>(model: Model<S, A>, maxSteps: number, problemAt: (state: S) => string | null) {
  return fc.property(fc.array(fc.nat({ max: 0x7fffffff }), { minLength: 1, maxLength: maxSteps }), (choices) => {
    let problem: string | null = null;
    for (const initial of model.init()) {
      runWalk(model, [], initial, followChoices(model, choices), choices.length, (state) => {
        if (problem === null) problem = problemAt(state);
      });
    }
    if (problem !== null) throw new Error(problem);
  });
}
