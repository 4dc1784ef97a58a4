// One controller event as a unit of work (Kafka's ControllerEventManager runs one event at a time): the
// controller's fenced ZooKeeper writes (rules/zk: KAFKA-6082 epoch check + per-partition CAS), its context
// updates, and the LeaderAndIsr/StopReplica batch it sends per broker at the end (ControllerBrokerRequestBatch).
// A write that hits ControllerMovedException makes the controller resign and nothing of the batch is sent.

import { fenced } from '../rules/zk/fenced-write.ts';
import { updateLeaderAndIsr, type PartitionWrite } from '../rules/zk/update-leader-and-isr.ts';
import type { LeaderAndIsr } from '../rules/zk/zk-state.ts';
import type { ClusterConfig } from './cluster-config.ts';
import { setAt, withBroker, type Assignment, type ClusterState, type ControllerContext, type PartitionStateEntry } from './cluster-state.ts';

export interface Work {
  readonly config: ClusterConfig;
  readonly c: number;
  /** The state the event started from. */
  readonly start: ClusterState;
  s: ClusterState;
  ctx: ControllerContext;
  /** Per broker, the partition entries of this event's request batch. */
  readonly outbox: PartitionStateEntry[][];
  moved: boolean;
  /** Partitions this event wrote (for the leader-epoch bound). */
  readonly wrote: number[];
}

export function beginWork(config: ClusterConfig, s: ClusterState, c: number, ctx: ControllerContext): Work {
  return { config, c, start: s, s, ctx, outbox: s.brokers.map(() => []), moved: false, wrote: [] };
}

/** Brokers the context holds live and not shutting down (isReplicaOnline). */
export const onlineBrokers = (ctx: ControllerContext): number[] =>
  ctx.liveEpochs.flatMap((e, b) => (e >= 0 && !ctx.shuttingDown.includes(b) ? [b] : []));

export const liveBrokers = (ctx: ControllerContext): number[] => ctx.liveEpochs.flatMap((e, b) => (e >= 0 ? [b] : []));

/** ReplicaAssignment.targetReplicas / originReplicas. */
export const targetOf = (a: Assignment): number[] => a.replicas.filter((r) => !a.removing.includes(r));
export const originOf = (a: Assignment): number[] => a.replicas.filter((r) => !a.adding.includes(r));
export const isBeingReassigned = (a: Assignment): boolean => a.adding.length > 0 || a.removing.length > 0;

/** ReplicaAssignment.reassignTo (Kafka 2.8.0 ReplicaAssignment.scala): RS = (target ++ origin).distinct. */
export function reassignTo(current: Assignment, target: readonly number[]): Assignment {
  const origin = originOf(current);
  const replicas = [...target, ...origin].filter((r, i, all) => all.indexOf(r) === i);
  return { replicas, adding: replicas.filter((r) => !origin.includes(r)), removing: replicas.filter((r) => !target.includes(r)) };
}

/**
 * KafkaZkClient.updateLeaderAndIsr through rules/zk: fenced by /controller_epoch's version and a CAS on each state
 * znode. Returns the partitions written; the context caches what was written (updateLeaderAndIsrCache).
 */
export function writePartitions(w: Work, writes: readonly PartitionWrite[]): number[] {
  if (w.moved || writes.length === 0) return [];
  const result = updateLeaderAndIsr(w.s.zk.tree, writes, w.ctx.epoch, w.ctx.epochZkVersion);
  if (result.type === 'controllerMoved') {
    w.moved = true;
    return [];
  }
  if (result.type === 'zkError') return [];
  w.s = { ...w.s, zk: { ...w.s.zk, tree: result.zk } };
  let partitions = w.ctx.partitions;
  for (const done of result.value.finished) {
    partitions = setAt(partitions, done.partition, done.leaderAndIsr);
    w.wrote.push(done.partition);
  }
  w.ctx = { ...w.ctx, partitions };
  return result.value.finished.map((d) => d.partition);
}

