// A partition as its leader sees it, with Kafka's leader-side steps as pure transitions: makeLeader, follower fetch
// bookkeeping (+ ISR expansion + HW), periodic ISR shrink, append, AlterPartition completion (kafka.cluster.Partition
// at apache/kafka 1eb7644349cb). Log contents stay with the caller; this tracks only the leader's offsets.

import { appendAdmission, type Acks, type AppendAdmission } from './produce-acks.ts';
import { handleAlterPartitionResponse, type AlterPartitionOutcome, type AlterPartitionResponse } from './alter-partition-response.ts';
import { committedIsr, maximalIsr, maybeExpandIsr, maybeShrinkIsr, type IsrState } from './isr-state.ts';
import { cachedBrokerEpoch, isReplicaIsrEligible, isrEligibleReplicas, type ClusterView } from './isr-eligibility.ts';
import { effectiveMinIsr, HW_RULE_CURRENT, maybeIncrementLeaderHW, type HighWatermarkRule } from './leader-high-watermark.ts';
import { EMPTY_REPLICA_STATE, resetReplicaState, updateFetchState, type FollowerFetch, type FollowerReplica } from './replica-state.ts';
import { hasReplica, replicaSet, type ReplicaSet } from './replica-set.ts';

export interface LeaderPartition {
  readonly leaderId: number;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  /** Assigned replicas in assignment order, leader included. */
  readonly replicas: readonly number[];
  readonly isrState: IsrState;
  /** The leader's LEO when its current epoch began; -1 = unknown (no follower may join the ISR). */
  readonly leaderEpochStartOffset: number;
  readonly logEndOffset: number;
  readonly highWatermark: number;
  /** One entry per assigned replica other than the leader, in assignment order. */
  readonly followers: readonly FollowerReplica[];
}

export interface LeaderPartitionConfig {
  readonly minInsyncReplicas: number;
  readonly replicaLagTimeMaxMs: number;
  readonly hwRule: HighWatermarkRule;
}

export const DEFAULT_LEADER_PARTITION_CONFIG: LeaderPartitionConfig = {
  minInsyncReplicas: 1,
  replicaLagTimeMaxMs: 30_000,
  hwRule: HW_RULE_CURRENT,
};

/**
 * The partition with some fields replaced, built from one literal so every LeaderPartition shares a hidden class
 * (object spreads on the model checker's hot path gave megamorphic shapes; see replication-state's patchBroker).
 */
export function patchPartition(p: LeaderPartition, patch: Partial<LeaderPartition>): LeaderPartition {
  return {
    leaderId: patch.leaderId ?? p.leaderId,
    leaderEpoch: patch.leaderEpoch ?? p.leaderEpoch,
    partitionEpoch: patch.partitionEpoch ?? p.partitionEpoch,
    replicas: patch.replicas ?? p.replicas,
    isrState: patch.isrState ?? p.isrState,
    leaderEpochStartOffset: patch.leaderEpochStartOffset ?? p.leaderEpochStartOffset,
    logEndOffset: patch.logEndOffset ?? p.logEndOffset,
    highWatermark: patch.highWatermark ?? p.highWatermark,
    followers: patch.followers ?? p.followers,
  };
}

/** The partition state a LeaderAndIsr request (or KRaft partition record) hands the leader. */
export interface LeaderAndIsr {
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  readonly isr: readonly number[];
  readonly replicas: readonly number[];
}

/** Recompute the HW after something it depends on changed (maybeIncrementLeaderHW). */
export function withIncrementedHW(p: LeaderPartition, nowMs: number, config: LeaderPartitionConfig, cluster: ClusterView): LeaderPartition {
  const highWatermark = maybeIncrementLeaderHW(
    {
      highWatermark: p.highWatermark,
      leaderLogEndOffset: p.logEndOffset,
      isr: p.isrState.isr,
      maximalIsr: maximalIsr(p.isrState),
      followers: p.followers,
      isrEligible: isrEligibleReplicas(cluster, p.followers),
      effectiveMinIsr: effectiveMinIsr(config.minInsyncReplicas, p.replicas.length),
      nowMs,
      replicaLagTimeMaxMs: config.replicaLagTimeMaxMs,
    },
    config.hwRule,
  );
  return highWatermark === p.highWatermark ? p : patchPartition(p, { highWatermark });
}

