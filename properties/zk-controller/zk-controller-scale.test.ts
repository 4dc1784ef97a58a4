// The zk-controller reductions never change a verdict: every preset gives the same outcome and violated
// properties with --symmetry and with --por as without; the footprints commute on sampled reachable states
// (fast-check); and the packed frontier's decode is the exact inverse of encode on every state BFS reaches.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeZkController, encodeZkController } from '../../model/zk-controller/zk-controller-codec.ts';
import { canonicalizeZkController } from '../../model/zk-controller/zk-controller-symmetry.ts';
import { checkModel } from '../../src/check/run-check.ts';
import { footprintsCommute } from '../../src/explore/por/footprint-property.ts';
import { ArrayReader, StateEncoder } from '../../src/explore/state-encoder.ts';
import { zkControllerDefinition as zk } from './zk-controller-definition.ts';
import { resolveParams } from '../../src/check/resolve-params.ts';

const small = ['no-epoch-fencing', 'no-broker-epoch-check', 'broker-restart', 'no-kip-380', 'sequential-node'];

describe('zk-controller reductions keep every verdict', () => {
  it.each(small.map((p) => [p]))('preset %s: the same verdict with --symmetry and with --por', (preset) => {
    const plain = checkModel(zk, { preset });
    const verdict = (r: typeof plain) => [r.outcome.status, r.violations.map((v) => v.record.property)];
    for (const reduced of [checkModel(zk, { preset, symmetry: true }), checkModel(zk, { preset, por: true })]) {
      expect(verdict(reduced)).toEqual(verdict(plain));
      expect(reduced.outcome.stats.distinctStates).toBeLessThanOrEqual(plain.outcome.stats.distinctStates);
    }
  });

  it('symmetry: 3 brokers without expiries 6,200 → 2,331 states; at 2 brokers none, as broker 0 starts as leader', () => {
    const sizes = (sets: string[]) => [false, true].map((symmetry) => checkModel(zk, { sets, symmetry }).outcome.stats.distinctStates);
    expect(sizes(['brokers=3', 'sessionExpiries=0'])).toEqual([6200, 2331]);
    expect(sizes(['brokers=2'])).toEqual([2445, 2445]);
  });

  it('--por finds no safe ample subset: an election step writes a controller role every property reads', () => {
    const r = checkModel(zk, { sets: ['brokers=3', 'sessionExpiries=0'], por: true });
    expect(r.outcome.stats.distinctStates).toBe(6200);
    expect(r.outcome.reduction).toMatchObject({ applied: true, reducedExpansions: 0, fullExpansions: 6200 });
  });

  it('fast-check: independent zk-controller steps commute and invisible steps leave every property as it was', () => {
    for (const preset of ['default', 'sequential-node', 'no-kip-380']) {
      const params = resolveParams(zk, { preset });
      fc.assert(footprintsCommute(zk.create(params), zk.properties(params), 16), { seed: 11, numRuns: 60 });
    }
  });
});

describe('zk-controller packed frontier', () => {
  it('decode(encode(s)) encodes the same as s, and canonicalize is idempotent, on sampled reachable states', () => {
    for (const preset of ['sequential-node', 'no-kip-380']) {
      const params = resolveParams(zk, { preset });
      const model = zk.create(params);
      const brokers = params.brokers as number;
      const code = (s: Parameters<typeof encodeZkController>[0]) => {
        const e = new StateEncoder();
        encodeZkController(s, e);
        return e.snapshot();
      };
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 14 }), (choices) => {
          let s = model.init()[0];
          for (const c of choices) {
            const next = model.actions(s).map((a) => model.next(s, a)).filter((x) => x !== undefined);
            if (next.length === 0) break;
            s = next[c % next.length];
            const packed = code(s);
            expect([...code(decodeZkController(new ArrayReader(packed, 0), brokers))]).toEqual([...packed]);
            const canonical = canonicalizeZkController(s);
            expect([...code(canonicalizeZkController(canonical))]).toEqual([...code(canonical)]);
          }
        }),
        { seed: 5, numRuns: 80 },
      );
    }
  });
});
