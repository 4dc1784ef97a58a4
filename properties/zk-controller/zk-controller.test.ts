// Pins the zk-controller model: distinct-state counts of small configs, the exact shortest counterexample of each
// violating preset, every preset's expectation, and that each counterexample tells the story it should.
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { runPreset } from '../../src/check/run-suite.ts';
import { zkControllerDefinition as zk } from './zk-controller-definition.ts';

describe('zk-controller state space', () => {
  it.each([
    [['brokers=2', 'sessionExpiries=0'], 124, 9],
    [['brokers=2'], 2445, 13],
    [['election=sequential-node', 'sessionExpiries=0', 'brokers=2'], 129, 10],
  ])('%j → %i distinct states, depth %i', (sets, distinct, depth) => {
    const { outcome } = checkModel(zk, { sets });
    expect(outcome.status).toBe('ok');
    expect(outcome.complete).toBe(true);
    expect(outcome.stats.distinctStates).toBe(distinct);
    expect(outcome.stats.maxDepth).toBe(depth);
  });

  it('default (3 brokers, one session expiry) holds exhaustively over 236,573 states', () => {
    const { outcome } = checkModel(zk, { preset: 'default' });
    expect(outcome.status).toBe('ok');
    expect(outcome.stats.distinctStates).toBe(236573);
    expect(outcome.witnesses.every((w) => w.found)).toBe(true);
  });
});

describe('zk-controller shortest counterexamples', () => {
  it.each([
    ['no-epoch-fencing', 'no-stale-controller-write', 6],
    ['no-broker-epoch-check', 'brokers-reject-stale-controller', 9],
    ['no-kip-380', 'brokers-reject-stale-controller', 12],
    ['sequential-node', 'single-controller-per-epoch', 7],
    ['sequential-node', 'controller-epoch-monotonic', 11],
  ])('%s violates %s in %i actions', (preset, property, length) => {
    const result = checkModel(zk, { preset, properties: [property] });
    expect(result.outcome.status).toBe('violation');
    expect(result.violations[0].record.property).toBe(property);
    expect(result.violations[0].record.path).toHaveLength(length);
  });

  it('the zombie write: the old controller writes after a new epoch was registered', () => {
    const result = checkModel(zk, { preset: 'no-epoch-fencing' });
    const types = result.violations[0].trace.actions.map((a) => a.type);
    expect(types).toEqual(['ReadControllerEpoch', 'RegisterController', 'ExpireSession', 'ReadControllerEpoch', 'RegisterController', 'ElectPartitionLeader']);
  });

  it('every preset meets its expectation (what `kcheck suite` checks)', () => {
    for (const preset of zk.presets.filter((p) => p.name !== 'default')) {
      const verdict = runPreset(zk, preset);
      expect(verdict.met, `${preset.name}: ${verdict.detail}`).toBe(true);
    }
  });
});
