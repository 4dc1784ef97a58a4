// Every kraft-quorum preset meets its expectation as `kcheck suite` runs it (BFS, runPreset), with the shortest
// counterexample lengths and the size of the exhaustive runs pinned, so a change to the model or the rules that
// moves them is noticed. commit-previous-epoch (4 epochs) has its own file.
import { describe, it, expect } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { runPreset } from '../../src/check/run-suite.ts';
import type { KraftQuorumAction } from '../../model/kraft-quorum/kraft-quorum-actions.ts';
import { kraftQuorumDefinition } from './kraft-quorum-definition.ts';

const preset = (name: string) => {
  const found = kraftQuorumDefinition.presets.find((p) => p.name === name);
  if (!found) throw new Error(`no preset ${name}`);
  return found;
};

describe('kraft-quorum: Kafka rules hold exhaustively', () => {
  it.each([
    ['default', 221_493],
    ['pre-vote', 125_020],
    ['check-quorum', 68_620],
    ['lossy-network', 86_035],
  ] as const)('%s holds over %i distinct states, every witness reached', (name, states) => {
    const r = runPreset(kraftQuorumDefinition, preset(name));
    expect(r.detail).toBe('holds');
    expect(r.met).toBe(true);
    expect(r.distinctStates).toBe(states);
  });

  it('default at its smallest size (one epoch, LeaderChange records only) has a pinned state count', () => {
    const r = checkModel(kraftQuorumDefinition, { preset: 'default', sets: ['maxEpoch=1', 'records=0'] });
    expect(r.outcome.status).toBe('ok');
    expect(r.outcome.complete).toBe(true);
    expect(r.outcome.stats.distinctStates).toBe(2_315);
  });
});

describe('kraft-quorum: each Raft mistake is caught with a shortest counterexample', () => {
  it.each([
    ['no-log-check', { 'leader-completeness': 12, 'committed-never-lost': 21 }],
    ['forget-vote-on-restart', { 'single-controller-per-epoch': 8 }],
    ['commit-previous-epoch-hw', { 'high-watermark-monotonic': 16 }],
    ['rejoin-with-empty-disk', { 'committed-never-lost': 21 }],
    ['no-divergence-check', { 'log-matching': 11 }],
    ['restart-as-candidate', { 'no-fatal-error': 12 }],
  ] as const)('%s', (name, lengths) => {
    const r = runPreset(kraftQuorumDefinition, preset(name));
    expect(r.met).toBe(true);
    expect(Object.fromEntries(r.violations.map((v) => [v.property, v.length]))).toEqual(lengths);
  });

  it('no-log-check: the new leader was elected without the committed LeaderChange record, then commits over it', () => {
    const r = checkModel(kraftQuorumDefinition, { preset: 'no-log-check', properties: ['committed-never-lost'] });
    const trace = r.violations[0].trace;
    const last = trace.states[trace.states.length - 1] as import('../../model/kraft-quorum/kraft-quorum-state.ts').KraftQuorumState;
    const leaders = last.voters.filter((v) => v.es?.role === 'Leader').sort((a, b) => b.es!.epoch - a.es!.epoch);
    expect(leaders[0].es!.epoch).toBe(2);
    expect(leaders[0].log[0]).not.toBe(last.committed[0]);
  });

  it('forget-vote-on-restart: one voter grants its vote twice in epoch 1, across a restart', () => {
    const r = checkModel(kraftQuorumDefinition, { preset: 'forget-vote-on-restart', properties: ['single-controller-per-epoch'] });
    const steps = r.violations[0].trace.actions.map((a) => kraftQuorumDefinition.create(r.params).describeAction!(a as KraftQuorumAction));
    expect(steps).toContain('voter 1 crashes (quorum-state and log stay on disk)');
    expect(steps.filter((s) => /VoteResponse 1→\d \(granted, epoch 1/.test(s))).toHaveLength(2);
  });
});
