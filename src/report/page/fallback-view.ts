// The picture and step line of a model that offers no `view` / `describeStep`: each top-level variable that is a
// list or record becomes a node (one per element or key) with its leaves as facts, scalars become notes, and the
// actor is read off the action's first id-like field ("rm 2"). Plain, but every model gets a page and explorer.

import type { ActionBase, TraceValue } from '../../contract/model.ts';
import type { ClusterView, NodeView, StepInfo } from '../../contract/view.ts';
import { flattenValue, renderValue } from '../value-diff.ts';

function facts(value: TraceValue, path: string): [string, string][] {
  const leaves: { path: string; value: string }[] = [];
  flattenValue(value, path, leaves);
  return leaves.map((l) => [l.path.replace(/^\./, ''), l.value]);
}

function node(id: string, value: TraceValue): NodeView {
  return { id, badges: [], facts: facts(value, '') };
}

export function fallbackView(vars: Readonly<Record<string, TraceValue>>): ClusterView {
  const nodes: NodeView[] = [];
  const notes: [string, string][] = [];
  const isObject = (v: TraceValue): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const [name, value] of Object.entries(vars)) {
    if (Array.isArray(value) && value.length > 0 && value.every(isObject)) value.forEach((v, i) => nodes.push(node(`${name} ${i}`, v)));
    else if (isObject(value) && Object.values(value as object).length > 0 && Object.values(value as object).every(isObject)) {
      for (const [k, v] of Object.entries(value as Record<string, TraceValue>)) nodes.push(node(`${name} ${k}`, v));
    } else if (isObject(value)) nodes.push(node(name, value));
    else notes.push([name, renderValue(value)]);
  }
  // The nodes are the model's variables, not its actors: the sequence diagram gets one lane per actor instead.
  return { nodes, notes, lanes: [] };
}

const ACTOR_KEYS = ['broker', 'voter', 'controller', 'node', 'rm', 'replica', 'server', 'client'];

/** The lane a generic step happens on: the action's first id-like field, else the model itself. */
export function fallbackActor(action: ActionBase): string {
  const record = action as unknown as Record<string, unknown>;
  for (const key of ACTOR_KEYS) if (typeof record[key] === 'number') return `${key} ${record[key]}`;
  for (const [key, value] of Object.entries(record)) if (key !== 'type' && typeof value === 'number') return `${key} ${value}`;
  return 'system';
}

export function fallbackStep(action: ActionBase, text: string): StepInfo {
  return { actor: fallbackActor(action), text };
}