/**
 * Partition.makeLeader. `previous` is this broker's leader state if it already leads the partition (undefined:
 * it becomes a new leader); `localLeaderEpoch` / `localPartitionEpoch` are the epochs it knows either way. A
 * request with an older partition epoch is skipped (undefined). A new leader epoch starts at the current LEO and
 * resets every follower (resetReplicaState); the same epoch keeps the bookkeeping. The caller assigns
 * (leaderEpoch, leaderEpochStartOffset) in the leader's epoch cache when eraRules(era).assignsEpochOnElection.
 */
export function makeLeader(
  previous: LeaderPartition | undefined,
  localLeaderEpoch: number,
  localPartitionEpoch: number,
  leaderId: number,
  request: LeaderAndIsr,
  log: { readonly logEndOffset: number; readonly highWatermark: number },
  nowMs: number,
  config: LeaderPartitionConfig,
  cluster: ClusterView,
): LeaderPartition | undefined {
  if (request.partitionEpoch < localPartitionEpoch) return undefined;
  const isNewLeader = previous === undefined;
  const isNewLeaderEpoch = request.leaderEpoch > localLeaderEpoch;
  const isr = replicaSet(request.isr);
  const followers = request.replicas
    .filter((id) => id !== leaderId)
    .map((replicaId): FollowerReplica => {
      const prior = previous?.followers.find((f) => f.replicaId === replicaId)?.state ?? EMPTY_REPLICA_STATE;
      const state = isNewLeaderEpoch
        ? resetReplicaState(prior, nowMs, log.logEndOffset, isNewLeader, hasReplica(isr, replicaId))
        : prior;
      return { replicaId, state };
    });
  const partition: LeaderPartition = {
    leaderId,
    leaderEpoch: isNewLeaderEpoch ? request.leaderEpoch : localLeaderEpoch,
    partitionEpoch: request.partitionEpoch,
    replicas: [...request.replicas],
    isrState: committedIsr(isr),
    leaderEpochStartOffset: isNewLeaderEpoch ? log.logEndOffset : (previous?.leaderEpochStartOffset ?? -1),
    logEndOffset: log.logEndOffset,
    highWatermark: log.highWatermark,
    followers,
  };
  return withIncrementedHW(partition, nowMs, config, cluster);
}

export type FollowerFetchResult =
  | { readonly ok: true; readonly partition: LeaderPartition }
  | { readonly ok: false; readonly error: 'NOT_LEADER_OR_FOLLOWER' | 'UNKNOWN_LEADER_EPOCH' };

/**
 * Partition.updateFollowerFetchState for a fetch that passed validation (checkLeaderRequest, validateFetchEpoch)
 * and did not diverge: record the fetch (fenced in KRaft when its broker epoch is stale), try to expand the ISR
 * (eligibility uses the broker epoch this fetch stored), and recompute the HW if the follower's LEO moved. A
 * replica outside the assignment is refused with UNKNOWN_LEADER_EPOCH (Partition.followerReplicaOrThrow; requests
 * without a current leader epoch get NOT_LEADER_OR_FOLLOWER there instead).
 */
