// Calibration: distinct-state counts that TLC and Stateright report for TwoPhase, the shortest counterexample of
// the deliberate bug, and determinism of simulation for a fixed seed.
import { describe, expect, it } from 'vitest';
import { twoPhaseCommitDefinition } from '../../calibration/two-phase-commit/two-phase-commit-definition.ts';
import { checkModel } from '../../src/check/run-check.ts';
import { runPreset } from '../../src/check/run-suite.ts';

describe('two-phase-commit calibration', () => {
  it.each([
    [1, 12],
    [3, 288],
    [5, 8832],
  ])('%i RMs → %i distinct states (TLC: 3 → 288, 5 → 8,832)', (rms, distinct) => {
    const { outcome } = checkModel(twoPhaseCommitDefinition, { sets: [`resourceManagers=${rms}`] });
    expect(outcome.status).toBe('ok');
    expect(outcome.complete).toBe(true);
    expect(outcome.stats.distinctStates).toBe(distinct);
  });

  it('symmetry is not offered by this model, so --symmetry changes nothing', () => {
    const plain = checkModel(twoPhaseCommitDefinition, {});
    const sym = checkModel(twoPhaseCommitDefinition, { symmetry: true });
    expect(sym.outcome.stats.distinctStates).toBe(plain.outcome.stats.distinctStates);
  });

  it('finds the abort-after-prepare bug with a shortest trace of 9 actions that replays to the violation', () => {
    const result = checkModel(twoPhaseCommitDefinition, { preset: 'abort-after-prepare' });
    expect(result.outcome.status).toBe('violation');
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0].record.path).toHaveLength(9);
    expect(result.violations[0].trace.states).toHaveLength(10);
  });

  it('meets every preset expectation', () => {
    for (const preset of twoPhaseCommitDefinition.presets) expect(runPreset(twoPhaseCommitDefinition, preset).met).toBe(true);
  });

  it('honours budgets: max-states gives incomplete, max-depth gives a bounded ok', () => {
    const capped = checkModel(twoPhaseCommitDefinition, { maxStates: 50 });
    expect(capped.outcome.status).toBe('incomplete');
    expect(capped.outcome.complete).toBe(false);
    const shallow = checkModel(twoPhaseCommitDefinition, { maxDepth: 3 });
    expect(shallow.outcome.status).toBe('ok');
    expect(shallow.outcome.complete).toBe(false);
    expect(shallow.outcome.stoppedBy).toBe('max-depth');
    expect(shallow.outcome.stats.maxDepth).toBe(3);
  });

  it('simulation is deterministic for a seed (random walks rarely reach this bug: TMAbort is always enabled)', () => {
    const run = () => checkModel(twoPhaseCommitDefinition, { preset: 'abort-after-prepare', strategy: 'simulate', walks: 500, seed: 7, maxDepth: 30 });
    const a = run();
    const b = run();
    expect(JSON.stringify({ ...a.outcome, stats: { ...a.outcome.stats, durationMs: 0, statesPerSecond: 0 } })).toBe(
      JSON.stringify({ ...b.outcome, stats: { ...b.outcome.stats, durationMs: 0, statesPerSecond: 0 } }),
    );
    expect(a.outcome.strategy).toBe('simulate');
    expect(a.outcome.seed).toBe(7);
  });
});
