// Liveness of KRaft elections under fairness, over the epoch-renumbering quotient: split votes without randomised
// timeouts (a lasso), KIP-996's rejoining voter without Pre-Vote (a pinned lasso whose loop returns with every
// epoch 2 higher) and with it (holds), the same scenario bounded when maxEpoch leaves no spread, all within a minute.
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { runPreset } from '../../src/check/run-suite.ts';
import type { KraftQuorumState } from '../../model/kraft-quorum/kraft-quorum-state.ts';
import { kraftQuorumDefinition } from './kraft-quorum-definition.ts';

const preset = (name: string) => kraftQuorumDefinition.presets.find((p) => p.name === name)!;

describe('kraft-quorum liveness', () => {
  it('rejoining-voter: voter 2 deposes leader 0 and keeps campaigning — a 14-step prefix, then a 10-step loop two epochs up', () => {
    const result = checkModel(kraftQuorumDefinition, { preset: 'rejoining-voter', properties: ['no-disruption-by-rejoining-voter'] });
    expect(result.outcome.status).toBe('violation');
    expect(result.outcome.stats.distinctStates).toBe(29410);
    expect(result.outcome.graph?.edges).toBe(64229);
    const v = result.violations[0];
    expect(v.record.path.length).toBe(24);
    expect(v.record.lasso).toEqual({ trigger: 13, loop: 14, shift: 'the same state with every current epoch 2 higher (voters, quorum-state files, messages in flight)' });
    const texts = v.trace.actions.map((a) => JSON.stringify(a));
    expect(texts[11]).toContain('"FetchTimeout","voter":2');
    // The loop: voter 2's election timer fires twice, and every other step delivers its Vote or the rejection.
    expect(texts.slice(14).filter((t) => t.includes('ElectionTimeout'))).toEqual(['{"type":"ElectionTimeout","voter":2}', '{"type":"ElectionTimeout","voter":2}']);
    const states = v.trace.states as readonly KraftQuorumState[];
    expect(states[24].voters.map((s) => s.es?.epoch)).toEqual([4, 4, 4]);
    expect(states[14].voters.map((s) => s.es?.epoch)).toEqual([2, 2, 2]);
    expect(result.outcome.graph?.bytesPerEdge).toBe(6);
  });

  it('rejoining-voter with maxEpoch 2: no spread left for the next campaign, so the lasso is bounded (16 steps)', () => {
    const result = checkModel(kraftQuorumDefinition, { preset: 'rejoining-voter', sets: ['maxEpoch=2'], properties: ['no-disruption-by-rejoining-voter'] });
    expect(result.outcome.status).toBe('incomplete');
    expect(result.outcome.stats.distinctStates).toBe(12132);
    expect(result.violations[0].record.lasso).toEqual({ trigger: 13, loop: 16, bounded: 'maxEpoch=2' });
  });

  it('rejoining-voter-pre-vote: KIP-996 keeps leader 0 (both liveness properties hold)', () => {
    const c = runPreset(kraftQuorumDefinition, preset('rejoining-voter-pre-vote'));
    expect(c.met).toBe(true);
    expect(c.distinctStates).toBe(7588);
  });

  it('split-vote: the default params violate leader-eventually-elected within a minute (4 steps, then a 71-step loop)', () => {
    // CPU time, not wall time: the machine running the tests may be shared.
    const started = process.cpuUsage();
    const c = runPreset(kraftQuorumDefinition, preset('split-vote'));
    const used = process.cpuUsage(started);
    expect(c.met).toBe(true);
    expect(c.violations).toEqual([{ property: 'leader-eventually-elected', length: 75 }]);
    expect(c.distinctStates).toBe(401945);
    expect((used.user + used.system) / 1000).toBeLessThan(60_000);
  }, 120_000);
});