/** setTopicAssignmentRaw with the controller's epochZkVersion (a fenced setData of /brokers/topics/<t>). */
export function writeAssignment(w: Work, p: number, assignment: Assignment): void {
  if (w.moved) return;
  const result = fenced(w.s.zk.tree, w.ctx.epochZkVersion, (tree) => ({ zk: tree, value: true }));
  if (result.type === 'controllerMoved') {
    w.moved = true;
    return;
  }
  w.s = { ...w.s, zk: { ...w.s.zk, assignment: setAt(w.s.zk.assignment, p, assignment) } };
  w.ctx = { ...w.ctx, assignment: setAt(w.ctx.assignment, p, assignment) };
}

/**
 * The write for `p`: its partitionEpoch is the zkVersion the controller read, so the state znode's CAS rejects a
 * write built on a stale read. partitionCas=false (no Kafka release; see the stale-isr presets) writes blindly.
 */
export function stateForWrite(w: Work, p: number, next: LeaderAndIsr): PartitionWrite {
  if (w.config.partitionCas) return { partition: p, leaderAndIsr: next };
  const node = w.s.zk.tree.partitions[p] ?? null;
  return { partition: p, leaderAndIsr: node === null ? next : { ...next, partitionEpoch: node.version } };
}

function addEntry(w: Work, b: number, entry: PartitionStateEntry): void {
  const box = w.outbox[b];
  const i = box.findIndex((e) => e.partition === entry.partition);
  if (i >= 0) box[i] = entry;
  else box.push(entry);
}

/** addLeaderAndIsrRequestForBrokers: the partition's current state to every live replica in RS (or `to`). */
export function sendLeaderAndIsr(w: Work, p: number, to?: readonly number[]): void {
  const state = w.ctx.partitions[p];
  if (state === null || state === undefined) return;
  const replicas = w.ctx.assignment[p].replicas;
  for (const b of to ?? replicas) {
    if (w.ctx.liveEpochs[b] < 0) continue;
    addEntry(w, b, { partition: p, leader: state.leader, leaderEpoch: state.leaderEpoch, isr: state.isr, replicas, zkVersion: state.partitionEpoch, stop: false });
  }
}

/** addStopReplicaRequestForBrokers(deletePartition = true): the replica deletes its log. */
export function sendStopReplica(w: Work, p: number, b: number): void {
  if (w.ctx.liveEpochs[b] < 0) return;
  addEntry(w, b, { partition: p, leader: -1, leaderEpoch: -2, isr: [], replicas: [], zkVersion: -1, stop: true });
}

/**
 * Ends the event: on ControllerMovedException the controller resigns (onControllerResignation) and sends nothing.
 * Otherwise each broker's entries go out as one request (partitions ascending). Returns undefined when the step
 * leaves the bounds (a queue over maxQueue, a leader epoch over maxLeaderEpoch): such steps are not explored.
 */
export function finishWork(w: Work): ClusterState | undefined {
  const broker = w.s.brokers[w.c];
  if (w.moved) return withBroker(w.s, w.c, { ...broker, controller: null, epochRead: null });
  for (const p of w.wrote) if ((w.s.zk.tree.partitions[p]?.leaderEpoch ?? 0) > w.config.maxLeaderEpoch) return undefined;
  let queues = w.s.queues;
  for (let b = 0; b < w.outbox.length; b++) {
    const states = w.outbox[b];
    if (states.length === 0) continue;
    if (queues[b].length >= w.config.maxQueue) return undefined;
    states.sort((x, y) => x.partition - y.partition);
    queues = setAt(queues, b, [...queues[b], { controllerEpoch: w.ctx.epoch, brokerEpoch: w.ctx.liveEpochs[b], states }]);
  }
  return withBroker({ ...w.s, queues }, w.c, { ...broker, controller: w.ctx });
}
