// Bridges the cluster model's Replica (log as record epochs, leader bookkeeping as follower LEOs) and the rules'
// LeaderPartition and epoch caches, so fetch validation, truncation, follower bookkeeping, ISR shrink/expand and the
// HW are model/rules/replication's functions — the ones the replication model calls through its leader-role.ts.

import type { ClusterView } from '../rules/replication/isr-eligibility.ts';
import { committedIsr } from '../rules/replication/isr-state.ts';
import { assign, epochEntriesOfLog, type EpochEntries } from '../rules/replication/leader-epoch-cache.ts';
import { HW_RULE_CURRENT, type HighWatermarkRule } from '../rules/replication/leader-high-watermark.ts';
import type { LeaderPartition, LeaderPartitionConfig } from '../rules/replication/leader-partition.ts';
import { DEFAULT_REPLICA_LAG_TIME_MAX_MS, replicaStateAtFetchOffset } from '../rules/replication/replica-state.ts';
import type { ClusterConfig } from './cluster-config.ts';
import type { ClusterState, Replica } from './cluster-state.ts';
import { brokerImage } from './kraft-metadata.ts';

/**
 * The HW rule of each mode: the ISR a leader knows is committed (ISR changes are answered in the step that proposes
 * them), so maximal = committed; no caught-up ISR-eligible wait (KAFKA-15021's, 3.6, which needs fetch times the
 * cluster keeps only as "past the lag time"). ZooKeeper mode is 2.8.0 (no min-ISR gate); kraft mode follows 3.9's
 * Partition: KAFKA-15583 (edc7e10a745, 3.7) holds the HW below effectiveMinIsr — what makes ELR safe.
 */
const HW_RULE_ZK: HighWatermarkRule = { ...HW_RULE_CURRENT, waitForCaughtUpEligible: false, minIsrGate: false };
const HW_RULE_KRAFT: HighWatermarkRule = { ...HW_RULE_CURRENT, waitForCaughtUpEligible: false };

export function clusterPartitionConfig(config: ClusterConfig): LeaderPartitionConfig {
  const hwRule = config.controllerMode === 'kraft' ? HW_RULE_KRAFT : HW_RULE_ZK;
  return { minInsyncReplicas: config.minInsyncReplicas, replicaLagTimeMaxMs: DEFAULT_REPLICA_LAG_TIME_MAX_MS, hwRule };
}

/**
 * The leader broker's metadata cache as ISR eligibility reads it. ZooKeeper mode (2.8.0): canAddReplicaToIsr asks
 * only "not in flight, not in the ISR" — no liveness test before KIP-841 (3.3) — so every broker counts. KRaft
 * (3.9 isReplicaIsrEligible): not fenced and not in controlled shutdown in the image the leader has replayed.
 */
export function leaderClusterView(s: ClusterState, leader: number): ClusterView {
  if (s.kraft === null) {
    return { mode: 'zk', brokers: s.brokers.map((b, brokerId) => ({ brokerId, alive: true, fenced: false, inControlledShutdown: false, brokerEpoch: b.brokerEpoch })) };
  }
  const image = brokerImage(s.kraft, leader);
  return {
    mode: 'kraft',
    brokers: image.brokers.map((r, brokerId) => ({ brokerId, alive: r.epoch >= 0, fenced: r.fenced, inControlledShutdown: r.inControlledShutdown, brokerEpoch: r.epoch })),
  };
}

/** The start of the leader's current epoch: it appends only in its own epoch and never truncates while leading. */
export function leaderEpochStartOffset(r: Replica): number {
  const first = r.log.indexOf(r.leaderEpoch);
  return first < 0 ? r.log.length : first;
}

/**
 * The leader's LeaderEpochFileCache: one entry per run of record epochs, plus (leader epoch, epoch start) that
 * makeLeader assigns before any append (KAFKA-7415). Every other record-less entry a broker once cached is gone
 * by the time it leads again (assign drops entries at or after a later start), so this is the cache itself.
 */
export function leaderEpochCache(r: Replica): EpochEntries {
  return assign(epochEntriesOfLog(r.log), r.leaderEpoch, leaderEpochStartOffset(r));
}

/**
 * A follower's cache as its records imply it. Kafka may also hold an entry for an epoch it led without writing;
 * fetching with that lastFetchedEpoch costs one diverging round that truncates nothing (truncateTo its LEO drops the
 * entry), which this abstraction skips.
 */
export const followerEpochCache = (r: Replica): EpochEntries => epochEntriesOfLog(r.log);

/** Broker b's leader state of its replica r as the rules' LeaderPartition (ISR committed: see HW_RULE_*). */
export function toLeaderPartition(b: number, r: Replica): LeaderPartition {
  return {
    leaderId: b,
    leaderEpoch: r.leaderEpoch,
    partitionEpoch: r.zkVersion,
    replicas: r.replicas,
    isrState: committedIsr(r.isr),
    leaderEpochStartOffset: leaderEpochStartOffset(r),
    logEndOffset: r.log.length,
    highWatermark: r.hw,
    // KIP-903's broker epochs are not sent in this model (-1: "no epoch", never fenced).
    followers: r.replicas.filter((m) => m !== b).map((m) => ({ replicaId: m, state: replicaStateAtFetchOffset(r.followerLeo[m] ?? -1, -1) })),
  };
}

/** The replica after the rules produced a new LeaderPartition (the log itself is the caller's business). */
export function withLeaderPartition(r: Replica, p: LeaderPartition): Replica {
  const followerLeo = r.followerLeo.slice();
  for (const f of p.followers) followerLeo[f.replicaId] = f.state.logEndOffset;
  followerLeo[p.leaderId] = p.logEndOffset;
  const same = followerLeo.every((v, i) => v === r.followerLeo[i]);
  return { ...r, hw: p.highWatermark, isr: p.isrState.isr, zkVersion: p.partitionEpoch, followerLeo: same ? r.followerLeo : followerLeo };
}
