// Test helper: a breadth-first sample of a model's reachable states — levels from the initial states, each state
// kept as reached (duplicates too) until `limit` are kept, each next level capped at `levelCap` — for tests that
// check codecs and properties on many reachable states without a full search.
import type { ActionBase, Model } from '../src/contract/model.ts';

export function breadthFirstSample<S, A extends ActionBase>(model: Model<S, A>, limit = 3000, levelCap = 2000): S[] {
  const states: S[] = [];
  let frontier = model.init().slice();
  while (states.length < limit && frontier.length > 0) {
    const next: S[] = [];
    for (const s of frontier) {
      states.push(s);
      for (const a of model.actions(s)) {
        const t = model.next(s, a);
        if (t !== undefined && next.length < levelCap) next.push(t);
      }
    }
    frontier = next;
  }
  return states;
}
