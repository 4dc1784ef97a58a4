// Symmetry reduction and the packed codec of kafka-spec: renaming replicas never changes a verdict or a
// shortest counterexample, the reduced counts are pinned, and canonicalize / decode are checked on random
// reachable states against an independent field-by-field permutation.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { ArrayReader, StateEncoder } from '../../src/explore/state-encoder.ts';
import { kafkaSpecConfig, kafkaSpecDefinition } from './kafka-spec-definition.ts';
import { isrInvariant } from './kafka-spec-rules.ts';
import { VARIANTS, type KafkaSpecState } from './kafka-spec-state.ts';
import { kafkaSpec } from './kafka-spec.ts';
import { createCanonicalize, permuteReplicas, replicaPermutations } from './kafka-spec-symmetry.ts';

const TLC = { replicas: 2, logSize: 2, maxRecords: 2, maxLeaderEpoch: 2 };

function verdict(values: Record<string, unknown>, symmetry: boolean) {
  const { outcome } = checkModel(kafkaSpecDefinition, { values, symmetry, properties: ['strong-isr', 'weak-isr'], continueAfterViolation: true });
  return { outcome, verdict: { status: outcome.status, shortest: outcome.violations.map((v) => [v.property, v.path.length]) } };
}

describe('kafka-spec symmetry never changes a verdict', () => {
  // Reduced counts with 2 replicas: (n + 1) / 2, the initial state being its own mirror image.
  const REDUCED_2: Record<string, number | null> = { 'truncate-to-hw': null, 'kip-101': null, 'kip-279': 4_514, 'kip-320-first-try': 4_215, 'kip-320': 2_987 };
  for (const variant of VARIANTS) {
    it(`${variant}, 2 replicas: same status and shortest traces with and without symmetry`, () => {
      const plain = verdict({ ...TLC, variant }, false);
      const reduced = verdict({ ...TLC, variant }, true);
      expect(reduced.verdict).toEqual(plain.verdict);
      const expected = REDUCED_2[variant];
      if (expected !== null) expect(reduced.outcome.stats.distinctStates).toBe(expected);
    });
  }
  for (const variant of ['truncate-to-hw', 'kip-101', 'kip-279', 'kip-320-first-try'] as const) {
    it(`${variant}, 3 replicas: same violations with and without symmetry`, () => {
      const plain = verdict({ ...TLC, replicas: 3, variant }, false);
      expect(plain.verdict.status).toBe('violation');
      expect(verdict({ ...TLC, replicas: 3, variant }, true).verdict).toEqual(plain.verdict);
    });
  }
  it('kip-320, 3 replicas, with symmetry: holds over 123,311 representatives (737,794 without, see kafka-spec.test.ts)', () => {
    const { outcome } = verdict({ ...TLC, replicas: 3, variant: 'kip-320' }, true);
    expect(outcome.status).toBe('ok');
    expect(outcome.complete).toBe(true);
    expect(outcome.stats.distinctStates).toBe(123_311);
  });
});

describe('kafka-spec canonicalize and codec on random reachable states', () => {
  const walkArb = fc.record({
    variant: fc.constantFrom(...VARIANTS),
    replicas: fc.constantFrom(2, 3, 4),
    maxLeaderEpoch: fc.constantFrom(2, 4),
    choices: fc.array(fc.nat(), { maxLength: 40 }),
    perm: fc.nat(),
  });

  it('canonicalize is invariant under renaming, idempotent, an image of the state, and keeps the invariants', () => {
    fc.assert(
      fc.property(walkArb, ({ variant, replicas, maxLeaderEpoch, choices, perm }) => {
        const c = kafkaSpecConfig({ variant, replicas, logSize: 3, maxRecords: 3, maxLeaderEpoch });
        const model = kafkaSpec(c);
        const canonical = createCanonicalize(c);
        const perms = replicaPermutations(replicas);
        let s: KafkaSpecState = model.init()[0];
        for (const choice of choices) {
          const enabled = model.actions(s).map((a) => model.next(s, a)).filter((n) => n !== undefined);
          if (enabled.length === 0) break;
          s = enabled[choice % enabled.length];
        }
        const renamed = permuteReplicas(c, s, perms[perm % perms.length]);
        const rep = [...canonical(s)];
        expect([...canonical(renamed)]).toEqual(rep);
        expect([...canonical(rep)]).toEqual(rep);
        expect(perms.some((p) => permuteReplicas(c, s, p).every((w, i) => w === rep[i]))).toBe(true);
        for (const strong of [true, false]) expect(isrInvariant(rep, replicas, strong)).toBe(isrInvariant(s, replicas, strong));
        const encoder = new StateEncoder();
        model.encode(s, encoder);
        expect(model.decode!(new ArrayReader(encoder.snapshot(), 0))).toEqual([...s]);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
