// The leader-side transitions composed: makeLeader (new, re-elected, stale), follower fetches, shrink and revert,
// appends under min ISR, and bug 7 end to end (an ISR member the HW ignored while its addition was pending).

import { describe, expect, it } from 'vitest';
import {
  alterPartitionRequest,
  appendRecordsToLeader,
  completeAlterPartition,
  DEFAULT_LEADER_PARTITION_CONFIG,
  makeLeader,
  shrinkIsrIfNeeded,
  updateFollowerFetchState,
  type LeaderPartition,
  type LeaderPartitionConfig,
} from './leader-partition.ts';
import { HW_RULE_COMMITTED_ISR_ONLY } from './leader-high-watermark.ts';
import type { ClusterView } from './isr-eligibility.ts';

const CLUSTER: ClusterView = {
  mode: 'kraft',
  brokers: [0, 1, 2].map((brokerId) => ({ brokerId, alive: true, fenced: false, inControlledShutdown: false, brokerEpoch: 1 })),
};
const T = 1_000_000;
const config = DEFAULT_LEADER_PARTITION_CONFIG;
const request = (leaderEpoch: number, isr: number[], partitionEpoch = 1) => ({ leaderEpoch, partitionEpoch, isr, replicas: [0, 1, 2] });

function leadNew(isr: number[], logEndOffset: number, cfg: LeaderPartitionConfig = config): LeaderPartition {
  const p = makeLeader(undefined, 0, 0, 0, request(1, isr), { logEndOffset, highWatermark: 0 }, T, cfg, CLUSTER);
  if (p === undefined) throw new Error('skipped');
  return p;
}

function fetch(p: LeaderPartition, replicaId: number, fetchOffset: number, now = T, cfg: LeaderPartitionConfig = config): LeaderPartition {
  const result = updateFollowerFetchState(p, replicaId, { fetchOffset, logStartOffset: 0, fetchTimeMs: now, brokerEpoch: 1 }, cfg, CLUSTER);
  if (!result.ok) throw new Error(result.error);
  return result.partition;
}

describe('makeLeader', () => {
  it('skips a request with an older partition epoch', () => {
    expect(makeLeader(undefined, 3, 5, 0, request(4, [0, 1, 2], 4), { logEndOffset: 0, highWatermark: 0 }, T, config, CLUSTER)).toBeUndefined();
  });

  it('a new leader knows no follower offsets, so the HW waits for the ISR to fetch', () => {
    const p = leadNew([0, 1, 2], 10);
    expect(p.followers.map((f) => f.state.logEndOffset)).toEqual([-1, -1]);
    expect(p.highWatermark).toBe(0);
    expect(p.leaderEpochStartOffset).toBe(10);
  });

  it('a re-elected leader keeps follower offsets and may advance the HW at once', () => {
    const led = fetch(fetch(leadNew([0, 1, 2], 10), 1, 6), 2, 8);
    expect(led.highWatermark).toBe(6);
    const again = makeLeader(led, 1, 1, 0, request(2, [0, 1, 2], 2), { logEndOffset: 12, highWatermark: 6 }, T + 5, config, CLUSTER);
    expect(again?.followers.map((f) => f.state.logEndOffset)).toEqual([6, 8]);
    expect(again).toMatchObject({ leaderEpoch: 2, leaderEpochStartOffset: 12, highWatermark: 6 });
  });

  it('keeps the epoch start offset and bookkeeping when the leader epoch does not change', () => {
    const led = fetch(leadNew([0, 1, 2], 10), 1, 6);
    const same = makeLeader(led, 1, 1, 0, request(1, [0, 1], 2), { logEndOffset: 11, highWatermark: 0 }, T, config, CLUSTER);
    expect(same).toMatchObject({ leaderEpoch: 1, leaderEpochStartOffset: 10, partitionEpoch: 2, isrState: { kind: 'committed', isr: [0, 1] } });
    expect(same?.followers[0].state.logEndOffset).toBe(6);
  });
});

