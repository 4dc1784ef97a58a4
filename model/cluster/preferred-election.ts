// Preferred-replica leader election in the ZooKeeper-mode controller (Kafka 2.8.0, tag 2.8.0 = ebb1d6e21cc):
// KafkaController.onReplicaElection(partitions, PREFERRED, trigger) runs PartitionStateMachine.handleStateChanges
// to OnlinePartition with PreferredReplicaPartitionLeaderElectionStrategy — the same read-then-elect-then-CAS batch
// as an offline election, but with rules/zk's leaderForPreferredReplica ("the preferred replica or nothing").

import { leaderForPreferredReplica } from '../rules/zk/election.ts';
import type { PartitionWrite } from '../rules/zk/update-leader-and-isr.ts';
import { onlineBrokers, sendLeaderAndIsr, stateForWrite, writePartitions, type Work } from './controller-work.ts';
import { readForElection } from './zk-elections.ts';

/** Who asked: the scheduled auto-leader-rebalance task, or an admin's ElectLeaders(PREFERRED) request. */
export type ElectionTrigger = 'auto' | 'admin';

/**
 * doElectLeaderForPartitions for the preferred strategy: each partition's state is re-read from ZooKeeper
 * (getTopicPartitionStatesRaw; a znode a newer controller wrote is skipped), the chooser runs on *that* ISR and
 * the context's liveness (isReplicaOnline), and the winners are written in one fenced batch. The LeaderAndIsr
 * goes to every assigned replica (ElectionResult.liveReplicas is the whole assignment for this strategy).
 */
export function electPreferredLeaders(w: Work, partitions: readonly number[], trigger: ElectionTrigger): void {
  const online = onlineBrokers(w.ctx);
  const writes: PartitionWrite[] = [];
  let futile = false;
  for (const p of partitions) {
    const current = readForElection(w, p);
    if (current === null) continue;
    const elected = leaderForPreferredReplica(current, { assignment: w.ctx.assignment[p].replicas, online });
    // StateChangeFailedException "Failed to elect leader … preferred replica not in ISR / offline": logged as an
    // error for an automatic election, returned as PREFERRED_LEADER_NOT_AVAILABLE to an admin.
    if (elected === null) futile ||= trigger === 'auto';
    else writes.push(stateForWrite(w, p, elected));
  }
  if (futile) w.s = { ...w.s, ghosts: { ...w.s.ghosts, futilePreferredElection: true } };
  for (const p of writePartitions(w, writes)) {
    sendLeaderAndIsr(w, p);
    w.s = { ...w.s, ghosts: { ...w.s.ghosts, preferredRestored: true } };
  }
}

/** The partitions whose context leader is not their preferred (first assigned) replica. */
export function notOnPreferred(w: Work): number[] {
  return w.ctx.partitions.flatMap((state, p) => (state !== null && state.leader !== w.ctx.assignment[p].replicas[0] ? [p] : []));
}

/**
 * canPreferredReplicaBeLeader (KAFKA-9866, 2.6.0, commit db9e55a50f9): the chooser run on the *context's* ISR.
 * Without it (rebalanceChecksIsr=false) the pre-2.6 filter only asked that the preferred broker be online.
 */
export function canPreferredReplicaBeLeader(w: Work, p: number): boolean {
  const state = w.ctx.partitions[p];
  const assignment = w.ctx.assignment[p].replicas;
  if (state === null) return false;
  const online = onlineBrokers(w.ctx);
  if (!w.config.rebalanceChecksIsr) return online.includes(assignment[0]);
  return leaderForPreferredReplica(state, { assignment, online }) !== null;
}
