// kcheck's liveness verdict on a published TLA+ spec, against TLC's published one: tlaplus/Examples records for
// DiningPhilosophers.cfg (NP = 5, NobodyStarves under WF per philosopher) "success" with 67 distinct states and
// depth 29 (TLC counts states on the longest path, kcheck steps: 28). TLC itself cannot be run here (no
// tla2tools.jar from the reachable registries), so the published manifest is the reference.
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { runPreset } from '../../src/check/run-suite.ts';
import { diningPhilosophersDefinition as dining } from './dining-philosophers-definition.ts';

const EVERYONE = [1, 2, 3, 4, 5].map((p) => `philosopher-${p}-eats`);

describe('dining-philosophers calibration (TLC verdict from tlaplus/Examples manifest.json)', () => {
  it('NP = 5 with the fairness: NobodyStarves and ExclusiveAccess hold over TLC\u2019s 67 states', () => {
    const { outcome, violations } = checkModel(dining, { properties: [...EVERYONE, 'exclusive-access'] });
    expect(violations).toEqual([]);
    expect(outcome.status).toBe('ok');
    expect(outcome.stats.distinctStates).toBe(67);
    expect(outcome.stats.maxDepth).toBe(28);
    expect(outcome.graph?.edges).toBe(121);
  });

  it('the preset agrees (suite row)', () => {
    expect(runPreset(dining, dining.presets[0]).met).toBe(true);
  });

  it('without fair process philosopher 1 starves by stuttering at the initial state', () => {
    const { violations } = checkModel(dining, { preset: 'no-fairness', properties: ['philosopher-1-eats'] });
    expect(violations[0].record).toMatchObject({ path: [], lasso: { trigger: 0, loop: 0 } });
  });
});
