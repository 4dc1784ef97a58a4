// A model narrowed to some kinds of action (a kind is an action's type and its primitive fields, `Crash broker=1`):
// the same candidates in the same order, so action indices mean the same steps, but only the allowed kinds are
// ever enabled. Shrinking runs BFS on it over the kinds a failing walk used, to find a shortest trace among them.

import type { ActionBase, Model } from '../contract/model.ts';

/**
 * An action's kind: its type and its primitive fields, in key order; nested data (message contents, records) is
 * left out, so one kind covers "every step of this sort by this actor".
 */
export function actionKind(action: ActionBase): string {
  let kind = action.type;
  for (const key of Object.keys(action).sort()) {
    if (key === 'type') continue;
    const value = (action as unknown as Record<string, unknown>)[key];
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') kind += ` ${key}=${String(value)}`;
  }
  return kind;
}

/** `model` started from `initial` alone, with only actions of the given kinds enabled. */
export function restrictActions<S, A extends ActionBase>(model: Model<S, A>, initial: S, kinds: ReadonlySet<string>): Model<S, A> {
  // Models that build their candidate list once hand back the same objects every time: remember their kinds.
  const known = new WeakMap<A, boolean>();
  const allowed = (action: A): boolean => {
    let ok = known.get(action);
    if (ok === undefined) {
      ok = kinds.has(actionKind(action));
      known.set(action, ok);
    }
    return ok;
  };
  const decode = model.decode;
  return {
    init: () => [initial],
    actions: (state) => model.actions(state),
    next: (state, action) => (allowed(action) ? model.next(state, action) : undefined),
    encode: (state, out) => model.encode(state, out),
    decode: decode ? (input) => decode.call(model, input) : undefined,
    variables: (state) => model.variables(state),
    actionTypes: model.actionTypes,
  };
}

/** The kinds of the actions a path takes from `initial`. */
export function kindsAlong<S, A extends ActionBase>(model: Model<S, A>, initial: S, path: readonly number[]): Set<string> {
  const kinds = new Set<string>();
  let state = initial;
  for (const index of path) {
    const action = model.actions(state)[index];
    kinds.add(actionKind(action));
    state = model.next(state, action) as S;
  }
  return kinds;
}
