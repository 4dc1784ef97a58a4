// A lasso that stops where a model bound refuses a fair action is the end of the explored world, not a liveness
// violation: it is reported bounded (outcome incomplete), a genuine lasso elsewhere is still found first, and a
// real cycle beside a bound stays a violation. Also: a lasso's loop says whether it is a cycle or stuttering.

import { describe, expect, it } from 'vitest';
import type { Model } from '../../contract/model.ts';
import { eventually } from '../../contract/property.ts';
import { loopLine } from '../../report/text-summary.ts';
import { exploreLiveness } from './explore-liveness.ts';

type Act = { readonly type: 'Inc' | 'Spin' | 'Quit' };
const ACTS: readonly Act[] = [{ type: 'Inc' }, { type: 'Spin' }, { type: 'Quit' }];

/**
 * x counts up to `max` by a fair Inc (a bound caps it, as an epoch cap does); the goal x = 9 lies past the bound.
 * With `spin`, state 1 may also Spin between 1 and 11 for ever (fair, bound-free), never reaching the goal.
 */
function counter(max: number, opts: { readonly spin?: boolean; readonly hook?: boolean } = {}): Model<number, Act> {
  return {
    init: () => [0],
    actions: () => ACTS,
    next: (s, a) => {
      if (a.type === 'Inc') return s < 10 && s < max ? s + 1 : undefined;
      if (a.type === 'Spin' && opts.spin) return s === 1 ? 11 : s === 11 ? 1 : undefined;
      return undefined;
    },
    encode: (s, out) => out.int(s),
    variables: (s) => ({ s }),
    fairness: { Inc: 'weak', Spin: 'weak' },
    ...(opts.hook === false ? {} : { boundRefusal: (s: number, a: Act) => (a.type === 'Inc' && s === max && s < 10 ? `max=${max}` : null) }),
  };
}

const reach9 = eventually<number>('reaches-9', 'x reaches 9', (s) => s === 9);
const run = (model: Model<number, Act>) => exploreLiveness(model, { properties: [], witnesses: [] }, [reach9]);

describe('bound-caused stuttering', () => {
  it('without the hook the stop at max=3 looks like a fair stutter (the false alarm)', () => {
    const o = run(counter(3, { hook: false }));
    expect(o.status).toBe('violation');
    expect(o.violations[0].lasso?.bounded).toBeUndefined();
  });

  it('with it the same lasso is reported bounded: outcome incomplete, a warning names the bound', () => {
    const o = run(counter(3));
    expect(o.status).toBe('incomplete');
    expect(o.violations).toHaveLength(1);
    expect(o.violations[0]).toMatchObject({ property: 'reaches-9', path: [0, 0, 0], lasso: { trigger: 0, loop: 3, bounded: 'max=3' } });
    expect(o.warnings.some((w) => w.includes('reaches-9') && w.includes('max=3'))).toBe(true);
  });

  it('a real fair cycle beside the bound is still a violation (a 2-step loop, not the bound)', () => {
    const o = run(counter(3, { spin: true }));
    expect(o.status).toBe('violation');
    const v = o.violations[0];
    expect(v.lasso?.bounded).toBeUndefined();
    expect(v.lasso).toEqual({ trigger: 0, loop: 1 });
    expect(v.path.length - v.lasso!.loop).toBe(2);
  });

  it('the goal within the bound holds with no warning', () => {
    const o = run(counter(9));
    expect(o.status).toBe('ok');
    expect(o.warnings.filter((w) => w.includes('reaches-9'))).toEqual([]);
  });

  it('the loop line tells a cycle, a fair stutter and a bound apart', () => {
    expect(loopLine(2, 4, undefined, '')).toBe('↺ back to state 2: a cycle of 2 step(s), repeated forever');
    expect(loopLine(4, 4, undefined, '')).toBe('↺ stutters at state 4 forever: no fair action is enabled there');
    expect(loopLine(4, 4, 'maxEpoch=2', '')).toContain('only because maxEpoch=2 refuses a fair action — a model bound, not a liveness violation');
  });
});
