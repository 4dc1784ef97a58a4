// Partition reassignment in the ZooKeeper-mode controller, KafkaController.onPartitionReassignment @ 2.8.0
// (KIP-455): phase A writes RS = TRS + ORS with AR/RR and starts the adding replicas; phase B, once the target
// replicas are all in the ISR, moves the leader into TRS (rules/zk moveReassignedPartitionLeaderIfRequired),
// drops RR from the ISR and deletes them, writes RS = TRS and clears /admin/reassign_partitions for the partition.

import { moveReassignedPartitionLeaderIfRequired } from '../rules/zk/reassigned-partition-leader.ts';
import { leaderAndIsrOf } from '../rules/zk/zk-state.ts';
import { setAt, type Assignment } from './cluster-state.ts';
import {
  isBeingReassigned, onlineBrokers, originOf, reassignTo, sendLeaderAndIsr, sendStopReplica, stateForWrite, targetOf, writeAssignment, writePartitions, type Work,
} from './controller-work.ts';
import { readForElection, removeFromIsr } from './zk-elections.ts';

const sameList = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const sameAssignment = (a: Assignment, b: Assignment): boolean => sameList(a.replicas, b.replicas) && sameList(a.adding, b.adding) && sameList(a.removing, b.removing);

/**
 * isReassignmentComplete reads the ISR from ZooKeeper: complete when every target replica is in it (2.8.0). The
 * `adding-in-isr` rule asks only for the adding replicas — KRaft's PartitionReassignmentReplicas
 * .maybeCompleteReassignment before KAFKA-15665 (fixed in 3.7.1/3.8.0, commit 6dce7dce4b6).
 */
export function isReassignmentComplete(w: Work, p: number, a: Assignment): boolean {
  if (!isBeingReassigned(a)) return true;
  const node = w.s.zk.tree.partitions[p] ?? null;
  if (node === null) return false;
  const required = w.config.reassignmentCompletion === 'all-target-in-isr' ? targetOf(a) : a.adding;
  return required.every((r) => node.isr.includes(r));
}

/** stopRemovedReplicasOfReassignedPartition: OfflineReplica (leave the ISR), then StopReplica(delete = true). */
function stopRemovedReplicas(w: Work, p: number, removed: readonly number[]): void {
  for (const r of removed) {
    removeFromIsr(w, r, [p]);
    sendStopReplica(w, p, r);
  }
}

/** updateLeaderEpochAndSendRequest: bump the leader epoch in ZK so the next LeaderAndIsr carries the new RS. */
function updateLeaderEpochAndSend(w: Work, p: number): void {
  const current = readForElection(w, p);
  if (current === null) return;
  for (const done of writePartitions(w, [stateForWrite(w, p, { ...current, leaderEpoch: current.leaderEpoch + 1 })])) sendLeaderAndIsr(w, done);
}

export function onPartitionReassignment(w: Work, p: number, reassignment: Assignment): void {
  // updateCurrentReassignment: U1/U2 write the new RS/AR/RR; replicas a superseded reassignment was adding stop.
  const current = w.ctx.assignment[p];
  if (!sameAssignment(current, reassignment)) {
    writeAssignment(w, p, reassignment);
    stopRemovedReplicas(w, p, current.replicas.filter((r) => !reassignment.replicas.includes(r)));
  }
  if (w.moved) return;
  if (!isReassignmentComplete(w, p, reassignment)) {
    updateLeaderEpochAndSend(w, p); // A1 (the adding replicas are in RS, so they get it: A2 NewReplica)
    return;
  }
  const target = targetOf(reassignment);
  const completed: Assignment = { replicas: target, adding: [], removing: [] };
  w.ctx = { ...w.ctx, assignment: setAt(w.ctx.assignment, p, completed) }; // B2
  const node = w.s.zk.tree.partitions[p] ?? null;
  if (node !== null) {
    const moved = moveReassignedPartitionLeaderIfRequired(leaderAndIsrOf(node), target, onlineBrokers(w.ctx)); // B3
    if (moved !== null) for (const done of writePartitions(w, [stateForWrite(w, p, moved)])) sendLeaderAndIsr(w, done, reassignment.replicas);
  }
  stopRemovedReplicas(w, p, reassignment.removing); // B4, B5
  writeAssignment(w, p, completed); // B6
  if (w.moved) return;
  w.s = { ...w.s, zk: { ...w.s.zk, reassignRequest: setAt(w.s.zk.reassignRequest, p, null) } }; // B7
  const done = w.s.ghosts.reassignmentsDone + (isBeingReassigned(reassignment) ? 1 : 0);
  w.s = { ...w.s, ghosts: { ...w.s.ghosts, reassignmentsDone: done } };
}

/** processZkPartitionReassignment: every partition named in /admin/reassign_partitions whose target is new. */
export function zkReassignmentsToStart(w: Work): number[] {
  return w.s.zk.reassignRequest.flatMap((target, p) => {
    if (target === null) return [];
    const a = w.ctx.assignment[p];
    return isBeingReassigned(a) && sameList(targetOf(a), target) ? [] : [p];
  });
}

export function startZkReassignments(w: Work, partitions: readonly number[]): void {
  for (const p of partitions) {
    const target = w.s.zk.reassignRequest[p];
    if (target !== null) onPartitionReassignment(w, p, reassignTo(w.ctx.assignment[p], target));
  }
}

/** maybeCompleteReassignment, run after a successful AlterPartition for a reassigning partition. */
export function maybeCompleteReassignment(w: Work, p: number): void {
  const a = w.ctx.assignment[p];
  if (isBeingReassigned(a) && isReassignmentComplete(w, p, a)) onPartitionReassignment(w, p, a);
}

/** Cancellation through AlterPartitionReassignments (target None): back to the origin replicas (2.8.0). */
export function cancelReassignment(w: Work, p: number): void {
  w.s = { ...w.s, zk: { ...w.s.zk, reassignRequest: setAt(w.s.zk.reassignRequest, p, null) } }; // maybeRemoveFromZkReassignment
  onPartitionReassignment(w, p, reassignTo(w.ctx.assignment[p], originOf(w.ctx.assignment[p])));
}
