// A fast-check property over a model's reachable states: random walks (fast-check chooses among the enabled
// actions at each step) and, at every state they pass, `footprintProblem`. Model tests assert it with fc.assert,
// so declared independence is sampled against the model's own `next` on states BFS would actually reach.

import type { ActionBase, Model } from '../../contract/model.ts';
import type { Property } from '../../contract/property.ts';
import { sampledStatesProperty } from '../sampled-states-property.ts';
import { footprintProblem } from './footprint-check.ts';

export function footprintsCommute<S, A extends ActionBase>(model: Model<S, A>, properties: readonly Property<S, A>[], maxSteps: number) {
  return sampledStatesProperty(model, maxSteps, (state) => footprintProblem(model, properties, state));
}
