// The ZooKeeper-mode controller's events (KafkaController @ 2.8.0), each one atomic step: onControllerFailover,
// processBrokerChange (onBrokerStartup / onBrokerFailure), processZkPartitionReassignment, doControlledShutdown,
// processAlterIsr and the AlterPartitionReassignments cancellation. Each returns the next state or undefined.

import { zkAlterPartition } from '../rules/zk/alter-partition.ts';
import { leaderAndIsrOf, type LeaderAndIsr } from '../rules/zk/zk-state.ts';
import type { ClusterConfig } from './cluster-config.ts';
import { setAt, withBroker, type Broker, type ClusterState, type ControllerContext } from './cluster-state.ts';
import { beginWork, finishWork, isBeingReassigned, liveBrokers, sendLeaderAndIsr, type Work } from './controller-work.ts';
import { createNewPartitions, electForControlledShutdown, electOfflineLeaders, offlinePartitions, removeFromIsr } from './zk-elections.ts';
import { cancelReassignment, maybeCompleteReassignment, onPartitionReassignment, startZkReassignments, zkReassignmentsToStart } from './zk-reassignment.ts';

/** The broker that ZooKeeper names controller, if it has finished its failover and is alive. */
export function activeController(s: ClusterState): number {
  const c = s.zk.tree.controller?.brokerId ?? -1;
  return c >= 0 && s.brokers[c].alive && s.brokers[c].controller?.initialized === true ? c : -1;
}

/** What a broker knows of a partition from LeaderAndIsr it applied (its "metadata"), for failoverReadsZk=false. */
function stateFromBroker(broker: Broker, p: number, zkState: LeaderAndIsr | null): LeaderAndIsr | null {
  const r = broker.replicas[p];
  if (r.leaderEpoch < 0) return zkState;
  return { leader: r.leader, leaderEpoch: r.leaderEpoch, isr: r.isr, leaderRecoveryState: 'RECOVERED', partitionEpoch: r.zkVersion };
}

/**
 * onControllerFailover: initializeControllerContext reads live brokers, assignments and every partition state from
 * ZooKeeper (updateLeaderAndIsrCache); replica and partition state machines start up (LeaderAndIsr to every live
 * replica, new partitions created, offline ones elected in one batch); initializePartitionReassignments resumes.
 */
export function controllerFailover(config: ClusterConfig, s: ClusterState, c: number): ClusterState | undefined {
  const broker = s.brokers[c];
  if (!broker.alive || broker.controller === null || broker.controller.initialized) return undefined;
  const zkStates = s.zk.tree.partitions.map((n) => (n === null ? null : leaderAndIsrOf(n)));
  const ctx: ControllerContext = {
    ...broker.controller,
    initialized: true,
    liveEpochs: s.zk.registrations,
    shuttingDown: [],
    partitions: config.failoverReadsZk ? zkStates : zkStates.map((z, p) => stateFromBroker(broker, p, z)),
    assignment: s.zk.assignment,
  };
  const w = beginWork(config, s, c, ctx);
  // replicaStateMachine.startup: online replicas get LeaderAndIsr, offline ones go OfflineReplica (leave the ISR).
  for (let p = 0; p < config.partitions; p++) sendLeaderAndIsr(w, p);
  ctx.liveEpochs.forEach((e, b) => {
    if (e < 0) removeFromIsr(w, b, w.ctx.assignment.flatMap((a, p) => (a.replicas.includes(b) ? [p] : [])));
  });
  // partitionStateMachine.startup: new partitions are created, offline ones elected in one batch.
  createNewPartitions(w);
  electOfflineLeaders(w, offlinePartitions(w));
  const resumed = [...new Set([...zkReassignmentsToStart(w), ...ctx.assignment.flatMap((a, p) => (isBeingReassigned(a) ? [p] : []))])].sort();
  if (resumed.length > 0 && ctx.epoch >= 2) w.s = { ...w.s, ghosts: { ...w.s.ghosts, failoverResumedReassignment: true } };
  for (const p of resumed) {
    const target = w.s.zk.reassignRequest[p];
    if (target !== null) startZkReassignments(w, [p]);
    else onPartitionReassignment(w, p, w.ctx.assignment[p]);
  }
  return finishWork(w);
}

/** The context is the active controller's only once failover ran; a zombie's context is stale but still acts. */
function workFor(config: ClusterConfig, s: ClusterState, c: number): Work | undefined {
  const broker = s.brokers[c];
  if (!broker.alive || broker.controller === null || !broker.controller.initialized) return undefined;
  return beginWork(config, s, c, broker.controller);
}

/** processBrokerChange: new, bounced and dead brokers from /brokers/ids against the context's live set. */
export function processBrokerChange(config: ClusterConfig, s: ClusterState, c: number): ClusterState | undefined {
  const w = workFor(config, s, c);
  if (w === undefined) return undefined;
  const before = w.ctx.liveEpochs;
  const now = s.zk.registrations;
  const started = now.flatMap((e, b) => (e >= 0 && e !== before[b] ? [b] : []));
  const dead = before.flatMap((e, b) => (e >= 0 && e !== now[b] ? [b] : []));
  if (started.length === 0 && dead.length === 0) return undefined;
  w.ctx = { ...w.ctx, liveEpochs: now, shuttingDown: w.ctx.shuttingDown.filter((b) => !dead.includes(b)) };
  // onBrokerFailure → onReplicasBecomeOffline: one election batch over every partition the dead brokers led,
  // then OfflineReplica for each dead replica (it leaves every ISR it is in).
  if (dead.length > 0) {
    electOfflineLeaders(w, offlinePartitions(w));
    for (const b of dead) removeFromIsr(w, b, w.ctx.assignment.flatMap((a, p) => (a.replicas.includes(b) ? [p] : [])));
  }
  // onBrokerStartup: LeaderAndIsr for every replica on the new brokers, then triggerOnlinePartitionStateChange.
  for (const b of started) for (let p = 0; p < config.partitions; p++) if (w.ctx.assignment[p].replicas.includes(b)) sendLeaderAndIsr(w, p, [b]);
  if (started.length > 0) {
    createNewPartitions(w);
    electOfflineLeaders(w, offlinePartitions(w));
  }
  return finishWork(w);
}

