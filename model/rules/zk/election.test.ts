// Unit tests for the ZK elections (leader, new ISR, epoch bump, RECOVERING), the OfflineReplica ISR rule and the
// pre-election read, plus properties: a clean election's leader is always in the ISR, and the ISR is never empty.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { leaderForControlledShutdown, leaderForOffline, leaderForPreferredReplica, leaderForReassign } from './election.ts';
import { removeReplicaFromIsr } from './remove-replica-from-isr.ts';
import { readPartitionForElection } from './read-partition-for-election.ts';
import type { LeaderAndIsr, ZkState } from './zk-state.ts';

const state = (leader: number, isr: number[], leaderEpoch = 3): LeaderAndIsr => ({
  leader,
  leaderEpoch,
  isr,
  leaderRecoveryState: 'RECOVERED',
  partitionEpoch: 7,
});

describe('leaderForOffline', () => {
  const base = { assignment: [1, 2, 3], uncleanLeaderElectionEnabled: false, isLeaderRecoverySupported: true };

  it('clean: first live ISR member; ISR shrinks to its online members; epoch+1; partitionEpoch kept', () => {
    const r = leaderForOffline(state(1, [3, 1, 2]), { ...base, online: [2, 3] });
    expect(r).toEqual({ leaderAndIsr: { ...state(2, [3, 2], 4) }, unclean: false });
  });

  it('unclean: first live replica, ISR [leader], RECOVERING only with IBP ≥ 3.2', () => {
    const r = leaderForOffline(state(-1, [1]), { ...base, online: [3], uncleanLeaderElectionEnabled: true });
    expect(r).toEqual({ leaderAndIsr: { ...state(3, [3], 4), leaderRecoveryState: 'RECOVERING' }, unclean: true });
    const old = leaderForOffline(state(-1, [1]), { ...base, online: [3], uncleanLeaderElectionEnabled: true, isLeaderRecoverySupported: false });
    expect(old.leaderAndIsr?.leaderRecoveryState).toBe('RECOVERED');
    expect(leaderForOffline(state(-1, [1]), { ...base, online: [3] })).toEqual({ leaderAndIsr: null, unclean: false });
  });
});

describe('other strategies', () => {
  it('reassignment elects from the target replicas and keeps the ISR', () => {
    expect(leaderForReassign(state(1, [1, 4, 5]), { targetReplicas: [5, 4], online: [1, 4, 5] })).toEqual(state(5, [1, 4, 5], 4));
    expect(leaderForReassign(state(1, [1]), { targetReplicas: [5, 4], online: [4, 5] })).toBeNull();
  });

  it('preferred is the first replica or nothing', () => {
    expect(leaderForPreferredReplica(state(2, [1, 2]), { assignment: [1, 2], online: [1, 2] })).toEqual(state(1, [1, 2], 4));
    expect(leaderForPreferredReplica(state(2, [2]), { assignment: [1, 2], online: [1, 2] })).toBeNull();
  });

  it('controlled shutdown drops shutting-down brokers from the ISR', () => {
    const input = { assignment: [1, 2, 3], onlineOrShuttingDown: [1, 2, 3], shuttingDown: [1, 3] };
    expect(leaderForControlledShutdown(state(1, [1, 2, 3]), input)).toEqual(state(2, [2], 4));
    expect(leaderForControlledShutdown(state(1, [1, 3]), input)).toBeNull();
  });
});

describe('removeReplicaFromIsr (OfflineReplica)', () => {
  it('keeps the last ISR member, drops the leader to -1, bumps the epoch on every write', () => {
    expect(removeReplicaFromIsr(state(1, [1]), 1)).toEqual(state(-1, [1], 4));
    expect(removeReplicaFromIsr(state(1, [1, 2]), 1)).toEqual(state(-1, [2], 4));
    expect(removeReplicaFromIsr(state(1, [1, 2]), 2)).toEqual(state(1, [1], 4));
    expect(removeReplicaFromIsr(state(1, [1, 2]), 3)).toBeNull();
  });

  it('property: offline removals and clean elections never empty the ISR; clean leaders come from the ISR', () => {
    const ids = fc.integer({ min: 0, max: 3 });
    fc.assert(
      fc.property(fc.uniqueArray(ids, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.boolean(), ids)), (isr0, events) => {
        let cur = state(isr0[0], isr0);
        const assignment = [0, 1, 2, 3];
        for (const [elect, broker] of events) {
          const next = elect
            ? leaderForOffline(cur, { assignment, online: [broker], uncleanLeaderElectionEnabled: false, isLeaderRecoverySupported: true }).leaderAndIsr
            : removeReplicaFromIsr(cur, broker);
          if (next === null) continue;
          if (elect) expect(cur.isr).toContain(next.leader);
          expect(next.isr.length).toBeGreaterThan(0);
          expect(next.leaderEpoch).toBe(cur.leaderEpoch + 1);
          cur = next;
        }
      }),
    );
  });
});

describe('readPartitionForElection', () => {
  const zk: ZkState = {
    controller: null,
    controllerEpoch: { epoch: 3, version: 3 },
    partitions: [{ leader: 1, leaderEpoch: 2, isr: [1], leaderRecoveryState: 'RECOVERED', controllerEpoch: 3, version: 5 }, null],
  };

  it('aborts when a newer controller wrote the partition', () => {
    expect(readPartitionForElection(zk, 0, 2)).toEqual({ type: 'writtenByNewerController', controllerEpoch: 3 });
    expect(readPartitionForElection(zk, 0, 3)).toEqual({ type: 'ok', leaderAndIsr: { ...state(1, [1], 2), partitionEpoch: 5 }, controllerEpoch: 3 });
    expect(readPartitionForElection(zk, 1, 3)).toEqual({ type: 'noState' });
  });
});
