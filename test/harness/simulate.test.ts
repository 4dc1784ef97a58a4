// Random simulation on a toy model whose bug needs a precise mix of steps: walks are uniform over the enabled
// actions and reproducible per seed, the shrinker ends at a shortest trace, and budgets, errors and witnesses behave.
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/contract/model.ts';
import { always, sometimes } from '../../src/contract/property.ts';
import { actionKind, restrictActions } from '../../src/explore/restrict-actions.ts';
import { shrinkWalk } from '../../src/explore/shrink-walk.ts';
import { simulate } from '../../src/explore/simulate.ts';
import { followPath, runWalk, sampleEnabled } from '../../src/explore/walk.ts';
import { WalkRandom } from '../../src/explore/walk-random.ts';

interface Counters {
  readonly x: number;
  readonly y: number;
}
type Step = { readonly type: 'IncX' } | { readonly type: 'IncY' } | { readonly type: 'Reset' } | { readonly type: 'Noop'; readonly tag: number };

const STEPS: readonly Step[] = [{ type: 'IncX' }, { type: 'IncY' }, { type: 'Reset' }, { type: 'Noop', tag: 1 }, { type: 'Noop', tag: 2 }];

/** x and y count to 6; Reset zeroes both; the "bug" is x = 3 and y = 2 at once (shortest: 5 steps). */
const counters: Model<Counters, Step> = {
  init: () => [{ x: 0, y: 0 }],
  actions: () => STEPS,
  next: (s, a) => {
    switch (a.type) {
      case 'IncX':
        return s.x < 6 ? { x: s.x + 1, y: s.y } : undefined;
      case 'IncY':
        return s.y < 6 ? { x: s.x, y: s.y + 1 } : undefined;
      case 'Reset':
        return s.x + s.y > 0 ? { x: 0, y: 0 } : undefined;
      case 'Noop':
        return s;
    }
  },
  encode: (s, out) => {
    out.int(s.x);
    out.int(s.y);
  },
  variables: (s) => ({ x: s.x, y: s.y }),
  actionTypes: ['IncX', 'IncY', 'Reset', 'Noop'],
};
const bug = always<Counters>('not-three-two', 'x = 3 and y = 2 never hold together', (s) => !(s.x === 3 && s.y === 2));
const options = { properties: [bug], witnesses: [sometimes<Counters>('x-reaches-4', 'x is 4', (s) => s.x === 4)], walks: 2000, maxDepth: 40 };

describe('simulate', () => {
  it('is reproducible: the same seed gives the same walks, violation and shrunk trace', () => {
    const strip = (o: ReturnType<typeof simulate>) => JSON.stringify({ ...o, stats: { ...o.stats, durationMs: 0, statesPerSecond: 0 } });
    expect(strip(simulate(counters, { ...options, seed: 5 }))).toBe(strip(simulate(counters, { ...options, seed: 5 })));
    // Another seed takes other walks (here: a different set of states over 20 walks without properties).
    const walked = (seed: number) => simulate(counters, { ...options, properties: [], walks: 20, seed }).coverage.map((c) => c.taken);
    expect(walked(5)).toEqual(walked(5));
    expect(walked(5)).not.toEqual(walked(6));
  });

  it('finds the bug and shrinks it to a shortest trace (3 × IncX, 2 × IncY) that replays', () => {
    for (const seed of [1, 2, 3]) {
      const outcome = simulate(counters, { ...options, seed });
      expect(outcome.status).toBe('violation');
      expect(outcome.stoppedBy).toBe('first-violation');
      const path = outcome.violations[0].path;
      expect(path).toHaveLength(5);
      expect(path.filter((i) => i === 0)).toHaveLength(3);
      const replayed = runWalk(counters, [bug], { x: 0, y: 0 }, followPath(counters, path), path.length);
      expect(replayed.violation?.property).toBe('not-three-two');
      expect(outcome.simulation?.foundLength).toBeGreaterThanOrEqual(5);
    }
  });

  it('records each witness with a path that reaches it', () => {
    const outcome = simulate(counters, { ...options, properties: [], seed: 1, walks: 50 });
    const witness = outcome.witnesses[0];
    expect(witness.found).toBe(true);
    const end = witness.at!.path.reduce((s, i) => counters.next(s, STEPS[i])!, { x: 0, y: 0 } as Counters);
    expect(end.x).toBe(4);
    expect(outcome.status).toBe('ok');
    expect(outcome.simulation).toEqual({ walks: 50, foundInWalk: null, foundLength: null, shrinkAttempts: 0 });
  });

  it('stops at the time limit as incomplete, and reports a model that throws as an error', () => {
    const late = simulate(counters, { ...options, properties: [], seed: 1, timeLimitMs: -1 });
    expect(late.status).toBe('incomplete');
    expect(late.stoppedBy).toBe('time-limit');
    const throwing: Model<Counters, Step> = { ...counters, next: (s, a) => (s.x === 2 ? ((): never => { throw new Error('boom'); })() : counters.next(s, a)) };
    const broken = simulate(throwing, { ...options, seed: 1 });
    expect(broken.status).toBe('error');
    expect(broken.error?.message).toBe('the model threw: boom');
  });
});

describe('walk pieces', () => {
  it('sampleEnabled picks uniformly among enabled actions and never a disabled one', () => {
    const random = new WalkRandom(9, 0);
    const choose = sampleEnabled(counters, random);
    const tally = [0, 0, 0, 0, 0];
    const start = { x: 6, y: 0 }; // IncX disabled; IncY, Reset and the two Noops enabled
    for (let i = 0; i < 40_000; i++) tally[choose(start, STEPS, 0)!.index]++;
    expect(tally[0]).toBe(0);
    for (const n of tally.slice(1)) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });

  it('WalkRandom streams depend only on (seed, walk) and stay in range', () => {
    const draw = (seed: number, walk: number) => Array.from({ length: 5 }, ((r) => () => r.below(7))(new WalkRandom(seed, walk)));
    expect(draw(3, 10)).toEqual(draw(3, 10));
    expect(draw(3, 10)).not.toEqual(draw(3, 11));
    expect(draw(3, 10).every((v) => v >= 0 && v < 7)).toBe(true);
  });

  it('shrinkWalk deletes needless steps, including ones that only matter together', () => {
    // IncX IncY Noop Reset IncX IncX IncX Noop IncY IncY: breaks at the last step; Reset cancels the first two.
    const found = runWalk(counters, [bug], { x: 0, y: 0 }, followPath(counters, [0, 1, 3, 2, 0, 0, 0, 4, 1, 1]), 10);
    expect(found.violation?.property).toBe('not-three-two');
    const shrunk = shrinkWalk(counters, [bug], { x: 0, y: 0 }, found, 1);
    expect(shrunk.path).toHaveLength(5);
    expect(shrunk.violation?.property).toBe('not-three-two');
  });

  it('restrictActions keeps candidate indices but enables only the given kinds', () => {
    expect(STEPS.map(actionKind)).toEqual(['IncX', 'IncY', 'Reset', 'Noop tag=1', 'Noop tag=2']);
    const narrowed = restrictActions(counters, { x: 1, y: 1 }, new Set(['IncY', 'Noop tag=2']));
    const s = narrowed.init()[0];
    expect(narrowed.actions(s)).toBe(STEPS);
    expect(STEPS.map((a) => narrowed.next(s, a) !== undefined)).toEqual([false, true, false, false, true]);
  });
});
