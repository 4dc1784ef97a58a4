// ISR shrink/expand eligibility, the maximal ISR while a change is pending, ISR-eligibility per metadata mode, and
// the leader's handling of every kind of AlterPartition answer.

import { describe, expect, it } from 'vitest';
import { getOutOfSyncReplicas, maximalIsr, maybeExpandIsr, maybeShrinkIsr, type IsrState } from './isr-state.ts';
import { isFollowerInSync, isReplicaIsrEligible, isrEligibleReplicas, type BrokerView, type ClusterView } from './isr-eligibility.ts';
import { handleAlterPartitionResponse } from './alter-partition-response.ts';
import { EMPTY_REPLICA_STATE, type FollowerReplica } from './replica-state.ts';

const committed: IsrState = { kind: 'committed', isr: [0, 1, 2] };
const follower = (replicaId: number, logEndOffset: number, lastCaughtUpTimeMs: number, brokerEpoch: number | null = 1): FollowerReplica => ({
  replicaId,
  state: { ...EMPTY_REPLICA_STATE, logEndOffset, lastCaughtUpTimeMs, brokerEpoch },
});

describe('ISR shrink', () => {
  const followers = [follower(1, 10, 0), follower(2, 7, 0)];
  it('drops lagging members other than the leader, and proposes rather than commits', () => {
    expect(getOutOfSyncReplicas(committed, 0, followers, 10, 40_000, 30_000)).toEqual([2]);
    const shrunk = maybeShrinkIsr(committed, 0, followers, 10, 40_000, 30_000);
    expect(shrunk).toEqual({ kind: 'pending-shrink', isr: [0, 1, 2], proposedIsr: [0, 1] });
    expect(maximalIsr(shrunk)).toEqual([0, 1, 2]);
  });
  it('counts a member without replica state as out of sync, and does nothing while a change is pending', () => {
    expect(getOutOfSyncReplicas(committed, 0, [follower(1, 10, 0)], 10, 0, 30_000)).toEqual([2]);
    const pending: IsrState = { kind: 'pending-expand', isr: [0, 1], proposedIsr: [0, 1, 2] };
    expect(maybeShrinkIsr(pending, 0, followers, 10, 40_000, 30_000)).toBe(pending);
  });
});

describe('ISR expand', () => {
  const isr: IsrState = { kind: 'committed', isr: [0, 1] };
  it('needs the follower LEO at both the HW and the current epoch start offset', () => {
    expect(isFollowerInSync(5, 3, 5)).toBe(true);
    expect(isFollowerInSync(4, 3, 5)).toBe(false);
    expect(isFollowerInSync(5, 6, 5)).toBe(false);
    expect(isFollowerInSync(9, 0, -1)).toBe(false);
  });
  it('proposes ISR + follower, counted at once in the maximal ISR', () => {
    const expanded = maybeExpandIsr(isr, 2, 5, 3, 5, true);
    expect(expanded).toEqual({ kind: 'pending-expand', isr: [0, 1], proposedIsr: [0, 1, 2] });
    expect(maximalIsr(expanded)).toEqual([0, 1, 2]);
  });
  it('skips ineligible followers, members, and anything while a change is pending', () => {
    expect(maybeExpandIsr(isr, 2, 5, 3, 5, false)).toBe(isr);
    expect(maybeExpandIsr(isr, 1, 5, 3, 5, true)).toBe(isr);
    const pending: IsrState = { kind: 'pending-shrink', isr: [0, 1], proposedIsr: [0] };
    expect(maybeExpandIsr(pending, 2, 5, 3, 5, true)).toBe(pending);
  });
});

describe('ISR eligibility', () => {
  const broker = (over: Partial<BrokerView> = {}): BrokerView => ({ brokerId: 2, alive: true, fenced: false, inControlledShutdown: false, brokerEpoch: 1, ...over });
  const kraft = (b: BrokerView): ClusterView => ({ mode: 'kraft', brokers: [b] });
  it('KRaft: unfenced, not shutting down, fetch broker epoch matching the registration (or -1)', () => {
    expect(isReplicaIsrEligible(kraft(broker()), follower(2, 0, 0, 1))).toBe(true);
    expect(isReplicaIsrEligible(kraft(broker()), follower(2, 0, 0, -1))).toBe(true);
    expect(isReplicaIsrEligible(kraft(broker()), follower(2, 0, 0, null))).toBe(false);
    expect(isReplicaIsrEligible(kraft(broker({ brokerEpoch: 3 })), follower(2, 0, 0, 1))).toBe(false);
    expect(isReplicaIsrEligible(kraft(broker({ fenced: true })), follower(2, 0, 0, 1))).toBe(false);
    expect(isReplicaIsrEligible(kraft(broker({ inControlledShutdown: true })), follower(2, 0, 0, 1))).toBe(false);
  });
  it('ZK: only liveness', () => {
    const zk = (alive: boolean): ClusterView => ({ mode: 'zk', brokers: [broker({ alive, fenced: true })] });
    expect(isrEligibleReplicas(zk(true), [follower(2, 0, 0, null)])).toEqual([2]);
    expect(isrEligibleReplicas(zk(false), [follower(2, 0, 0, null)])).toEqual([]);
  });
});

describe('AlterPartition response', () => {
  const proposal: IsrState = { kind: 'pending-expand', isr: [0, 1], proposedIsr: [0, 1, 2] };
  const handle = (response: Parameters<typeof handleAlterPartitionResponse>[4], state: IsrState = proposal) =>
    handleAlterPartitionResponse(state, 5, 3, proposal, response);

  it('commits a success for the current leader epoch and a partition epoch not older than ours', () => {
    expect(handle({ kind: 'success', leaderEpoch: 5, isr: [2, 0, 1], partitionEpoch: 4 })).toEqual({
      outcome: 'committed',
      isrState: { kind: 'committed', isr: [0, 1, 2] },
      partitionEpoch: 4,
    });
  });
  it('keeps pending on a success for another leader epoch or an older partition epoch', () => {
    expect(handle({ kind: 'success', leaderEpoch: 6, isr: [0, 1, 2], partitionEpoch: 4 }).outcome).toBe('stay-pending');
    expect(handle({ kind: 'success', leaderEpoch: 5, isr: [0, 1, 2], partitionEpoch: 2 }).outcome).toBe('stay-pending');
  });
  it('reverts on INELIGIBLE_REPLICA / OPERATION_NOT_ATTEMPTED, stays on stale-epoch errors, retries the rest', () => {
    expect(handle({ kind: 'error', error: 'INELIGIBLE_REPLICA' })).toEqual({ outcome: 'reverted', isrState: { kind: 'committed', isr: [0, 1] }, partitionEpoch: 3 });
    expect(handle({ kind: 'error', error: 'OPERATION_NOT_ATTEMPTED' }).outcome).toBe('reverted');
    for (const error of ['FENCED_LEADER_EPOCH', 'INVALID_UPDATE_VERSION', 'UNKNOWN_TOPIC_OR_PARTITION', 'INVALID_REQUEST']) {
      expect(handle({ kind: 'error', error }).outcome).toBe('stay-pending');
    }
    expect(handle({ kind: 'error', error: 'REQUEST_TIMED_OUT' }).outcome).toBe('retry');
  });
  it('ignores an answer to a proposal the partition state has moved past', () => {
    const moved: IsrState = { kind: 'committed', isr: [0, 1] };
    expect(handle({ kind: 'success', leaderEpoch: 5, isr: [0, 1, 2], partitionEpoch: 4 }, moved)).toEqual({ outcome: 'ignored', isrState: moved, partitionEpoch: 3 });
  });
});
