// Raft §5.4.2 (Figure 8) in KRaft terms: with the HW counted over replicas, a leader of epoch 3 commits epoch 1's
// LeaderChange record; the epoch-2 leader, whose log ends in a later epoch, wins epoch 4 with a lagging voter's
// vote and commits its own record at that offset. Kept apart: the BFS runs to depth 30 over four epochs.
import { describe, it, expect } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { runPreset } from '../../src/check/run-suite.ts';
import type { KraftQuorumState } from '../../model/kraft-quorum/kraft-quorum-state.ts';
import { entryName } from '../../model/kraft-quorum/kraft-quorum-state.ts';
import type { KraftQuorumAction } from '../../model/kraft-quorum/kraft-quorum-actions.ts';
import { kraftQuorumDefinition } from './kraft-quorum-definition.ts';

describe('commit-previous-epoch', () => {
  it('the preset is met: committed-never-lost fails after 30 actions', () => {
    const preset = kraftQuorumDefinition.presets.find((p) => p.name === 'commit-previous-epoch')!;
    const r = runPreset(kraftQuorumDefinition, preset);
    expect(r.met).toBe(true);
    expect(r.violations).toEqual([{ property: 'committed-never-lost', length: 30 }]);
    expect(r.distinctStates).toBe(586_449);
  });

  it('leader-completeness breaks first (21 actions), and Kafka`s epoch-start rule prevents it', () => {
    const broken = checkModel(kraftQuorumDefinition, { preset: 'commit-previous-epoch', properties: ['leader-completeness'] });
    expect(broken.outcome.violations.map((v) => v.path.length)).toEqual([21]);
    const trace = broken.violations[0].trace;
    const last = trace.states[trace.states.length - 1] as KraftQuorumState;
    // Epoch 1's LeaderChange record was committed (by epoch 3's leader, counting replicas); epoch 4's leader,
    // elected with the vote of a voter that never got epoch 3's record, does not have it.
    expect(last.committed.map(entryName)).toEqual(['LC(0)@1']);
    const top = last.voters.filter((v) => v.es?.role === 'Leader').sort((a, b) => b.es!.epoch - a.es!.epoch)[0];
    expect(top.es!.epoch).toBe(4);
    expect(top.log.map(entryName)).toEqual(['LC(1)@2', 'LC(1)@4']);

    // The same steps under Kafka's rule (HW only above the epoch start offset) commit nothing.
    const fixed = kraftQuorumDefinition.create({ ...broken.params, commitByCountingReplicas: false });
    let s = fixed.init()[0];
    for (const a of trace.actions) s = fixed.next(s, a as KraftQuorumAction) ?? s;
    expect(s.committed).toEqual([]);
  });
});
