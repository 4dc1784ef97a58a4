// The partition-state write that completes a ZK reassignment once every target replica is in the ISR:
// KafkaController.moveReassignedPartitionLeaderIfRequired (+ updateLeaderEpoch) @ apache/kafka 1.1 (unchanged in
// shape up to the ZK controller's removal). A reassignment that only reorders the replicas lands here directly.
import { leaderForReassign } from './election.ts';
import type { LeaderAndIsr } from './zk-state.ts';

/**
 * The new LeaderAndIsr to write, or null when no leader can be chosen. A leader outside the target replicas, or a
 * dead one, is replaced with ReassignPartitionLeaderElectionStrategy (leaderForReassign). A live leader that stays
 * keeps its place, but Kafka still bumps the leader epoch ("increment the leader epoch even if there are no leader
 * or isr changes to allow the leader to cache the expanded assigned replica list") and sends LeaderAndIsr.
 * partitionEpoch is left as read: it is the expected zkVersion of the write.
 */
export function moveReassignedPartitionLeaderIfRequired(
  current: LeaderAndIsr,
  reassignedReplicas: readonly number[],
  online: readonly number[],
): LeaderAndIsr | null {
  if (!reassignedReplicas.includes(current.leader) || !online.includes(current.leader)) {
    return leaderForReassign(current, { targetReplicas: reassignedReplicas, online });
  }
  return { ...current, leaderEpoch: current.leaderEpoch + 1 };
}
