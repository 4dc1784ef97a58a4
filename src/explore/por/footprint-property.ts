// A fast-check property over a model's reachable states: random walks (fast-check chooses among the enabled
// actions at each step) and, at every state they pass, `footprintProblem`. Model tests assert it with fc.assert,
// so declared independence is sampled against the model's own `next` on states BFS would actually reach.

import fc from 'fast-check';
import type { ActionBase, Model } from '../../contract/model.ts';
import type { Property } from '../../contract/property.ts';
import { followChoices, runWalk } from '../walk.ts';
import { footprintProblem } from './footprint-check.ts';

export function footprintsCommute<S, A extends ActionBase>(model: Model<S, A>, properties: readonly Property<S, A>[], maxSteps: number) {
  return fc.property(fc.array(fc.nat({ max: 0x7fffffff }), { minLength: 1, maxLength: maxSteps }), (choices) => {
    const problems: string[] = [];
    for (const initial of model.init()) {
      runWalk(model, [], initial, followChoices(model, choices), choices.length, (state) => {
        if (problems.length === 0) {
          const problem = footprintProblem(model, properties, state);
          if (problem) problems.push(problem);
        }
      });
    }
    if (problems.length > 0) throw new Error(problems[0]);
  });
}
