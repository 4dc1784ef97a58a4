// kcheck/kafka's hook for a KIP author's rule: replicationModel({ electLeader }) on the example variant
// (examples/freshest-replica-election.ts), pinned: with min ISR 1 its fallback loses a committed record in 4
// actions; with min ISR 2 it still elects outside the ISR (3 actions) but loses nothing over 128,649 states.
import { describe, expect, it } from 'vitest';
import { check, isKcheckError } from 'kcheck';
import { largestLeoElection, replicationDefinition, replicationModel } from 'kcheck/kafka';
import freshest from '../../examples/freshest-replica-election.ts';

describe('replicationModel({ electLeader })', () => {
  it('finds the committed record the freshest-replica fallback loses', () => {
    const r = check(freshest, { preset: 'default', properties: ['no-committed-message-loss'] });
    expect(r.assertViolates('no-committed-message-loss', { length: 4 }).trace.actions.map((a) => a.type)).toEqual(['Produce', 'ShrinkIsr', 'HandleAlterPartition', 'CleanShutdown']);
    expect(r.outcome.stats.distinctStates).toBe(139);
  });

  it('with min ISR 2 the fallback elects outside the ISR yet loses no committed record', () => {
    check(freshest, { preset: 'min-isr-2' }).assertViolates('leader-elected-from-isr', { length: 3 });
    const safe = check(freshest, { preset: 'min-isr-2', properties: ['no-committed-message-loss'] });
    expect(safe.outcome.status).toBe('ok');
    expect(safe.outcome.complete).toBe(true);
    expect(safe.outcome.stats.distinctStates).toBe(66676);
  });

  it('the largest-leo hook passed in explores what the built-in largest-leo scheme explores', () => {
    const preset = replicationDefinition.presets.find((p) => p.name === 'largest-leo-election')!;
    const viaHook = replicationModel({ electLeader: (i) => largestLeoElection(i.current, i.assignment, i.online, i.logEndOffset) });
    const { leaderElection: _scheme, ...rest } = preset.params;
    const a = check(replicationDefinition, { preset: 'largest-leo-election', properties: ['no-committed-message-loss'] });
    const b = check(viaHook, { values: rest, properties: ['no-committed-message-loss'] });
    expect(b.outcome.stats).toMatchObject({ distinctStates: a.outcome.stats.distinctStates });
    expect(b.violations[0].record.path).toEqual(a.violations[0].record.path);
  });

  it('a variant refuses the KRaft controller, whose election it does not replace', () => {
    try {
      check(freshest, { values: { leaderElection: 'kraft' } });
      expect.unreachable();
    } catch (error) {
      expect(isKcheckError(error) && error.message).toBe("freshest-replica-election: its electLeader replaces the ZooKeeper controller's offline election, so leaderElection must be zk");
    }
  });
});
