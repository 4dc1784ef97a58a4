// One walk through a model: from an initial state, a chooser picks one enabled action per step, the safety
// properties are checked after each step, and the walk ends at the first violation, at a deadlock, or at its
// length bound. The search, the shrinker and the step-deleting minimiser all walk through here.

import type { ActionBase, Model } from '../contract/model.ts';
import type { SafetyProperty } from '../contract/property.ts';
import type { WalkRandom } from './walk-random.ts';

export interface Broken {
  readonly property: string;
  readonly kind: 'always' | 'action';
}

export interface WalkResult {
  /** Candidate indices of the steps taken (the last one broke the property, if any did). */
  readonly path: number[];
  readonly violation: Broken | null;
}

/** Picks the next step: a candidate index and its successor, or undefined to end the walk. */
export type Chooser<S, A extends ActionBase> = (state: S, candidates: readonly A[], step: number) => { index: number; next: S } | undefined;

/** Sees every state a walk reaches (after the action that led there, if any). */
export type WalkObserver<S, A extends ActionBase> = (state: S, action: A | null, path: readonly number[]) => void;

export function runWalk<S, A extends ActionBase>(
  model: Model<S, A>,
  properties: readonly SafetyProperty<S, A>[],
  initial: S,
  choose: Chooser<S, A>,
  maxSteps: number,
  observe?: WalkObserver<S, A>,
): WalkResult {
  const path: number[] = [];
  let state = initial;
  observe?.(state, null, path);
  let broken = brokenAlways(properties, state);
  while (broken === null && path.length < maxSteps) {
    const candidates = model.actions(state);
    const picked = choose(state, candidates, path.length);
    if (picked === undefined) break;
    const action = candidates[picked.index];
    path.push(picked.index);
    for (const p of properties) {
      if (p.kind === 'action' && !p.check(state, action, picked.next)) return { path, violation: { property: p.name, kind: 'action' } };
    }
    state = picked.next;
    observe?.(state, action, path);
    broken = brokenAlways(properties, state);
  }
  return { path, violation: broken };
}

function brokenAlways<S, A extends ActionBase>(properties: readonly SafetyProperty<S, A>[], state: S): Broken | null {
  for (const p of properties) if (p.kind === 'always' && !p.check(state)) return { property: p.name, kind: 'always' };
  return null;
}

/**
 * A uniformly random enabled action, found by trying candidates in random order until one is enabled: the same
 * distribution as listing every enabled action and picking one, for a fraction of the `next` calls (a step with 40
 * candidates and 7 enabled evaluates about 6 of them instead of 40).
 */
export function sampleEnabled<S, A extends ActionBase>(model: Model<S, A>, random: WalkRandom): Chooser<S, A> {
  let order = new Int32Array(64);
  return (state, candidates) => {
    if (order.length < candidates.length) order = new Int32Array(candidates.length * 2);
    for (let i = 0; i < candidates.length; i++) order[i] = i;
    let remaining = candidates.length;
    while (remaining > 0) {
      const slot = random.below(remaining);
      const index = order[slot];
      const next = model.next(state, candidates[index]);
      if (next !== undefined) return { index, next };
      order[slot] = order[--remaining];
    }
    return undefined;
  };
}

/** Follows choices as fast-check shrinks them: step k takes enabled action number `choices[k] mod #enabled`. */
export function followChoices<S, A extends ActionBase>(model: Model<S, A>, choices: readonly number[]): Chooser<S, A> {
  return (state, candidates, step) => {
    if (step >= choices.length) return undefined;
    const enabled: { index: number; next: S }[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const next = model.next(state, candidates[i]);
      if (next !== undefined) enabled.push({ index: i, next });
    }
    return enabled.length === 0 ? undefined : enabled[choices[step] % enabled.length];
  };
}

/** Follows a path of candidate indices; ends the walk where a step is out of range or disabled. */
export function followPath<S, A extends ActionBase>(model: Model<S, A>, path: readonly number[]): Chooser<S, A> {
  return (state, candidates, step) => {
    if (step >= path.length || path[step] >= candidates.length) return undefined;
    const next = model.next(state, candidates[path[step]]);
    return next === undefined ? undefined : { index: path[step], next };
  };
}

/** The choices that make `followChoices` retrace `path` (each step's position among the enabled actions). */
export function choicesFor<S, A extends ActionBase>(model: Model<S, A>, initial: S, path: readonly number[]): number[] {
  const choices: number[] = [];
  let state = initial;
  for (const index of path) {
    const candidates = model.actions(state);
    let position = 0;
    for (let i = 0; i < index; i++) if (model.next(state, candidates[i]) !== undefined) position++;
    choices.push(position);
    state = model.next(state, candidates[index]) as S;
  }
  return choices;
}
