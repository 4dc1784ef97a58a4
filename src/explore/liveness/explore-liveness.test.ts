// The liveness explorer on hand-built graphs, including the classic false-ok traps: implicit stuttering, fairness
// judged on the whole SCC instead of the loop, and a "loop" that is not a cycle; plus strong vs weak fairness.

import { describe, expect, it } from 'vitest';
import type { Model } from '../../contract/model.ts';
import { alwaysEventually, eventually, leadsTo, type LivenessProperty } from '../../contract/property.ts';
import { replayPath } from '../trace.ts';
import { exploreLiveness } from './explore-liveness.ts';
import { lassoProblem } from './lasso-check.ts';

type Act = { readonly type: string; readonly from: readonly number[]; readonly to: number };

/** A model whose states are numbers and whose actions are the listed edges [from (one or several), type, to]. */
function graphModel(edges: readonly [number | number[], string, number][], fairness?: Record<string, 'weak' | 'strong'>): Model<number, Act> {
  const acts = edges.map(([from, type, to]) => ({ type, from: typeof from === 'number' ? [from] : from, to }));
  return {
    init: () => [0],
    actions: () => acts,
    next: (s, a) => (a.from.includes(s) ? a.to : undefined),
    encode: (s, out) => out.int(s),
    variables: (s) => ({ s }),
    ...(fairness ? { fairness } : {}),
  };
}

function check(model: Model<number, Act>, property: LivenessProperty<number>) {
  const outcome = exploreLiveness(model, { properties: [], witnesses: [] }, [property]);
  const v = outcome.violations[0];
  if (!v) return { outcome, states: null, loop: null, problem: null };
  const trace = replayPath(model, v);
  return { outcome, states: trace.states, loop: v.lasso?.loop ?? null, problem: lassoProblem(model, property, trace, v.lasso!) };
}

const reach3 = eventually<number>('reaches-3', 'x reaches 3', (s) => s === 3);
const counter: [number, string, number][] = [
  [0, 'Inc', 1],
  [1, 'Inc', 2],
  [2, 'Inc', 3],
];

