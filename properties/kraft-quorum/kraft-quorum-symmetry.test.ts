// kraft-quorum voter symmetry never changes a verdict: every safety preset gives the same outcome, violated
// properties and shortest lengths with --symmetry as without; renaming voters commutes with `next` on sampled
// reachable states, and the representative is the same for every renaming of a state. Reduced counts pinned.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renameKraftAction, renameKraftState } from '../../model/kraft-quorum/kraft-quorum-rename.ts';
import type { KraftQuorumState } from '../../model/kraft-quorum/kraft-quorum-state.ts';
import { checkModel } from '../../src/check/run-check.ts';
import { resolveParams } from '../../src/check/resolve-params.ts';
import { StateEncoder } from '../../src/explore/state-encoder.ts';
import { kraftEnv, kraftQuorumConfig } from '../../model/kraft-quorum/kraft-quorum-model.ts';
import { kraftQuorumDefinition as kq } from './kraft-quorum-definition.ts';

/** Liveness scenarios name a voter (and liveness refuses --symmetry); every other preset is checked. */
const LIVENESS = ['split-vote', 'rejoining-voter', 'rejoining-voter-pre-vote'];
const SAFETY = kq.presets.map((p) => p.name).filter((name) => !LIVENESS.includes(name) && name !== 'default' && name !== 'pre-vote');

describe('kraft-quorum voter symmetry keeps every verdict', () => {
  const verdict = (r: ReturnType<typeof checkModel>) => ({
    status: r.outcome.status,
    violations: r.violations.map((v) => `${v.record.property}:${v.record.path.length}`),
    witnesses: r.outcome.witnesses.map((w) => `${w.name}:${w.found}`),
  });

  it.each(SAFETY.map((p) => [p]))('preset %s: the same verdict and lengths with --symmetry, fewer states', (preset) => {
    const plain = checkModel(kq, { preset });
    const reduced = checkModel(kq, { preset, symmetry: true });
    expect(verdict(reduced)).toEqual(verdict(plain));
    expect(reduced.outcome.stats.distinctStates).toBeLessThan(plain.outcome.stats.distinctStates);
  }, 60_000);

  it('default 221,493 → 37,003 states and pre-vote 125,020 → 20,867, both still holding (3 voters: at most 6×)', () => {
    for (const [preset, states] of [['default', 37_003], ['pre-vote', 20_867]] as const) {
      const r = checkModel(kq, { preset, symmetry: true });
      expect(r.outcome.status).toBe('ok');
      expect(r.outcome.complete).toBe(true);
      expect(r.outcome.witnesses.every((w) => w.found)).toBe(true);
      expect(r.outcome.stats.distinctStates).toBe(states);
    }
  }, 120_000);

  it('is not offered when a liveness scenario names a voter, and liveness refuses --symmetry', () => {
    for (const set of ['electionTimers=first', 'lostContact=last']) {
      expect(kq.create(resolveParams(kq, { sets: [set] })).canonicalize).toBeUndefined();
    }
    expect(kq.create(resolveParams(kq, {})).canonicalize).toBeTypeOf('function');
    expect(() => checkModel(kq, { preset: 'split-vote', properties: ['leader-eventually-elected'], symmetry: true })).toThrow(/--symmetry/);
  });
});

describe('kraft-quorum renaming', () => {
  const code = (s: KraftQuorumState | undefined): string => {
    if (s === undefined) return 'disabled';
    const e = new StateEncoder();
    kq.create(resolveParams(kq, {})).encode(s, e);
    return e.snapshot().join(',');
  };

  it.each([['default'], ['pre-vote'], ['rejoin-with-empty-disk'], ['restart-as-candidate'], ['lossy-network']])(
    '%s: next commutes with renaming voters, and every renaming has the same representative',
    (preset) => {
      const params = resolveParams(kq, { preset });
      const model = kq.create(params);
      const contexts = kraftEnv(kraftQuorumConfig(params)).contexts;
      const n = params.voters as number;
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 24 }), fc.array(fc.nat(), { minLength: n, maxLength: n }), (choices, keys) => {
          // A random permutation: voter i goes to the rank of keys[i].
          const order = keys.map((k, i) => [k, i]).sort((x, y) => x[0] - y[0] || x[1] - y[1]).map(([, i]) => i);
          const to: number[] = new Array(n);
          order.forEach((old, fresh) => (to[old] = fresh));
          let s = model.init()[0];
          for (const c of choices) {
            const image = renameKraftState(s, to, contexts);
            expect(code(model.canonicalize!(image))).toBe(code(model.canonicalize!(s)));
            const actions = model.actions(s);
            for (const a of actions) {
              const after = model.next(s, a);
              const renamedAfter = after === undefined ? undefined : renameKraftState(after, to, contexts);
              expect(code(model.next(image, renameKraftAction(a, to)))).toBe(code(renamedAfter));
            }
            const next = actions.map((a) => model.next(s, a)).filter((x) => x !== undefined);
            if (next.length === 0) break;
            s = next[c % next.length];
          }
        }),
        { seed: 12, numRuns: 25 },
      );
    },
    60_000,
  );
});
