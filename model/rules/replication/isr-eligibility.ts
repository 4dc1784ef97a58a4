// Who may join the ISR, as the partition leader decides it (Partition.isReplicaIsrEligible, isFollowerInSync and
// canAddReplicaToIsr at apache/kafka 1eb7644349cb; the epoch-start rule is Kip320.tla's FencedLeaderExpandIsr).

import { hasReplica, type ReplicaSet } from './replica-set.ts';
import type { FollowerReplica } from './replica-state.ts';

/** One broker as the leader's metadata cache sees it. */
export interface BrokerView {
  readonly brokerId: number;
  /** Registered and alive (KRaft getAliveBrokerEpoch is defined; ZK hasAliveBroker). */
  readonly alive: boolean;
  readonly fenced: boolean;
  readonly inControlledShutdown: boolean;
  /** The registered broker epoch (KRaft); ignored in ZK mode. */
  readonly brokerEpoch: number;
}

/** The leader's metadata cache: KRaft checks fencing, shutdown and broker epochs; ZK only liveness. */
export interface ClusterView {
  readonly mode: 'kraft' | 'zk';
  readonly brokers: readonly BrokerView[];
}

/** KRaft's cached broker epoch for a fetch-fencing check (Replica.updateFetchStateOrThrow); null = no check. */
export function cachedBrokerEpoch(cluster: ClusterView, brokerId: number): number | null {
  if (cluster.mode !== 'kraft') return null;
  const broker = cluster.brokers.find((b) => b.brokerId === brokerId);
  return broker !== undefined && broker.alive ? broker.brokerEpoch : null;
}

/**
 * Partition.isReplicaIsrEligible. KRaft: not fenced, not in controlled shutdown, and both the broker epoch stored
 * from the follower's last Fetch and the cached registration epoch present, the stored one -1 or equal (KIP-903).
 * ZK: alive (the ZK controller rejects shutting-down brokers itself).
 */
export function isReplicaIsrEligible(cluster: ClusterView, follower: FollowerReplica): boolean {
  const broker = cluster.brokers.find((b) => b.brokerId === follower.replicaId);
  if (broker === undefined || !broker.alive) return false;
  if (cluster.mode === 'zk') return true;
  const stored = follower.state.brokerEpoch;
  return !broker.fenced && !broker.inControlledShutdown && stored !== null && (stored === -1 || stored === broker.brokerEpoch);
}

/** The followers that are ISR-eligible now, ascending. */
export function isrEligibleReplicas(cluster: ClusterView, followers: readonly FollowerReplica[]): ReplicaSet {
  return followers
    .filter((f) => isReplicaIsrEligible(cluster, f))
    .map((f) => f.replicaId)
    .sort((a, b) => a - b);
}

/**
 * Partition.isFollowerInSync (the expansion test): the follower's LEO has reached the leader's high watermark AND
 * the start offset of the leader's current epoch — otherwise a follower missing committed records written between
 * the leader's HW and its epoch start could join the ISR and later be elected without them. A negative epoch start
 * means none is known (leaderEpochStartOffsetOpt = None): nobody joins.
 */
export function isFollowerInSync(
  followerLogEndOffset: number,
  leaderHighWatermark: number,
  leaderEpochStartOffset: number,
): boolean {
  return leaderEpochStartOffset >= 0 && followerLogEndOffset >= leaderHighWatermark && followerLogEndOffset >= leaderEpochStartOffset;
}

/** Partition.canAddReplicaToIsr: no AlterPartition in flight, not already in the committed ISR, ISR-eligible. */
export function canAddReplicaToIsr(replicaId: number, isr: ReplicaSet, isInflight: boolean, isrEligible: boolean): boolean {
  return !isInflight && !hasReplica(isr, replicaId) && isrEligible;
}