export function updateFollowerFetchState(
  p: LeaderPartition,
  replicaId: number,
  fetch: Omit<FollowerFetch, 'leaderEndOffset'>,
  config: LeaderPartitionConfig,
  cluster: ClusterView,
): FollowerFetchResult {
  const index = p.followers.findIndex((f) => f.replicaId === replicaId);
  if (index < 0) return { ok: false, error: 'UNKNOWN_LEADER_EPOCH' };
  const before = p.followers[index].state;
  const request = { fetchOffset: fetch.fetchOffset, logStartOffset: fetch.logStartOffset, fetchTimeMs: fetch.fetchTimeMs, leaderEndOffset: p.logEndOffset, brokerEpoch: fetch.brokerEpoch };
  const update = updateFetchState(before, request, cachedBrokerEpoch(cluster, replicaId));
  if (!update.ok) return update;
  const follower: FollowerReplica = { replicaId, state: update.state };
  const followers = p.followers.slice();
  followers[index] = follower;
  let next = patchPartition(p, { followers });
  const isrState = maybeExpandIsr(
    next.isrState,
    replicaId,
    update.state.logEndOffset,
    next.highWatermark,
    next.leaderEpochStartOffset,
    isReplicaIsrEligible(cluster, follower),
  );
  if (isrState !== next.isrState) next = patchPartition(next, { isrState });
  if (before.logEndOffset !== update.state.logEndOffset) next = withIncrementedHW(next, fetch.fetchTimeMs, config, cluster);
  return { ok: true, partition: next };
}

/** The periodic ISR check (Partition.maybeShrinkIsr); a shrink becomes a pending AlterPartition. */
export function shrinkIsrIfNeeded(p: LeaderPartition, nowMs: number, config: LeaderPartitionConfig): LeaderPartition {
  const isrState = maybeShrinkIsr(p.isrState, p.leaderId, p.followers, p.logEndOffset, nowMs, config.replicaLagTimeMaxMs);
  return isrState === p.isrState ? p : patchPartition(p, { isrState });
}

export interface AppendResult {
  readonly admission: AppendAdmission;
  readonly partition: LeaderPartition;
  /** The offset the HW must reach for acks=all (last appended offset + 1); the LEO before when rejected. */
  readonly requiredOffset: number;
}

/** Partition.appendRecordsToLeader of `recordCount` records, then maybeIncrementLeaderHW (the ISR may be just the leader). */
export function appendRecordsToLeader(
  p: LeaderPartition,
  acks: Acks,
  recordCount: number,
  nowMs: number,
  config: LeaderPartitionConfig,
  cluster: ClusterView,
): AppendResult {
  const admission = appendAdmission(acks, p.isrState.isr.length, effectiveMinIsr(config.minInsyncReplicas, p.replicas.length));
  if (admission !== 'APPEND') return { admission, partition: p, requiredOffset: p.logEndOffset };
  const appended = patchPartition(p, { logEndOffset: p.logEndOffset + recordCount });
  return { admission, partition: withIncrementedHW(appended, nowMs, config, cluster), requiredOffset: appended.logEndOffset };
}

/** The AlterPartition request for the pending change, or undefined when nothing is pending. */
export function alterPartitionRequest(
  p: LeaderPartition,
): { readonly leaderId: number; readonly leaderEpoch: number; readonly partitionEpoch: number; readonly newIsr: ReplicaSet } | undefined {
  if (p.isrState.kind === 'committed') return undefined;
  return { leaderId: p.leaderId, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: p.isrState.proposedIsr };
}

/**
 * The controller's answer arrives for `proposal`; a commit is followed by maybeIncrementLeaderHW unless
 * `incrementHighWatermark` is off (2.7–3.0's handleAlterIsrResponse, KAFKA-13091).
 */
export function completeAlterPartition(
  p: LeaderPartition,
  proposal: IsrState,
  response: AlterPartitionResponse,
  nowMs: number,
  config: LeaderPartitionConfig,
  cluster: ClusterView,
  incrementHighWatermark = true,
): { readonly outcome: AlterPartitionOutcome; readonly partition: LeaderPartition } {
  const handled = handleAlterPartitionResponse(p.isrState, p.leaderEpoch, p.partitionEpoch, proposal, response);
  if (handled.outcome === 'reverted') return { outcome: 'reverted', partition: patchPartition(p, { isrState: handled.isrState }) };
  if (handled.outcome !== 'committed') return { outcome: handled.outcome, partition: p };
  const next = patchPartition(p, { isrState: handled.isrState, partitionEpoch: handled.partitionEpoch });
  return { outcome: 'committed', partition: incrementHighWatermark ? withIncrementedHW(next, nowMs, config, cluster) : next };
}
