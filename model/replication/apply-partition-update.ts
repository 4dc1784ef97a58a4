// A broker applies the oldest controller update in its channel: ReplicaManager.becomeLeaderOrFollower. ZK mode
// fences it by leader epoch (leaderAndIsrPartitionCheck); KRaft by partition epoch (KAFKA-13790). Then
// Partition.makeLeader (rules/replication/leader-partition.ts) or makeFollower, whose fetcher restart — and so the
// era's truncation — follows restartsFetcherOnBecomeFollower.

import { CLOCKLESS_NOW_MS } from '../rules/replication/replica-state.ts';
import { leaderAndIsrPartitionCheck } from '../rules/zk/broker-request-checks.ts';
import { applyTruncation } from '../rules/replication/follower-truncation.ts';
import { restartsFetcherOnBecomeFollower } from '../rules/replication/follower-transition.ts';
import { isrExpansionEpochStartOffset } from '../rules/replication/isr-expansion-era.ts';
import { assign } from '../rules/replication/leader-epoch-cache.ts';
import { makeLeader, patchPartition } from '../rules/replication/leader-partition.ts';
import { failPendingAcks, noteCommits, settleAcks } from './ghosts.ts';
import { clusterView, toLeaderPartition, withLeaderPartition } from './leader-role.ts';
import { leaderPartitionConfig, type ReplicationConfig } from './replication-config.ts';
import { patchBroker, patchState, withBroker, type BrokerState, type PartitionUpdate, type ReplicationState } from './replication-state.ts';

/** The broker truncates its log (and epoch cache, HW, flushed prefix) to `offset`, via the rules' applyTruncation. */
export function truncateBroker(b: BrokerState, offset: number): BrokerState {
  const after = applyTruncation({ entries: b.epochCache, logEndOffset: b.log.length, highWatermark: b.highWatermark }, offset);
  if (after.logEndOffset === b.log.length && after.entries === b.epochCache && after.highWatermark === b.highWatermark) return b;
  return patchBroker(b, {
    log: b.log.slice(0, after.logEndOffset),
    epochCache: after.entries,
    highWatermark: after.highWatermark,
    flushed: Math.min(b.flushed, after.logEndOffset),
  });
}

function accepts(b: BrokerState, u: PartitionUpdate, config: ReplicationConfig): boolean {
  if (config.leaderElection === 'kraft') return u.partitionEpoch >= b.partitionEpoch && u.leaderEpoch >= b.leaderEpoch;
  const decision = leaderAndIsrPartitionCheck({ requestLeaderEpoch: u.leaderEpoch, currentLeaderEpoch: b.leaderEpoch, fromKRaftController: false });
  return decision.kind === 'apply';
}

function becomeLeader(state: ReplicationState, id: number, b: BrokerState, u: PartitionUpdate, config: ReplicationConfig): ReplicationState | null {
  const previous = b.role === null ? undefined : toLeaderPartition(b, id, config);
  const request = { leaderEpoch: u.leaderEpoch, partitionEpoch: u.partitionEpoch, isr: u.isr, replicas: previous?.replicas ?? state.controller.replicas };
  const log = { logEndOffset: b.log.length, highWatermark: b.highWatermark };
  const p = makeLeader(previous, b.leaderEpoch, b.partitionEpoch, id, request, log, CLOCKLESS_NOW_MS, leaderPartitionConfig(config), clusterView(state));
  if (p === undefined) return null;
  const newEpoch = u.leaderEpoch > b.leaderEpoch;
  // Before KAFKA-7128 (≤ 2.0.0) the ISR expansion did not look at the leader's epoch start offset.
  const expansionStart = isrExpansionEpochStartOffset(config.era, p.leaderEpochStartOffset);
  let broker = withLeaderPartition(b, patchPartition(p, { leaderEpochStartOffset: expansionStart }), config.replicas);
  // KAFKA-7415 (2.1): the new leader caches its epoch at its LEO on election; earlier leaders on first append.
  const epochCache = newEpoch && config.era.assignsEpochOnElection ? assign(b.epochCache, u.leaderEpoch, b.log.length) : b.epochCache;
  broker = patchBroker(broker, { leader: id, truncating: false, epochCache });
  let next = withBroker(state, id, broker);
  next = settleAcks(next, id, config);
  return noteCommits(next);
}

function becomeFollower(state: ReplicationState, id: number, b: BrokerState, u: PartitionUpdate, config: ReplicationConfig): ReplicationState {
  const era = config.era;
  const restart = restartsFetcherOnBecomeFollower(era, b.leader, b.leaderEpoch, u.leader, u.leaderEpoch);
  let broker: BrokerState = patchBroker(b, { leader: u.leader, leaderEpoch: u.leaderEpoch, partitionEpoch: u.partitionEpoch, role: null });
  const ghosts = b.role === null ? state.ghosts : failPendingAcks(state.ghosts, id);
  if (restart && u.leader >= 0) {
    if (!era.epochTruncation) {
      // ReplicaManager.makeFollowers (≤ 0.10): truncate to the local high watermark, then fetch from there.
      broker = patchBroker(truncateBroker(broker, broker.highWatermark), { truncating: false });
    } else {
      // 0.11–2.7: the fetcher starts in the truncating state (OffsetsForLeaderEpoch first); since KAFKA-10554 the
      // Fetch itself carries lastFetchedEpoch.
      broker = patchBroker(broker, { truncating: !era.truncatesOnFetch });
    }
  } else if (restart) {
    broker = patchBroker(broker, { truncating: false });
  }
  return patchState(withBroker(state, id, broker), { ghosts });
}

/** DeliverPartitionState: the broker takes the oldest update from its channel and applies it if not stale. */
export function applyPartitionUpdate(state: ReplicationState, id: number, config: ReplicationConfig): ReplicationState | undefined {
  const b0 = state.brokers[id];
  if (!b0.alive || b0.inbox.length === 0) return undefined;
  const u = b0.inbox[0];
  const b: BrokerState = patchBroker(b0, { inbox: b0.inbox.slice(1) });
  if (!accepts(b, u, config)) return withBroker(state, id, b);
  if (u.leader === id) return becomeLeader(state, id, b, u, config) ?? withBroker(state, id, b);
  if (u.leaderEpoch === b.leaderEpoch && b.role === null) {
    // KRaft: same leader epoch (an ISR-only change) — the follower just records the partition epoch.
    return withBroker(state, id, patchBroker(b, { partitionEpoch: Math.max(b.partitionEpoch, u.partitionEpoch) }));
  }
  return becomeFollower(state, id, b, u, config);
}
