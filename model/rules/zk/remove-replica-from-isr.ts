// The OfflineReplica transition's ZK write: ReplicaStateMachine.doRemoveReplicasFromIsr @ apache/kafka
// 7c429f3514d^. In ZK mode the ISR never becomes empty: its last member stays, so it can be re-elected cleanly.
import { NO_LEADER, type LeaderAndIsr } from './zk-state.ts';

/**
 * The new state for a partition whose replica `replicaId` went offline, or null when the replica is not in the
 * ISR (Kafka then writes nothing). The replica leaves the ISR unless it is its only member; if it was the leader,
 * the leader becomes NO_LEADER (-1). Kafka builds the state with LeaderAndIsr.newLeaderAndIsr, so the leader epoch
 * goes up by one whenever a write happens — also when a mere follower leaves the ISR (the reference's wording
 * "bumped if it was the leader" is narrower than the code, which this follows).
 */
export function removeReplicaFromIsr(current: LeaderAndIsr, replicaId: number): LeaderAndIsr | null {
  if (!current.isr.includes(replicaId)) return null;
  const leader = current.leader === replicaId ? NO_LEADER : current.leader;
  const isr = current.isr.length === 1 ? current.isr : current.isr.filter((r) => r !== replicaId);
  return { ...current, leader, isr, leaderEpoch: current.leaderEpoch + 1 };
}
