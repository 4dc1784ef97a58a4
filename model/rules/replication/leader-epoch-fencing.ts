// KIP-320 current-leader-epoch fencing (Kafka ≥ 2.1): Fetch and OffsetsForLeaderEpoch carry the sender's idea of
// the current leader epoch, and the partition checks it first (Partition.checkCurrentLeaderEpoch, apache/kafka
// 1eb7644349cb). Before KIP-320 requests carried none, so a follower acting on stale metadata was served (bug 3).

/** RecordBatch.NO_PARTITION_LEADER_EPOCH: a request without a current leader epoch (Kafka maps -1 to empty). */
export const NO_CURRENT_LEADER_EPOCH = -1;

export type LeaderEpochCheck = 'NONE' | 'FENCED_LEADER_EPOCH' | 'UNKNOWN_LEADER_EPOCH';

/**
 * Partition.checkCurrentLeaderEpoch: no epoch in the request → NONE; the request's epoch below the partition's
 * → FENCED_LEADER_EPOCH (the sender is stale and must wait for new metadata); above → UNKNOWN_LEADER_EPOCH (this
 * broker is stale; the sender retries); equal → NONE.
 */
export function checkCurrentLeaderEpoch(localLeaderEpoch: number, requestCurrentLeaderEpoch: number): LeaderEpochCheck {
  if (requestCurrentLeaderEpoch < 0) return 'NONE';
  if (localLeaderEpoch > requestCurrentLeaderEpoch) return 'FENCED_LEADER_EPOCH';
  if (localLeaderEpoch < requestCurrentLeaderEpoch) return 'UNKNOWN_LEADER_EPOCH';
  return 'NONE';
}

/**
 * The current leader epoch a follower puts in its Fetch / OffsetsForLeaderEpoch requests: the leader epoch of the
 * LeaderAndIsr (or metadata record) it acts on when `fenced` (KIP-320 onwards), else none.
 */
export function requestCurrentLeaderEpoch(fenced: boolean, followerLeaderEpoch: number): number {
  return fenced ? followerLeaderEpoch : NO_CURRENT_LEADER_EPOCH;
}

/**
 * Partition.getLocalLog(requireLeader = true), which gates Fetch from followers and OffsetsForLeaderEpoch: the epoch
 * check first, then NOT_LEADER_OR_FOLLOWER when this broker does not consider itself the leader.
 */
export function checkLeaderRequest(
  isLeader: boolean,
  localLeaderEpoch: number,
  requestCurrentLeaderEpoch: number,
): LeaderEpochCheck | 'NOT_LEADER_OR_FOLLOWER' {
  const check = checkCurrentLeaderEpoch(localLeaderEpoch, requestCurrentLeaderEpoch);
  if (check !== 'NONE') return check;
  return isLeader ? 'NONE' : 'NOT_LEADER_OR_FOLLOWER';
}
