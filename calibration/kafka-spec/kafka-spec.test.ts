// Calibration against TLC: kcheck's BFS over the kafka-spec model must reproduce TLC's figures for
// hachikuji/kafka-specification (2 replicas, LogSize 2, MaxRecords 2, MaxLeaderEpoch 2) exactly; TLC counts
// states on a trace and its depth including the initial state, kcheck counts actions, hence the "- 1".

import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { runPreset } from '../../src/check/run-suite.ts';
import { kafkaSpecDefinition } from './kafka-spec-definition.ts';

const TLC_HOLDS = [
  { preset: 'kip-279', distinct: 9_027, tlcDepth: 18 },
  { preset: 'kip-320-first-try', distinct: 8_429, tlcDepth: 18 },
  { preset: 'kip-320', distinct: 5_973, tlcDepth: 18 },
];
const TLC_VIOLATES = [
  { preset: 'truncate-to-hw', property: 'strong-isr', tlcStates: 10 },
  { preset: 'kip-101', property: 'strong-isr', tlcStates: 12 },
];

describe('kafka-spec reproduces TLC (2 replicas, LogSize 2, MaxRecords 2, MaxLeaderEpoch 2)', () => {
  for (const { preset, distinct, tlcDepth } of TLC_HOLDS) {
    it(`${preset}: StrongIsr and WeakIsr hold over ${distinct} distinct states, TLC depth ${tlcDepth}`, () => {
      const { outcome } = checkModel(kafkaSpecDefinition, { preset });
      expect(outcome.status).toBe('ok');
      expect(outcome.complete).toBe(true);
      expect(outcome.stats.distinctStates).toBe(distinct);
      expect(outcome.stats.maxDepth).toBe(tlcDepth - 1);
      expect(outcome.witnesses.every((w) => w.found)).toBe(true);
    });
  }
  for (const { preset, property, tlcStates } of TLC_VIOLATES) {
    it(`${preset}: ${property} fails, shortest counterexample ${tlcStates} states`, () => {
      const result = checkModel(kafkaSpecDefinition, { preset, properties: [property] });
      expect(result.outcome.status).toBe('violation');
      expect(result.outcome.violations[0].path.length).toBe(tlcStates - 1);
      expect(result.violations[0].trace.states.length).toBe(tlcStates);
    });
  }
});

describe('kafka-spec beyond the TLC figures', () => {
  it('weak-isr can fail: truncating to the own HW drops a record the leader counted (9 states)', () => {
    const result = checkModel(kafkaSpecDefinition, { preset: 'truncate-to-hw', properties: ['weak-isr'] });
    expect(result.outcome.violations.map((v) => [v.property, v.path.length])).toEqual([['weak-isr', 8]]);
  });

  it('with 3 replicas KIP-279 and the KIP-320 first try lose a committed record (kafka-bugs.md #3)', () => {
    const kip279 = checkModel(kafkaSpecDefinition, { preset: 'kip-279-3-replicas', properties: ['strong-isr'] });
    expect(kip279.outcome.violations[0].path.length).toBe(10);
    // The trace ends with a follower of a stale epoch truncating below the leader's HW.
    expect(kip279.violations[0].trace.actions.at(-1)?.type).toBe('BecomeFollowerTruncateKip279');
    const firstTry = checkModel(kafkaSpecDefinition, { preset: 'kip-320-first-try-3-replicas', properties: ['strong-isr'] });
    expect(firstTry.outcome.violations[0].path.length).toBe(12);
  });

  it('every preset meets its expectation (kip-320-3-replicas: 737,794 states, depth 25)', () => {
    for (const preset of kafkaSpecDefinition.presets) {
      const result = runPreset(kafkaSpecDefinition, preset);
      expect(result.met, `${preset.name}: ${result.detail}`).toBe(true);
      if (preset.name === 'kip-320-3-replicas') expect([result.distinctStates, result.maxDepth]).toEqual([737_794, 25]);
    }
  });

  it('simulation (fixed seed) also finds the truncate-to-HW data loss', () => {
    const result = checkModel(kafkaSpecDefinition, { preset: 'truncate-to-hw', properties: ['strong-isr'], strategy: 'simulate', walks: 20_000, maxDepth: 30, seed: 1 });
    expect(result.outcome.status).toBe('violation');
    expect(result.outcome.violations[0].path.length).toBeGreaterThanOrEqual(9);
  });

  it('rejects an unknown variant, naming the param', () => {
    expect(() => checkModel(kafkaSpecDefinition, { sets: ['variant=kip-999'] })).toThrow(/variant/);
  });
});
