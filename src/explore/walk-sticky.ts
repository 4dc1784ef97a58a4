// A second action-order strategy for swarm shards: half the time a walk repeats the candidate it took last (when it
// is still enabled), otherwise it picks uniformly. Runs of one actor's steps (a follower fetching again and again,
// a controller resending) become likely, which uniform walks reach only rarely; shards alternate strategies.

import type { ActionBase, Model } from '../contract/model.ts';
import { sampleEnabled, type Chooser } from './walk.ts';
import type { WalkRandom } from './walk-random.ts';

export function sampleSticky<S, A extends ActionBase>(model: Model<S, A>, random: WalkRandom): Chooser<S, A> {
  const uniform = sampleEnabled(model, random);
  let last = -1;
  return (state, candidates, step) => {
    if (last >= 0 && last < candidates.length && random.below(2) === 0) {
      const next = model.next(state, candidates[last]);
      if (next !== undefined) return { index: last, next };
    }
    const picked = uniform(state, candidates, step);
    last = picked ? picked.index : -1;
    return picked;
  };
}
