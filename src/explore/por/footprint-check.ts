// Tests a model's footprints against its own `next` at one state, so `--por`'s soundness is checked rather than
// assumed: every two candidates the footprints call independent must commute (same fingerprint in both orders)
// and neither may enable or disable the other; an action that joins the candidate list must be covered by a
// latent footprint and read a part the step wrote; and a step writing no part a property reads must leave it as it was.

import type { ActionBase, Model } from '../../contract/model.ts';
import type { Property } from '../../contract/property.ts';
import { StateEncoder } from '../state-encoder.ts';
import { actionKind } from '../restrict-actions.ts';
import { dependent, overlaps, PartNumbers, type FootprintBits } from './footprint-bits.ts';

export function footprintProblem<S, A extends ActionBase>(model: Model<S, A>, properties: readonly Property<S, A>[], state: S): string | null {
  const order = model.partialOrder;
  if (!order) return 'the model declares no footprints';
  const parts = new PartNumbers();
  const encoder = new StateEncoder();
  const key = (s: S): string => {
    encoder.reset();
    model.encode(s, encoder);
    return encoder.snapshot().join(',');
  };
  const actions = model.actions(state);
  const fps = actions.map((a) => parts.footprint(order.footprint(a)));
  const latent = order.latent.map((fp) => parts.footprint(fp));
  const next = actions.map((a) => model.next(state, a));
  const name = (i: number): string => model.describeAction?.(actions[i]) ?? actionKind(actions[i]);
  for (let i = 0; i < actions.length; i++) {
    const after = next[i];
    if (after === undefined) continue;
    for (let j = 0; j < actions.length; j++) {
      if (j === i || dependent(fps[i], fps[j])) continue;
      const later = model.next(after, actions[j]);
      if ((later === undefined) !== (next[j] === undefined)) return `${name(i)} ${later === undefined ? 'disables' : 'enables'} the independent ${name(j)}`;
      const other = next[j];
      if (later !== undefined && other !== undefined) {
        const back = model.next(other, actions[i]);
        if (back === undefined || key(back) !== key(later)) return `${name(i)} and ${name(j)} are declared independent but do not commute`;
      }
    }
    const before = new Set(actions.map(actionKey));
    for (const joined of model.actions(after)) {
      if (before.has(actionKey(joined))) continue;
      const fp = parts.footprint(order.footprint(joined));
      if (!latent.some((l) => covers(l, fp))) return `${name(i)} adds a candidate no latent footprint covers: ${actionKind(joined)}`;
      if (!overlaps(fps[i].writes, fp.reads)) return `${name(i)} adds ${actionKind(joined)} without writing a part it reads`;
    }
    const problem = visibilityProblem(properties, parts, fps[i], state, actions[i], after);
    if (problem) return `${name(i)}: ${problem}`;
  }
  return null;
}

function visibilityProblem<S, A extends ActionBase>(properties: readonly Property<S, A>[], parts: PartNumbers, fp: FootprintBits, before: S, action: A, after: S): string | null {
  for (const p of properties) {
    // POR is refused with liveness, so only safety properties and witnesses carry reads.
    if (p.kind === 'liveness' || !p.reads || overlaps(fp.writes, parts.bits(p.reads))) continue;
    const changed = p.kind === 'action' ? !p.check(before, action, after) : p.check(before) !== p.check(after);
    if (changed) return `writes none of the parts ${p.name} reads, yet changes its value`;
  }
  return null;
}

function actionKey(action: ActionBase): string {
  return JSON.stringify(action);
}

function covers(outer: FootprintBits, inner: FootprintBits): boolean {
  return subset(inner.reads, outer.reads) && subset(inner.writes, outer.writes);
}

function subset(x: Uint32Array, y: Uint32Array): boolean {
  for (let i = 0; i < x.length; i++) if ((x[i] & ~(y[i] ?? 0)) !== 0) return false;
  return true;
}
