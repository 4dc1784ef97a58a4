// The sequence diagram's arrows come from comparing in-flight sets: a message appearing is a send, one gone in its
// recipient's step a delivery, one gone on a drop step (or in someone else's step) dangles; duplicates are
// matched first-sent-first-delivered; a model naming what it delivered overrides the recipient rule.
import { describe, expect, it } from 'vitest';
import type { ClusterView, StepInfo } from '../../src/contract/view.ts';
import { messageArrows } from '../../src/report/page/message-flow.ts';

const view = (...labels: [string, string, string][]): ClusterView => ({ nodes: [], inFlight: labels.map(([from, to, label]) => ({ from, to, label })) });
const step = (actor: string, extra: Partial<StepInfo> = {}): StepInfo => ({ actor, text: '', ...extra });

describe('messageArrows', () => {
  it('pairs each send with its delivery, leaves drops and the still-in-flight dangling', () => {
    const views = [view(), view(['a', 'b', 'm'], ['a', 'c', 'n']), view(['a', 'c', 'n']), view(), view(['b', 'a', 'r'])];
    const infos = [null, step('a'), step('b'), step('c', { drop: true }), step('b')];
    expect(messageArrows(views, infos)).toEqual([
      { from: 'a', to: 'b', label: 'm', sentAt: 1, deliveredAt: 2, dropped: false, droppedAt: null },
      { from: 'a', to: 'c', label: 'n', sentAt: 1, deliveredAt: null, dropped: true, droppedAt: 3 },
      { from: 'b', to: 'a', label: 'r', sentAt: 4, deliveredAt: null, dropped: false, droppedAt: null },
    ]);
  });

  it('matches duplicates in order and treats a message gone in another lane\'s step as lost', () => {
    const views = [view(['a', 'b', 'm']), view(['a', 'b', 'm'], ['a', 'b', 'm']), view(['a', 'b', 'm']), view()];
    const infos = [null, step('a'), step('b'), step('a')];
    const arrows = messageArrows(views, infos);
    expect(arrows.map((x) => [x.sentAt, x.deliveredAt, x.droppedAt])).toEqual([
      [0, 2, null],
      [1, null, 3],
    ]);
  });

  it('counts as delivered only what the step names, when it names any', () => {
    const views = [view(['a', 'b', 'm'], ['c', 'b', 'n']), view()];
    const infos = [null, step('b', { delivered: [{ from: 'c', to: 'b', label: 'n' }] })];
    const arrows = messageArrows(views, infos);
    expect(arrows.find((x) => x.label === 'n')?.deliveredAt).toBe(1);
    expect(arrows.find((x) => x.label === 'm')?.dropped).toBe(true);
  });
});