/** The ZK watch on /admin/reassign_partitions fires: processZkPartitionReassignment. */
export function processZkReassignment(config: ClusterConfig, s: ClusterState, c: number): ClusterState | undefined {
  const w = workFor(config, s, c);
  if (w === undefined) return undefined;
  const partitions = zkReassignmentsToStart(w);
  if (partitions.length === 0) return undefined;
  startZkReassignments(w, partitions);
  return finishWork(w);
}

/** doControlledShutdown, then the broker stops (its session closes; processBrokerChange follows). */
export function controlledShutdown(config: ClusterConfig, s: ClusterState, b: number): ClusterState | undefined {
  const c = activeController(s);
  const broker = s.brokers[b];
  if (c < 0 || c === b || s.shutdownsLeft === 0 || !broker.alive || broker.expiryPending) return undefined;
  const w = beginWork(config, s, c, s.brokers[c].controller!);
  if (w.ctx.liveEpochs[b] !== broker.brokerEpoch) return undefined;
  w.ctx = { ...w.ctx, shuttingDown: [...w.ctx.shuttingDown, b].sort() };
  const hosted = w.ctx.assignment.flatMap((a, p) => (a.replicas.length > 1 && a.replicas.includes(b) && w.ctx.partitions[p] !== null ? [p] : []));
  electForControlledShutdown(w, hosted.filter((p) => w.ctx.partitions[p]!.leader === b));
  removeFromIsr(w, b, hosted.filter((p) => w.ctx.partitions[p]!.leader !== b));
  const next = finishWork(w);
  if (next === undefined) return undefined;
  return stopBroker({ ...next, shutdownsLeft: next.shutdownsLeft - 1 }, b);
}

/** A broker stops (crash or after controlled shutdown): its session closes, so /brokers/ids/<b> and an owned /controller go. */
export function stopBroker(s: ClusterState, b: number): ClusterState {
  const broker = s.brokers[b];
  const session = s.zk.sessions[b];
  const tree = s.zk.tree.controller?.ephemeralOwner === session ? { ...s.zk.tree, controller: null } : s.zk.tree;
  const replicas = broker.replicas.map((r) => ({ ...r, leaderEpoch: -1, leader: -1, isr: [], replicas: [], zkVersion: -1, hw: 0, followerLeo: [] }));
  const zk = { ...s.zk, tree, sessions: setAt(s.zk.sessions, b, 0), registrations: setAt(s.zk.registrations, b, -1) };
  const stopped: Broker = { ...broker, alive: false, expiryPending: false, controller: null, epochRead: null, seenControllerEpoch: 0, replicas };
  return withBroker({ ...s, zk, queues: setAt(s.queues, b, []) }, b, stopped);
}

/** processAlterIsr on the active controller (rules/zk zkAlterPartition), then maybeCompleteReassignment. */
export function alterPartition(config: ClusterConfig, s: ClusterState, leader: number, p: number, newIsr: readonly number[]): { s: ClusterState; accepted: LeaderAndIsr | null } | undefined {
  const c = activeController(s);
  if (c < 0) return undefined;
  const ctx = s.brokers[c].controller!;
  const r = s.brokers[leader].replicas[p];
  const view = { isActive: true, epoch: ctx.epoch, epochZkVersion: ctx.epochZkVersion, liveBrokers: liveBrokers(ctx).map((b) => ({ brokerId: b, brokerEpoch: ctx.liveEpochs[b] })), shuttingDown: ctx.shuttingDown, partitions: ctx.partitions };
  const request = { brokerId: leader, brokerEpoch: s.brokers[leader].brokerEpoch, version: 2, partitions: [{ partition: p, leaderEpoch: r.leaderEpoch, partitionEpoch: r.zkVersion, newIsr, leaderRecoveryState: 0 }] };
  const result = zkAlterPartition(s.zk.tree, view, request);
  const w = beginWork(config, { ...s, zk: { ...s.zk, tree: result.zk } }, c, ctx);
  if (result.controllerMoved) w.moved = true;
  const item = result.partitions[0];
  const accepted = item !== undefined && item.error === 'NONE' ? item.leaderAndIsr : null;
  if (accepted !== null && result.updated.length > 0) {
    w.ctx = { ...w.ctx, partitions: setAt(w.ctx.partitions, p, accepted) };
    maybeCompleteReassignment(w, p);
  }
  const next = finishWork(w);
  return next === undefined ? undefined : { s: next, accepted };
}

/** AlterPartitionReassignments with a null target for `p`, at the active controller. */
export function cancel(config: ClusterConfig, s: ClusterState, p: number): ClusterState | undefined {
  const c = activeController(s);
  if (c < 0 || s.cancellationsLeft === 0 || !isBeingReassigned(s.brokers[c].controller!.assignment[p])) return undefined;
  const w = beginWork(config, s, c, s.brokers[c].controller!);
  cancelReassignment(w, p);
  const next = finishWork(w);
  return next === undefined ? undefined : { ...next, cancellationsLeft: next.cancellationsLeft - 1 };
}
