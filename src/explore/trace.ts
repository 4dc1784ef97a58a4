// Rebuilds a trace from an initial-state index and a path of action indices by replaying the model — the only
// way full states come back after the search (after stateright). A step whose action is disabled, or whose state
// the search never saw, means the model is not deterministic: that is reported as an error naming the step.

import type { ActionBase, Model } from '../contract/model.ts';
import { KcheckError } from '../errors.ts';
import type { PathRef } from './outcome.ts';

export interface Trace<S, A extends ActionBase> {
  readonly initIndex: number;
  readonly path: readonly number[];
  /** states[0] is initial; states[i + 1] = next(states[i], actions[i]). */
  readonly states: readonly S[];
  readonly actions: readonly A[];
}

export class ReplayDivergence extends Error {
  constructor(
    readonly step: number,
    message: string,
  ) {
    super(message);
    this.name = 'ReplayDivergence';
  }
}

export function replayPath<S, A extends ActionBase>(model: Model<S, A>, ref: PathRef): Trace<S, A> {
  const initial = model.init();
  if (ref.initIndex < 0 || ref.initIndex >= initial.length) {
    throw new ReplayDivergence(0, `step 0: the model has ${initial.length} initial state(s), the trace asks for #${ref.initIndex}`);
  }
  const states: S[] = [initial[ref.initIndex]];
  const actions: A[] = [];
  for (let i = 0; i < ref.path.length; i++) {
    const state = states[i];
    const candidates = model.actions(state);
    const action = candidates[ref.path[i]];
    if (action === undefined) {
      throw new ReplayDivergence(i + 1, `step ${i + 1}: action #${ref.path[i]} does not exist (the state offers ${candidates.length})`);
    }
    const next = model.next(state, action);
    if (next === undefined) {
      throw new ReplayDivergence(i + 1, `step ${i + 1}: action ${action.type} is not enabled on replay`);
    }
    actions.push(action);
    states.push(next);
  }
  return { initIndex: ref.initIndex, path: ref.path, states, actions };
}

/** Replays and turns a divergence into a KcheckError for callers that report to users. */
export function replayOrThrow<S, A extends ActionBase>(model: Model<S, A>, ref: PathRef): Trace<S, A> {
  try {
    return replayPath(model, ref);
  } catch (error) {
    if (error instanceof ReplayDivergence) throw new KcheckError('KC_BAD_TRACE', `replay diverged at ${error.message}`);
    throw error;
  }
}
