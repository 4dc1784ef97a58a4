// Soundness of a LivenessQuotient, sampled rather than assumed: on a state s and its representative r, the i-th
// actions have one type, are enabled alike (so fairness reads alike) and lead to one class, and every liveness
// property's trigger and goal read alike; r is its own representative. quotientIsBisimulation runs it over random
// walks (fast-check picks the enabled action at each step) for model tests to fc.assert.

import type { ActionBase, Model } from '../../contract/model.ts';
import type { LivenessProperty } from '../../contract/property.ts';
import { sampledStatesProperty } from '../sampled-states-property.ts';
import { encoding } from './lasso-check.ts';
import { representativeOf } from './liveness-model.ts';

/** Why the quotient is not a bisimulation at `state`, or null when every check passes there. */
export function quotientProblem<S, A extends ActionBase>(model: Model<S, A>, liveness: readonly LivenessProperty<S>[], state: S): string | null {
  const representative = representativeOf(model);
  const key = (s: S) => encoding(model, representative(s));
  const rep = representative(state);
  if (encoding(model, representative(rep)) !== encoding(model, rep)) return 'the representative is not its own representative';
  for (const p of liveness) {
    if (p.trigger !== null && p.trigger(state) !== p.trigger(rep)) return `${p.name}: its trigger reads differently on the state and its representative`;
    if (p.goal(state) !== p.goal(rep)) return `${p.name}: its goal reads differently on the state and its representative`;
  }
  const mine = model.actions(state);
  const theirs = model.actions(rep);
  if (mine.length !== theirs.length) return `${mine.length} candidate actions, ${theirs.length} on the representative`;
  for (let i = 0; i < mine.length; i++) {
    const a = mine[i];
    if (a.type !== theirs[i].type) return `action ${i} is ${a.type}, ${theirs[i].type} on the representative`;
    const x = model.next(state, a);
    const y = model.next(rep, theirs[i]);
    if ((x === undefined) !== (y === undefined)) return `action ${i} (${a.type}) is enabled on only one of the state and its representative`;
    if (x !== undefined && y !== undefined && key(x) !== key(y)) return `action ${i} (${a.type}) leads to different classes from the state and its representative`;
    if (x === undefined && model.boundRefusal && (model.boundRefusal(state, a) === null) !== (model.boundRefusal(rep, theirs[i]) === null)) {
      return `action ${i} (${a.type}) is refused by a bound on only one of the state and its representative`;
    }
  }
  return null;
}

export function quotientIsBisimulation<S, A extends ActionBase>(model: Model<S, A>, liveness: readonly LivenessProperty<S>[], maxSteps: number) {
  return sampledStatesProperty(model, maxSteps, (state) => quotientProblem(model, liveness, state));
}
