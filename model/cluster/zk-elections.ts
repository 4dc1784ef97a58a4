// The ZooKeeper-mode controller's batch state changes over many partitions, as PartitionStateMachine and
// ReplicaStateMachine run them (Kafka 2.8.0): new partitions get their first leader, offline partitions one
// election each in ONE fenced write, a dead or shutting-down replica leaves every ISR it is in. The choosers and
// state arithmetic are rules/zk's (Election.scala, doRemoveReplicasFromIsr); this file only batches them.

import { leaderForControlledShutdown, leaderForOffline } from '../rules/zk/election.ts';
import { readPartitionForElection } from '../rules/zk/read-partition-for-election.ts';
import { removeReplicaFromIsr } from '../rules/zk/remove-replica-from-isr.ts';
import { createTopicPartitionStates, type PartitionWrite } from '../rules/zk/update-leader-and-isr.ts';
import type { LeaderAndIsr } from '../rules/zk/zk-state.ts';
import { setAt } from './cluster-state.ts';
import { liveBrokers, onlineBrokers, sendLeaderAndIsr, stateForWrite, writePartitions, type Work } from './controller-work.ts';

/**
 * doElectLeaderForPartitions reads each state znode before electing (getTopicPartitionStatesRaw) and skips one a
 * newer controller wrote. failoverReadsZk=false trusts the context instead (the stale-isr presets).
 */
export function readForElection(w: Work, p: number): LeaderAndIsr | null {
  if (!w.config.failoverReadsZk) return w.ctx.partitions[p] ?? null;
  const read = readPartitionForElection(w.s.zk.tree, p, w.ctx.epoch);
  return read.type === 'ok' ? read.leaderAndIsr : null;
}

/** Partitions whose leader the context holds offline: OfflinePartition → OnlinePartition candidates. */
export function offlinePartitions(w: Work): number[] {
  const online = onlineBrokers(w.ctx);
  return w.ctx.partitions.flatMap((state, p) => (state !== null && !online.includes(state.leader) ? [p] : []));
}

/** initializeLeaderAndIsrForPartitions: leader = first live replica, ISR = the live replicas; a fenced create. */
export function createNewPartitions(w: Work): void {
  if (w.moved) return;
  const online = onlineBrokers(w.ctx);
  const creates: PartitionWrite[] = [];
  w.ctx.assignment.forEach((a, p) => {
    if (w.ctx.partitions[p] !== null) return;
    const live = a.replicas.filter((r) => online.includes(r));
    if (live.length === 0) return;
    creates.push({ partition: p, leaderAndIsr: { leader: live[0], leaderEpoch: 0, isr: live, leaderRecoveryState: 'RECOVERED', partitionEpoch: 0 } });
  });
  if (creates.length === 0) return;
  const result = createTopicPartitionStates(w.s.zk.tree, creates, w.ctx.epoch, w.ctx.epochZkVersion);
  if (result.type === 'controllerMoved') {
    w.moved = true;
    return;
  }
  if (result.type !== 'ok') return;
  w.s = { ...w.s, zk: { ...w.s.zk, tree: result.zk } };
  for (const done of result.value.created) {
    w.ctx = { ...w.ctx, partitions: setAt(w.ctx.partitions, done.partition, done.leaderAndIsr) };
    sendLeaderAndIsr(w, done.partition);
  }
}

/** OfflinePartitionLeaderElectionStrategy(allowUnclean = false) over `partitions`, written as one batch. */
export function electOfflineLeaders(w: Work, partitions: readonly number[]): void {
  const online = onlineBrokers(w.ctx);
  const writes: PartitionWrite[] = [];
  const writtenBy: number[] = [];
  for (const p of partitions) {
    const current = readForElection(w, p);
    if (current === null) continue;
    const elected = leaderForOffline(current, { assignment: w.ctx.assignment[p].replicas, online, uncleanLeaderElectionEnabled: false, isLeaderRecoverySupported: true });
    if (elected.leaderAndIsr === null) continue;
    writes.push(stateForWrite(w, p, elected.leaderAndIsr));
    writtenBy[p] = w.start.zk.tree.partitions[p]?.controllerEpoch ?? 0;
  }
  for (const p of writePartitions(w, writes)) {
    sendLeaderAndIsr(w, p);
    // Witness: a controller finishing an election that an earlier controller's failure left undone.
    if (w.ctx.epoch >= 2 && writtenBy[p] < w.ctx.epoch) w.s = { ...w.s, ghosts: { ...w.s.ghosts, failoverElected: true } };
  }
}

/** ControlledShutdownPartitionLeaderElectionStrategy for the partitions `b` leads; the ISR drops shutting-down brokers. */
export function electForControlledShutdown(w: Work, partitions: readonly number[]): void {
  const writes: PartitionWrite[] = [];
  for (const p of partitions) {
    const current = readForElection(w, p);
    if (current === null) continue;
    const next = leaderForControlledShutdown(current, { assignment: w.ctx.assignment[p].replicas, onlineOrShuttingDown: liveBrokers(w.ctx), shuttingDown: w.ctx.shuttingDown });
    if (next !== null) writes.push(stateForWrite(w, p, next));
  }
  for (const p of writePartitions(w, writes)) sendLeaderAndIsr(w, p);
}

/** The OfflineReplica transition: `b` leaves the ISR of `partitions` (re-read from ZK); the rest are told. */
export function removeFromIsr(w: Work, b: number, partitions: readonly number[]): void {
  const writes: PartitionWrite[] = [];
  for (const p of partitions) {
    const current = readForElection(w, p);
    if (current === null) continue;
    const next = removeReplicaFromIsr(current, b);
    if (next !== null) writes.push(stateForWrite(w, p, next));
  }
  for (const p of writePartitions(w, writes)) sendLeaderAndIsr(w, p, w.ctx.assignment[p].replicas.filter((r) => r !== b));
}
