// zk-controller broker symmetry is exact: every renaming of a reachable state has the same representative (so
// distinct-state counts do not depend on which member of an orbit the search meets first), and the reduced
// counts of the 4-broker runs are pinned.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeZkController } from '../../model/zk-controller/zk-controller-codec.ts';
import { canonicalizeZkController, renamed } from '../../model/zk-controller/zk-controller-symmetry.ts';
import type { ZkControllerState } from '../../model/zk-controller/zk-controller-state.ts';
import { checkModel } from '../../src/check/run-check.ts';
import { resolveParams } from '../../src/check/resolve-params.ts';
import { StateEncoder } from '../../src/explore/state-encoder.ts';
import { zkControllerDefinition as zk } from './zk-controller-definition.ts';

const code = (s: ZkControllerState): string => {
  const e = new StateEncoder();
  encodeZkController(s, e);
  return e.snapshot().join(',');
};

describe('zk-controller symmetry', () => {
  it.each([['default'], ['sequential-node'], ['no-kip-380']])('%s at 4 brokers: every renaming of a state has one representative', (preset) => {
    const params = resolveParams(zk, { preset, sets: ['brokers=4'] });
    const model = zk.create(params);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 16 }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (choices, keys) => {
        const order = keys.map((k, i) => [k, i]).sort((x, y) => x[0] - y[0] || x[1] - y[1]).map(([, i]) => i);
        const to: number[] = new Array(4);
        order.forEach((old, fresh) => (to[old] = fresh));
        let s = model.init()[0];
        for (const c of choices) {
          expect(code(canonicalizeZkController(renamed(s, to)))).toBe(code(canonicalizeZkController(s)));
          const next = model.actions(s).map((a) => model.next(s, a)).filter((x) => x !== undefined);
          if (next.length === 0) break;
          s = next[c % next.length];
        }
      }),
      { seed: 3, numRuns: 40 },
    );
  });

  it('4 brokers without expiries: 95,888 → 10,646 states, the same verdict', () => {
    const runs = [false, true].map((symmetry) => checkModel(zk, { sets: ['brokers=4', 'sessionExpiries=0'], symmetry }));
    expect(runs.map((r) => r.outcome.stats.distinctStates)).toEqual([95_888, 10_646]);
    expect(runs.map((r) => r.outcome.status)).toEqual(['ok', 'ok']);
  }, 120_000);
});
