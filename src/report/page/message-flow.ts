// Turns the messages in flight of consecutive states into arrows for the sequence diagram: a message present after
// a step but not before was sent by it; one present before but gone after was delivered if the step was its
// recipient's, else lost (a drop, or abandoned by its sender).
// In-flight sets are multisets, so matching is by (from, to, label) in first-sent-first-delivered order.

import type { ClusterView, StepInfo } from '../../contract/view.ts';

export interface Arrow {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /** The step whose action sent it (0: already in flight initially). */
  readonly sentAt: number;
  /** The step that delivered it; null when it was dropped or is still in flight at the end. */
  readonly deliveredAt: number | null;
  readonly dropped: boolean;
  /** The drop step, when it was dropped. */
  readonly droppedAt: number | null;
}

const keyOf = (m: { from: string; to: string; label: string }): string => `${m.from}\u0000${m.to}\u0000${m.label}`;

function counts(view: ClusterView): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of view.inFlight ?? []) out.set(keyOf(m), (out.get(keyOf(m)) ?? 0) + 1);
  return out;
}

/** views[i] is the state after step i (views[0] initial); infos[i] describes step i (infos[0] unused). */
export function messageArrows(views: readonly ClusterView[], infos: readonly (StepInfo | null)[]): Arrow[] {
  const arrows: Arrow[] = [];
  const open = new Map<string, { from: string; to: string; label: string; sentAt: number; index: number }[]>();
  const push = (m: { from: string; to: string; label: string }, sentAt: number): void => {
    const k = keyOf(m);
    if (!open.has(k)) open.set(k, []);
    open.get(k)!.push({ ...m, sentAt, index: -1 });
  };
  for (const m of views[0]?.inFlight ?? []) push(m, 0);
  for (let i = 1; i < views.length; i++) {
    const before = counts(views[i - 1]);
    const after = counts(views[i]);
    const info = infos[i];
    const named = new Map<string, number>();
    for (const m of info?.delivered ?? []) named.set(keyOf(m), (named.get(keyOf(m)) ?? 0) + 1);
    for (const [k, n] of before) {
      for (let gone = n - (after.get(k) ?? 0); gone > 0; gone--) {
        const m = open.get(k)?.shift();
        // Gone without the model naming it delivered, or in a step its recipient did not take: it never arrived.
        const delivered = info?.delivered ? (named.get(k) ?? 0) > 0 : m !== undefined && info?.actor === m.to;
        if (info?.delivered && delivered) named.set(k, (named.get(k) ?? 0) - 1);
        const lost = m !== undefined && (info?.drop === true || (info !== null && info !== undefined && !delivered));
        if (m) arrows.push({ from: m.from, to: m.to, label: m.label, sentAt: m.sentAt, deliveredAt: lost ? null : i, dropped: lost, droppedAt: lost ? i : null });
      }
    }
    for (const m of views[i].inFlight ?? []) {
      const k = keyOf(m);
      if ((after.get(k) ?? 0) > (before.get(k) ?? 0)) {
        push(m, i);
        before.set(k, (before.get(k) ?? 0) + 1);
      }
    }
  }
  for (const list of open.values()) for (const m of list) arrows.push({ from: m.from, to: m.to, label: m.label, sentAt: m.sentAt, deliveredAt: null, dropped: false, droppedAt: null });
  return arrows.sort((a, b) => a.sentAt - b.sentAt || (a.deliveredAt ?? 1e9) - (b.deliveredAt ?? 1e9));
}
