// What the trace page and the explorer embed per step, built once when the report is written: the step line and
// actor, every variable leaf with its previous value where it changed, and which properties hold; plus the lanes
// and message arrows of the whole trace. Shared so `kcheck explore` draws exactly what the page draws.

import type { TraceValue } from '../../contract/model.ts';
import type { ClusterView, StepInfo } from '../../contract/view.ts';
import { diffVariables, flattenValue } from '../value-diff.ts';
import { messageArrows, type Arrow } from './message-flow.ts';
import { lanesOf } from './sequence-svg.ts';

export interface PageRow {
  /** Path of the leaf, e.g. brokers[1].highWatermark. */
  readonly p: string;
  /** Its value now. */
  readonly v: string;
  /** Its value before the step, present only when the step changed it. */
  readonly b?: string;
}

export interface PageStep {
  readonly index: number;
  readonly text: string;
  readonly actor: string | null;
  readonly rows: readonly PageRow[];
  readonly holds: readonly { readonly name: string; readonly holds: boolean }[];
}

export interface StepSource {
  readonly vars: Readonly<Record<string, TraceValue>>;
  readonly view: ClusterView;
  readonly info: StepInfo | null;
  readonly holds: readonly { readonly name: string; readonly holds: boolean }[];
}

export function pageRows(before: Readonly<Record<string, TraceValue>> | null, now: Readonly<Record<string, TraceValue>>): PageRow[] {
  const leaves: { path: string; value: string }[] = [];
  for (const [name, value] of Object.entries(now)) flattenValue(value, name, leaves);
  const changed = new Map<string, string>();
  if (before !== null) for (const c of diffVariables(before, now)) changed.set(c.path, c.before);
  return leaves.map((l) => (changed.has(l.path) ? { p: l.path, v: l.value, b: changed.get(l.path) } : { p: l.path, v: l.value }));
}

export function pageSteps(steps: readonly StepSource[]): PageStep[] {
  return steps.map((s, i) => ({
    index: i,
    text: s.info?.text ?? 'initial state',
    actor: s.info?.actor ?? null,
    rows: pageRows(i === 0 ? null : steps[i - 1].vars, s.vars),
    holds: s.holds,
  }));
}

export interface TraceLayout {
  readonly lanes: readonly string[];
  readonly arrows: readonly Arrow[];
  readonly infos: readonly (StepInfo | null)[];
}

export function traceLayout(steps: readonly StepSource[]): TraceLayout {
  const infos = steps.map((s) => s.info);
  const arrows = messageArrows(steps.map((s) => s.view), infos);
  const first = steps[0]?.view;
  const lanes = lanesOf(first?.lanes ?? first?.nodes.map((n) => n.id) ?? [], infos, arrows);
  return { lanes, arrows, infos };
}

/** JSON that is safe inside a <script> element (no "</script>" or "<!--" can close it). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
