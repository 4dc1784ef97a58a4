// Liveness of KRaft elections under fairness: split votes without randomised timeouts, KIP-996's rejoining
// voter without Pre-Vote (a pinned lasso) and with it (holds), and the default model's graph within a minute.
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { runPreset } from '../../src/check/run-suite.ts';
import { kraftQuorumDefinition } from './kraft-quorum-definition.ts';

const preset = (name: string) => kraftQuorumDefinition.presets.find((p) => p.name === name)!;

describe('kraft-quorum liveness', () => {
  it('rejoining-voter: voter 2 deposes leader 0 — a 16-step prefix, then a stop that only maxEpoch=2 causes (bounded)', () => {
    const result = checkModel(kraftQuorumDefinition, { preset: 'rejoining-voter', properties: ['no-disruption-by-rejoining-voter'] });
    expect(result.outcome.stats.distinctStates).toBe(12454);
    expect(result.outcome.status).toBe('incomplete');
    const v = result.violations[0];
    expect(v.record.path.length).toBe(16);
    // From the Vote reaching leader 0 on; voter 0's next election timer is refused only by the epoch bound.
    expect(v.record.lasso).toEqual({ trigger: 13, loop: 16, bounded: 'maxEpoch=2' });
    const texts = v.trace.actions.map((a) => JSON.stringify(a));
    expect(texts[11]).toContain('"FetchTimeout","voter":2');
    expect(result.outcome.graph?.bytesPerEdge).toBe(6);
  });

  it('rejoining-voter-pre-vote: KIP-996 keeps leader 0 (both liveness properties hold)', () => {
    const c = runPreset(kraftQuorumDefinition, preset('rejoining-voter-pre-vote'));
    expect(c.met).toBe(true);
    expect(c.distinctStates).toBe(7588);
  });

  it('split-vote: the default params leave leader-eventually-elected bounded within a minute (14 steps, then the epoch bound)', () => {
    const started = Date.now();
    const c = runPreset(kraftQuorumDefinition, preset('split-vote'));
    expect(c.met).toBe(true);
    expect(c.violations).toEqual([{ property: 'leader-eventually-elected', length: 14 }]);
    expect(c.detail).toBe('bounded leader-eventually-elected (14 actions)');
    expect(c.distinctStates).toBe(221493);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
