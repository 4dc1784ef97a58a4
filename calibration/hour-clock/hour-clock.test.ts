// The liveness verdicts on HourClock, compared with TLC's on the same spec: LiveHourClock satisfies []<>(hr = 1)
// and (hr = 12) ~> (hr = 1); plain HC violates both by stuttering (TLC: "Stuttering" right after an initial state).
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { runPreset } from '../../src/check/run-suite.ts';
import { hourClockDefinition } from './hour-clock-definition.ts';

describe('hour-clock calibration (TLC verdicts)', () => {
  it('LiveHourClock: both properties hold over 12 states', () => {
    const c = runPreset(hourClockDefinition, hourClockDefinition.presets[0]);
    expect(c.met).toBe(true);
    expect(c.distinctStates).toBe(12);
  });

  it('HC without fairness: a lasso of no steps that stutters at an initial state', () => {
    const result = checkModel(hourClockDefinition, { preset: 'no-fairness', properties: ['hour-one-recurs', 'noon-leads-to-one'], continueAfterViolation: true });
    const byName = Object.fromEntries(result.violations.map((v) => [v.record.property, v.record]));
    // hr = 1 is the goal itself; the first initial state where it does not hold is hr = 2: no prefix, no steps.
    expect(byName['hour-one-recurs']).toMatchObject({ initIndex: 1, path: [], lasso: { trigger: 0, loop: 0 } });
    expect(byName['noon-leads-to-one']).toMatchObject({ initIndex: 11, path: [], lasso: { trigger: 0, loop: 0 } });
  });
});
