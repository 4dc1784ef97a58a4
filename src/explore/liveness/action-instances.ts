// Interns action instances (each distinct action value) to small integers, the unit fairness is stated for
// (TLA+'s `\A i : WF(A(i))`). Ids follow first discovery in BFS order, so they are deterministic. Models that
// return one shared action array are looked up by object identity first and stringified only once.

import type { ActionBase } from '../../contract/model.ts';

export const UNFAIR = 0;
export const WEAK = 1;
export const STRONG = 2;

export class ActionInstances<A extends ActionBase> {
  private readonly byKey = new Map<string, number>();
  private readonly byObject = new WeakMap<object, number>();
  readonly actions: A[] = [];
  /** Per instance: UNFAIR, WEAK or STRONG. */
  fairness = new Uint8Array(256);

  constructor(private readonly declared: Readonly<Record<string, 'weak' | 'strong'>>) {}

  get size(): number {
    return this.actions.length;
  }

  id(action: A): number {
    const known = this.byObject.get(action);
    if (known !== undefined) return known;
    const key = actionKey(action);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.actions.length;
      this.actions.push(action);
      this.byKey.set(key, id);
      if (id >= this.fairness.length) {
        const bigger = new Uint8Array(this.fairness.length * 2);
        bigger.set(this.fairness);
        this.fairness = bigger;
      }
      const f = Object.hasOwn(this.declared, action.type) ? this.declared[action.type] : undefined;
      this.fairness[id] = f === 'strong' ? STRONG : f === 'weak' ? WEAK : UNFAIR;
    }
    this.byObject.set(action, id);
    return id;
  }

  /** Whether any declared type is fair at all (if none, every behaviour may stutter anywhere). */
  get anyFair(): boolean {
    return Object.keys(this.declared).length > 0;
  }
}

/**
 * The identity of an action instance: its plain data with keys in sorted order (a decoded state may build the
 * same message with its fields in another order, and JSON.stringify follows insertion order).
 */
export function actionKey(action: ActionBase): string {
  return canonical(action);
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonical(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) out += `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:${canonical(record[keys[i]])}`;
  return `${out}}`;
}
