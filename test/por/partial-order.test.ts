// Partial-order reduction (--por): pinned reduced state counts on a model made for it, the same verdict with and
// without it, counterexamples re-searched to the shortest length over their actions, the cycle proviso, runs on
// models without footprints left unreduced and saying so, and fast-check sampling of declared independence.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoPhaseCommit } from '../../calibration/two-phase-commit/two-phase-commit.ts';
import { twoPhaseCommitDefinition } from '../../calibration/two-phase-commit/two-phase-commit-definition.ts';
import { checkModel } from '../../src/check/run-check.ts';
import { exploreBfs } from '../../src/explore/bfs.ts';
import { footprintProblem } from '../../src/explore/por/footprint-check.ts';
import { footprintsCommute } from '../../src/explore/por/footprint-property.ts';
import { mailboxes, mailboxesDefinition } from './mailboxes-fixture.ts';

describe('--por on independent mailboxes', () => {
  it('cuts 3 producers × 2 messages from 216 to 16 distinct states and still reaches the witness', () => {
    const plain = checkModel(mailboxesDefinition, {});
    const reduced = checkModel(mailboxesDefinition, { por: true });
    expect(plain.outcome.stats.distinctStates).toBe(216);
    expect(reduced.outcome.status).toBe('ok');
    expect(reduced.outcome.complete).toBe(true);
    expect(reduced.outcome.stats.distinctStates).toBe(16);
    expect(reduced.outcome.reduction).toEqual({ applied: true, reason: null, reducedExpansions: 11, fullExpansions: 5, provisoExpansions: 0 });
    expect(reduced.outcome.witnesses[0].found).toBe(true);
    expect(plain.outcome.reduction).toBeUndefined();
  });

  it.each([
    [['producers=3', 'messages=2', 'limit=2'], 4],
    [['producers=4', 'messages=3', 'limit=3'], 6],
  ])('%j: the same violation, re-searched to the shortest length %i', (sets, shortest) => {
    const plain = checkModel(mailboxesDefinition, { sets });
    const reduced = checkModel(mailboxesDefinition, { sets, por: true });
    expect(plain.outcome.status).toBe('violation');
    expect(reduced.outcome.status).toBe('violation');
    expect(reduced.violations.map((v) => v.record.property)).toEqual(['mailbox-0-below-limit']);
    expect(plain.violations[0].record.path).toHaveLength(shortest);
    expect(reduced.violations[0].record.path).toHaveLength(shortest);
    expect(reduced.outcome.stats.distinctStates).toBeLessThan(plain.outcome.stats.distinctStates);
  });

  it('holds at every size where both finish exactly when the unreduced search says so', () => {
    for (const producers of [1, 2, 3, 4]) {
      for (const limit of [1, 2, 3, 4]) {
        const sets = [`producers=${producers}`, 'messages=3', `limit=${limit}`];
        expect(checkModel(mailboxesDefinition, { sets, por: true }).outcome.status).toBe(checkModel(mailboxesDefinition, { sets }).outcome.status);
      }
    }
  });

  it('fast-check: every pair the footprints call independent commutes on sampled reachable states', () => {
    const model = mailboxes(3, 3);
    fc.assert(footprintsCommute(model, mailboxesDefinition.properties({ limit: 3 }), 12), { seed: 7, numRuns: 200 });
  });

  it('the footprint check catches a delivery that does not declare reading its mailbox', () => {
    const model = mailboxes(2, 1, true);
    const sent = model.next(model.init()[0], { type: 'Send', to: 0 });
    expect(footprintProblem(model, [], sent!)).toMatch(/enables the independent|without writing a part it reads|do not commute/);
  });
});

describe('--por on two-phase-commit', () => {
  it('fast-check: the TwoPhase footprints commute, and a step writing no rm.i leaves every property as it was', () => {
    fc.assert(footprintsCommute(twoPhaseCommit(3), twoPhaseCommitDefinition.properties({ resourceManagers: 3 }), 14), { seed: 3, numRuns: 200 });
    fc.assert(footprintsCommute(twoPhaseCommit(3, true), twoPhaseCommitDefinition.properties({ resourceManagers: 3 }), 14), { seed: 4, numRuns: 100 });
  });

  it.each(twoPhaseCommitDefinition.presets.map((p) => [p.name]))('preset %s: the same verdict with and without --por', (preset) => {
    const plain = checkModel(twoPhaseCommitDefinition, { preset });
    const reduced = checkModel(twoPhaseCommitDefinition, { preset, por: true });
    expect(reduced.outcome.status).toBe(plain.outcome.status);
    expect(reduced.violations.map((v) => v.record.property)).toEqual(plain.violations.map((v) => v.record.property));
    expect(reduced.outcome.reduction?.applied).toBe(true);
  });

  it('every RM step writes rm.i, which TPConsistent reads, so no state has a safe ample subset: 288 states either way', () => {
    const reduced = checkModel(twoPhaseCommitDefinition, { por: true });
    expect(reduced.outcome.stats.distinctStates).toBe(288);
    expect(reduced.outcome.reduction?.reducedExpansions).toBe(0);
  });
});

describe('--por without what it needs', () => {
  it('a property that does not say what it reads leaves the run unreduced, and the outcome says why', () => {
    const model = mailboxes(2, 1);
    const property = { kind: 'always' as const, name: 'anything', doc: '', check: () => true };
    const outcome = exploreBfs(model, { properties: [property], witnesses: [], partialOrder: true });
    expect(outcome.stats.distinctStates).toBe(9);
    expect(outcome.reduction).toEqual({ applied: false, reason: 'property anything does not declare the state parts it reads', reducedExpansions: 0, fullExpansions: 0, provisoExpansions: 0 });
  });

  it('a model without footprints runs unreduced and says so', () => {
    const { partialOrder: _, ...bare } = mailboxes(2, 1);
    const outcome = exploreBfs(bare, { properties: [], witnesses: [], partialOrder: true });
    expect(outcome.stats.distinctStates).toBe(9);
    expect(outcome.reduction?.reason).toBe('the model declares no action footprints');
  });
});

describe('--por with a depth bound', () => {
  it('warns that states within the bound may be unexplored', () => {
    const r = checkModel(mailboxesDefinition, { por: true, maxDepth: 3 });
    expect(r.outcome.stoppedBy).toBe('max-depth');
    expect(r.outcome.warnings.some((w) => w.startsWith('--por with a depth bound'))).toBe(true);
    expect(checkModel(mailboxesDefinition, { maxDepth: 3 }).outcome.warnings.some((w) => w.startsWith('--por'))).toBe(false);
  });
});