describe('follower fetches and ISR changes', () => {
  it('refuses a replica outside the assignment and a stale KRaft broker epoch', () => {
    const p = leadNew([0, 1, 2], 10);
    const fetchOf = (brokerEpoch: number) => ({ fetchOffset: 1, logStartOffset: 0, fetchTimeMs: T, brokerEpoch });
    expect(updateFollowerFetchState(p, 7, fetchOf(1), config, CLUSTER)).toEqual({ ok: false, error: 'UNKNOWN_LEADER_EPOCH' });
    expect(updateFollowerFetchState(p, 1, fetchOf(0), config, CLUSTER)).toEqual({ ok: false, error: 'NOT_LEADER_OR_FOLLOWER' });
  });

  it('reverts a shrink the controller refuses with INELIGIBLE_REPLICA, then may propose it again', () => {
    let p = fetch(leadNew([0, 1, 2], 10), 1, 10);
    p = shrinkIsrIfNeeded(p, T + 30_001, config);
    const proposal = p.isrState;
    expect(alterPartitionRequest(p)).toEqual({ leaderId: 0, leaderEpoch: 1, partitionEpoch: 1, newIsr: [0, 1] });
    const refused = completeAlterPartition(p, proposal, { kind: 'error', error: 'INELIGIBLE_REPLICA' }, T + 30_001, config, CLUSTER);
    expect(refused.outcome).toBe('reverted');
    expect(refused.partition.isrState).toEqual({ kind: 'committed', isr: [0, 1, 2] });
    expect(shrinkIsrIfNeeded(refused.partition, T + 30_002, config).isrState.kind).toBe('pending-shrink');
  });
});

describe('appends', () => {
  it('rejects acks=all under min ISR without writing, while acks=1 writes and a lone leader commits at once', () => {
    const cfg = { ...config, minInsyncReplicas: 2 };
    const alone = leadNew([0], 0, cfg);
    const rejected = appendRecordsToLeader(alone, -1, 3, T, cfg, CLUSTER);
    expect(rejected).toMatchObject({ admission: 'NOT_ENOUGH_REPLICAS', requiredOffset: 0 });
    expect(rejected.partition).toBe(alone);
    const written = appendRecordsToLeader(alone, 1, 3, T, cfg, CLUSTER);
    expect(written.partition).toMatchObject({ logEndOffset: 3, highWatermark: 0 }); // gated: ISR 1 < min ISR 2
    const minIsrOne = appendRecordsToLeader(leadNew([0], 0), 1, 3, T, config, CLUSTER);
    expect(minIsrOne.partition).toMatchObject({ logEndOffset: 3, highWatermark: 3 });
  });
});

describe('bug 7: HW over the committed ISR only', () => {
  function scenario(cfg: LeaderPartitionConfig) {
    // ISR [0,1]; follower 2 reaches the HW and epoch start, so the leader proposes [0,1,2], then more is written
    // and follower 1 replicates it while follower 2 does not.
    let p = fetch(fetch(leadNew([0, 1], 4, cfg), 1, 4, T, cfg), 2, 4, T, cfg);
    const proposal = p.isrState;
    p = appendRecordsToLeader(p, -1, 4, T, cfg, CLUSTER).partition;
    p = fetch(p, 1, 8, T, cfg);
    const hwWhilePending = p.highWatermark;
    const committed = completeAlterPartition(p, proposal, { kind: 'success', leaderEpoch: 1, isr: [0, 1, 2], partitionEpoch: 2 }, T, cfg, CLUSTER);
    return { hwWhilePending, partition: committed.partition };
  }

  it('with the maximal ISR the new member holds the HW, so every ISR member has every committed record', () => {
    const { hwWhilePending, partition } = scenario(config);
    expect(hwWhilePending).toBe(4);
    expect(partition.isrState.isr).toEqual([0, 1, 2]);
  });

  it('over the committed ISR only, the HW passes a replica the controller then admits to the ISR', () => {
    const { hwWhilePending, partition } = scenario({ ...config, hwRule: HW_RULE_COMMITTED_ISR_ONLY });
    expect(hwWhilePending).toBe(8);
    const member2 = partition.followers.find((f) => f.replicaId === 2);
    expect(partition.isrState.isr).toEqual([0, 1, 2]);
    expect(member2?.state.logEndOffset).toBeLessThan(partition.highWatermark);
  });
});
