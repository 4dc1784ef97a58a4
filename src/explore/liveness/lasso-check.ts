// Checks a lasso on the model's own states, independently of the graph that found it: the loop closes (its last
// state encodes exactly as its first), the trigger holds where the lasso says, the goal holds nowhere from the
// trigger on, and the loop itself — not its SCC — is fair. Under a LivenessQuotient "closes" means closes up to
// the transformation (both ends have one representative). run-check applies it to every liveness violation,
// and replay to every stored lasso; lassoBound says whether the loop stops only at a model bound.

import type { ActionBase, Model } from '../../contract/model.ts';
import type { LivenessProperty } from '../../contract/property.ts';
import type { LassoRef } from '../outcome.ts';
import { StateEncoder } from '../state-encoder.ts';
import type { Trace } from '../trace.ts';
import { actionKey } from './action-instances.ts';
import { representativeOf } from './liveness-model.ts';

/** Why the trace is not a counterexample lasso for the property, or null when it is one. */
export function lassoProblem<S, A extends ActionBase>(model: Model<S, A>, property: LivenessProperty<S>, trace: Trace<S, A>, lasso: LassoRef): string | null {
  const n = trace.states.length - 1;
  const { trigger, loop } = lasso;
  if (!(trigger >= 0 && trigger <= loop && loop <= n)) return `trigger ${trigger} and loop ${loop} must satisfy 0 ≤ trigger ≤ loop ≤ ${n}`;
  const representative = representativeOf(model);
  if (encoding(model, representative(trace.states[n])) !== encoding(model, representative(trace.states[loop]))) {
    return `the loop does not close: state ${n} differs from state ${loop}${model.livenessQuotient ? ' (even up to the liveness quotient)' : ''}`;
  }
  const triggered = property.trigger === null ? trigger === 0 : property.trigger(trace.states[trigger]);
  if (!triggered) return `the trigger does not hold at state ${trigger}`;
  for (let i = trigger; i <= n; i++) if (property.goal(trace.states[i])) return `the goal holds at state ${i}`;
  const fairness = model.fairness ?? {};
  // Under a quotient the fairness units are the representatives' actions, as in the graph that found the lasso:
  // a message the loop sends late and delivers early in its next round is one unit, renumbered.
  const loopStates = (loop === n ? [trace.states[n]] : trace.states.slice(loop, n)).map(representative);
  const taken = new Set(trace.actions.slice(loop, n).map((action, j) => actionKey(counterpart(model, trace.states[loop + j], action, loopStates[j]))));
  const enabledOn = new Map<string, { count: number; strong: boolean }>();
  for (const state of loopStates) {
    const here = new Map<string, boolean>();
    for (const action of model.actions(state)) {
      const f = Object.hasOwn(fairness, action.type) ? fairness[action.type] : undefined;
      if (f === undefined || model.next(state, action) === undefined) continue;
      here.set(actionKey(action), f === 'strong');
    }
    for (const [key, strong] of here) enabledOn.set(key, { count: (enabledOn.get(key)?.count ?? 0) + 1, strong });
  }
  for (const [key, { count, strong }] of enabledOn) {
    if (taken.has(key)) continue;
    if (count === loopStates.length) return `the loop is not fair: ${key} is enabled on every loop state and never taken`;
    if (strong) return `the loop is not fair: strongly fair ${key} is enabled on the loop and never taken`;
  }
  return null;
}

/** The model bound that alone refuses a fair action somewhere on the lasso's loop (Model.boundRefusal), or null. */
export function lassoBound<S, A extends ActionBase>(model: Model<S, A>, trace: Trace<S, A>, loop: number): string | null {
  if (!model.boundRefusal) return null;
  const fairness = model.fairness ?? {};
  const n = trace.states.length - 1;
  for (const state of loop === n ? [trace.states[n]] : trace.states.slice(loop, n)) {
    for (const action of model.actions(state)) {
      if (!Object.hasOwn(fairness, action.type) || model.next(state, action) !== undefined) continue;
      const bound = model.boundRefusal(state, action);
      if (bound !== null) return bound;
    }
  }
  return null;
}

/** The state's encoding as text, for comparing two states. */
export function encoding<S, A extends ActionBase>(model: Model<S, A>, state: S): string {
  const encoder = new StateEncoder();
  model.encode(state, encoder);
  return Array.from(encoder.snapshot()).join(',');
}

/** How the lasso's last state differs from its loop state when the loop closes only up to the quotient, or null. */
export function loopShift<S, A extends ActionBase>(model: Model<S, A>, trace: Trace<S, A>, loop: number): string | null {
  const quotient = model.livenessQuotient;
  const n = trace.states.length - 1;
  if (quotient === undefined || encoding(model, trace.states[n]) === encoding(model, trace.states[loop])) return null;
  return quotient.describeShift(trace.states[loop], trace.states[n]);
}

/** The action of `rep` at the index `action` has in `state`'s list (the quotient keeps indices). */
function counterpart<S, A extends ActionBase>(model: Model<S, A>, state: S, action: A, rep: S): A {
  if (rep === state) return action;
  const key = actionKey(action);
  const index = model.actions(state).findIndex((a) => actionKey(a) === key);
  return index < 0 ? action : model.actions(rep)[index];
}