describe('liveness explorer', () => {
  it('implicit stuttering: without fairness the counter may stop at 0 forever', () => {
    const r = check(graphModel(counter), reach3);
    expect(r.outcome.status).toBe('violation');
    expect(r.states).toEqual([0]);
    expect(r.loop).toBe(0);
    expect(r.problem).toBeNull();
    expect(r.outcome.warnings).toContain('the model declares no fairness: every behaviour may stop (stutter) anywhere');
  });

  it('weak fairness on Inc makes it hold; the graph reports its edges', () => {
    const r = check(graphModel(counter, { Inc: 'weak' }), reach3);
    expect(r.outcome.status).toBe('ok');
    expect(r.outcome.graph).toEqual({ edges: 3, bytesPerEdge: 6, graphBytes: expect.any(Number) });
  });

  it('a ¬Q deadlock is a violation even with fairness (nothing is enabled, stuttering is fair)', () => {
    const r = check(graphModel([[0, 'Inc', 1], [0, 'Jump', 5]], { Inc: 'weak', Jump: 'weak' }), eventually('reaches-1', '', (s) => s === 1));
    expect(r.states).toEqual([0, 5]);
    expect(r.loop).toBe(1);
    expect(r.problem).toBeNull();
  });

  it('fairness is judged on the loop, not on the SCC: the lasso goes through the state where X is disabled', () => {
    // SCC {0,1,2}: X (one action, to the goal 9) is enabled at 0 and 1 and disabled at 2. The cycle 0→1→0 starves
    // X; 0→2→0 is fair.
    const edges: [number | number[], string, number][] = [[0, 'Move', 1], [1, 'Move', 0], [0, 'Move', 2], [2, 'Move', 0], [[0, 1], 'X', 9]];
    const model = graphModel(edges, { Move: 'weak', X: 'weak' });
    const prop = eventually<number>('reaches-9', '', (s) => s === 9);
    const r = check(model, prop);
    expect(r.states).toEqual([0, 2, 0]);
    expect(r.loop).toBe(0);
    expect(r.problem).toBeNull();
    // The unfair cycle through 1, as a checker that accepted "the SCC is fair" might print it, is rejected.
    const unfair = replayPath(model, { initIndex: 0, path: [0, 1] });
    expect(lassoProblem(model, prop, unfair, { trigger: 0, loop: 0 })).toMatch(/enabled on every loop state and never taken/);
  });

  it('a loop that is not a cycle is rejected', () => {
    const model = graphModel(counter);
    const trace = replayPath(model, { initIndex: 0, path: [0, 1] });
    expect(lassoProblem(model, reach3, trace, { trigger: 0, loop: 0 })).toMatch(/does not close/);
  });

  it('weak fairness allows a cycle that disables X now and then; strong fairness does not', () => {
    const edges: [number, string, number][] = [[0, 'Toggle', 1], [1, 'Toggle', 0], [0, 'Finish', 9]];
    const prop = eventually<number>('finishes', '', (s) => s === 9);
    const weak = check(graphModel(edges, { Toggle: 'weak', Finish: 'weak' }), prop);
    expect(weak.states).toEqual([0, 1, 0]);
    expect(weak.problem).toBeNull();
    expect(check(graphModel(edges, { Toggle: 'weak', Finish: 'strong' }), prop).outcome.status).toBe('ok');
    // Strong fairness prunes 0; the rest, {1}, may stutter when Toggle is not fair.
    const pruned = check(graphModel(edges, { Finish: 'strong' }), prop);
    expect(pruned.states).toEqual([0, 1]);
    expect(pruned.loop).toBe(1);
  });

  it('leadsTo starts at the trigger; alwaysEventually needs the goal again and again', () => {
    // 0 → 1 → 2 → 3 → 2 …: the goal "s = 1" is seen once, then never again.
    const edges: [number, string, number][] = [[0, 'Step', 1], [1, 'Step', 2], [2, 'Step', 3], [3, 'Step', 2]];
    const model = graphModel(edges, { Step: 'weak' });
    expect(check(model, eventually('sees-1', '', (s) => s === 1)).outcome.status).toBe('ok');
    const again = check(model, alwaysEventually('sees-1-often', '', (s) => s === 1));
    expect(again.states).toEqual([0, 1, 2, 3, 2]);
    expect(again.outcome.violations[0].lasso).toEqual({ trigger: 2, loop: 2 });
    expect(check(model, leadsTo('2-leads-to-3', '', (s) => s === 2, (s) => s === 3)).outcome.status).toBe('ok');
    const r = check(model, leadsTo('3-leads-to-1', '', (s) => s === 3, (s) => s === 1));
    expect(r.outcome.violations[0].lasso).toEqual({ trigger: 3, loop: 3 });
    expect(r.states).toEqual([0, 1, 2, 3, 2, 3]);
  });

  it('Tarjan is iterative: a 200,000-state fair ring is one SCC and its lasso the whole ring', () => {
    const n = 200_000;
    const ring: Model<number, Act> = {
      init: () => [0],
      actions: () => [{ type: 'Tick', from: [], to: 0 }],
      next: (s) => (s + 1) % n,
      encode: (s, out) => out.int(s),
      variables: (s) => ({ s }),
      fairness: { Tick: 'weak' },
    };
    const never = alwaysEventually<number>('sees-minus-1', '', (s) => s === -1);
    const outcome = exploreLiveness(ring, { properties: [], witnesses: [] }, [never]);
    // Every state is ¬goal and the ring is fair: the lasso is the whole ring, a real cycle of n steps.
    expect(outcome.violations[0].lasso).toEqual({ trigger: 0, loop: 0 });
    expect(outcome.violations[0].path.length).toBe(n);
    expect(outcome.graph?.edges).toBe(n);
  });

  it('a stop request (Ctrl-C, the memory budget) ends the graph search as it stands, like the safety BFS', () => {
    const ring: Model<number, Act> = {
      init: () => [0],
      actions: () => [{ type: 'Tick', from: [], to: 0 }],
      next: (s) => (s + 1) % 1000,
      encode: (s, out) => out.int(s),
      variables: (s) => ({ s }),
      fairness: { Tick: 'weak' },
    };
    const never = alwaysEventually<number>('sees-minus-1', '', (s) => s === -1);
    const outcome = exploreLiveness(ring, { properties: [], witnesses: [], shouldStop: () => 'interrupt' }, [never]);
    expect(outcome).toMatchObject({ status: 'incomplete', stoppedBy: 'interrupt', violations: [] });
  });

  it('a budget stop proves nothing', () => {
    const outcome = exploreLiveness(graphModel(counter, { Inc: 'weak' }), { properties: [], witnesses: [], maxStates: 2 }, [reach3]);
    expect(outcome.status).toBe('incomplete');
  });
});
