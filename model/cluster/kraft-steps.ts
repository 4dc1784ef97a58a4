// controllerMode=kraft, the steps (Kafka 3.9.0-rc3, 41dc4259fdb): broker crash and restart (RegisterBrokerRecord,
// fenced), the heartbeat that unfences a caught-up broker, fencing a broker whose session lapsed, controlled
// shutdown through BrokerHeartbeatManager (wantShutDown → leaders moved off → fenced, then the broker stops),
// an active-controller failover, AlterPartition, and AlterPartitionReassignments (submit, cancel).

import type { LeaderAndIsr } from '../rules/zk/zk-state.ts';
import type { ClusterConfig } from './cluster-config.ts';
import { setAt, withBroker, type Broker, type ClusterState } from './cluster-state.ts';
import {
  cancelPartitionReassignment, changePartitionReassignment, enterControlledShutdown, fenceBroker, kraftAlterPartition, registerBroker, unfenceBroker,
} from './kraft-controller.ts';
import { CONTROLLER_NODES, caughtUpToRegistration, headImage, type KraftCluster } from './kraft-metadata.ts';
import { applyToBroker, commit, withKraft } from './kraft-replay.ts';

/** The broker process stops: its replicas go (the log stays on disk), it replays nothing until it restarts. */
function stop(s: ClusterState, b: number, unclean: boolean): ClusterState {
  const k = s.kraft!;
  const broker = s.brokers[b];
  const replicas = broker.replicas.map((r) => ({ ...r, leaderEpoch: -1, leader: -1, isr: [], replicas: [], zkVersion: -1, hw: 0, followerLeo: [] }));
  const stopped: Broker = { ...broker, alive: false, replicas };
  const next: KraftCluster = {
    ...k,
    replayed: setAt(k.replayed, b, 0),
    wantShutDown: setAt(k.wantShutDown, b, false),
    uncleanStop: setAt(k.uncleanStop, b, unclean),
    failedUnder: setAt(k.failedUnder, b, k.controllerEpoch),
  };
  return withKraft(withBroker(s, b, stopped), next);
}

export function kraftCrash(s: ClusterState, b: number): ClusterState | undefined {
  if (s.crashesLeft === 0 || !s.brokers[b].alive) return undefined;
  return stop({ ...s, crashesLeft: s.crashesLeft - 1 }, b, true);
}

/**
 * Restart: the broker registers a new incarnation (broker epoch + 1; Kafka uses the record's offset, a counter is
 * as unique) and starts fenced. Its ReplicaManager sees metadata only after the initial catch-up to the log's end
 * at registration (BrokerServer waits on BrokerLifecycleManager.initialCatchUpFuture before installing the
 * metadata publishers), so its replicas come from the head image, registration included. It may come before the
 * fence: 3.9.0-rc3 refuses a new incarnation only while the old session is valid (hasValidSession), and with no
 * clock the session may have lapsed before maybeFenceOneStaleBroker runs.
 */
export function kraftRestart(config: ClusterConfig, s: ClusterState, b: number): ClusterState | undefined {
  const broker = s.brokers[b];
  if (broker.alive) return undefined;
  const k = s.kraft!;
  const brokerEpoch = broker.brokerEpoch + 1;
  const records = registerBroker(config, headImage(k), b, brokerEpoch, k.uncleanStop[b]);
  const k1 = { ...k, uncleanStop: setAt(k.uncleanStop, b, false), failedUnder: setAt(k.failedUnder, b, -1) };
  const registered = commit(config, withBroker({ ...s, kraft: k1 }, b, { ...broker, alive: true, brokerEpoch }), records);
  if (registered === undefined) return undefined;
  const k2 = registered.kraft!;
  let s1: ClusterState = { ...registered, kraft: { ...k2, replayed: setAt(k2.replayed, b, k2.tail.length) } };
  headImage(k2).partitions.forEach((reg, p) => {
    s1 = applyToBroker(config, s1, b, p, reg);
  });
  return withKraft(s1, s1.kraft!);
}

/** maybeFenceOneStaleBroker: a stopped broker's session times out; it leaves every ISR and is fenced. */
export function kraftFence(config: ClusterConfig, s: ClusterState, b: number): ClusterState | undefined {
  const head = headImage(s.kraft!);
  const reg = head.brokers[b];
  if (s.brokers[b].alive || reg.epoch < 0 || reg.fenced) return undefined;
  return commit(config, s, fenceBroker(config, head, b));
}

/** A heartbeat from a fenced broker that has replayed its registration: UNFENCED (handleBrokerUnfenced). */
export function kraftHeartbeat(config: ClusterConfig, s: ClusterState, b: number): ClusterState | undefined {
  const k = s.kraft!;
  const head = headImage(k);
  const reg = head.brokers[b];
  if (!s.brokers[b].alive || k.wantShutDown[b] || !reg.fenced || reg.epoch !== s.brokers[b].brokerEpoch || !caughtUpToRegistration(k, b)) return undefined;
  return commit(config, s, unfenceBroker(config, head, b));
}

/** Brokers the heartbeat manager counts active (unfenced, not shutting down), for lowestActiveOffset. */
const active = (k: KraftCluster, head: ReturnType<typeof headImage>, alive: readonly boolean[]): number[] =>
  head.brokers.flatMap((r, b) => (alive[b] && r.epoch >= 0 && !r.fenced && k.shutdownOffset[b] < 0 ? [b] : []));

/**
 * One heartbeat with wantShutDown (BrokerHeartbeatManager.calculateNextBrokerState): UNFENCED with leaderships →
 * CONTROLLED_SHUTDOWN (handleBrokerInControlledShutdown, offset remembered); FENCED, UNFENCED without
 * leaderships, or CONTROLLED_SHUTDOWN with none left once every active broker replayed past the offset →
 * SHUTDOWN_NOW (handleBrokerFenced) and the broker stops cleanly. The first heartbeat spends the budget.
 */
export function kraftControlledShutdown(config: ClusterConfig, s: ClusterState, b: number): ClusterState | undefined {
  const k = s.kraft!;
  if (!s.brokers[b].alive || (!k.wantShutDown[b] && s.shutdownsLeft === 0)) return undefined;
  const head = headImage(k);
  const reg = head.brokers[b];
  if (reg.epoch !== s.brokers[b].brokerEpoch) return undefined;
  const s0 = k.wantShutDown[b] ? s : { ...s, shutdownsLeft: s.shutdownsLeft - 1, kraft: { ...k, wantShutDown: setAt(k.wantShutDown, b, true) } };
  const leads = head.partitions.some((p) => p.leader === b);
  const shutdownNow = (): ClusterState | undefined => {
    const fenced = commit(config, s0, reg.fenced ? [] : fenceBroker(config, head, b));
    if (fenced === undefined) return undefined;
    const k2 = fenced.kraft!;
    return stop({ ...fenced, kraft: { ...k2, shutdownOffset: setAt(k2.shutdownOffset, b, -1) } }, b, false);
  };
  if (reg.fenced) return shutdownNow();
  if (k.shutdownOffset[b] < 0) {
    if (!leads) return shutdownNow();
    const s1 = commit(config, s0, enterControlledShutdown(config, head, b));
    if (s1 === undefined) return undefined;
    const k1 = s1.kraft!;
    return { ...s1, kraft: { ...k1, shutdownOffset: setAt(k1.shutdownOffset, b, k1.tail.length) } };
  }
  const alive = s.brokers.map((x) => x.alive);
  const lowest = Math.min(k.tail.length, ...active(k, head, alive).map((a) => k.replayed[a]));
  if (leads || lowest < k.shutdownOffset[b]) return undefined;
  return shutdownNow();
}

/**
 * The active controller fails over: the next voter wins the quorum election at epoch + 1 (election safety is
 * kraft-quorum's subject) and replays the committed log, which is its whole state; only the heartbeat manager's
 * in-memory state is rebuilt from the registrations (ClusterControlManager.activate: no controlled-shutdown offsets).
 */
export function kraftFailover(s: ClusterState): ClusterState | undefined {
  const k = s.kraft!;
  if (k.failoversLeft === 0) return undefined;
  const current = k.controllers.findIndex((e) => e >= 0);
  const epoch = k.controllerEpoch + 1;
  const controllers = Array.from({ length: CONTROLLER_NODES }, (_, i) => (i === (current + 1) % CONTROLLER_NODES ? epoch : -1));
  const reassigning = headImage(k).partitions.some((p) => p.addingReplicas.length > 0 || p.removingReplicas.length > 0);
  const ghosts = reassigning ? { ...s.ghosts, failoverResumedReassignment: true } : s.ghosts;
  return { ...s, ghosts, kraft: { ...k, controllerEpoch: epoch, controllers, failoversLeft: k.failoversLeft - 1, shutdownOffset: k.shutdownOffset.map(() => -1) } };
}

/** AlterPartition from leader b at the KRaft controller: the records commit, the reply carries the new state. */
export function kraftAlter(config: ClusterConfig, s: ClusterState, leader: number, p: number, newIsr: readonly number[]): { s: ClusterState; accepted: LeaderAndIsr | null } | undefined {
  const r = s.brokers[leader].replicas[p];
  const result = kraftAlterPartition(config, headImage(s.kraft!), p, { brokerId: leader, brokerEpoch: s.brokers[leader].brokerEpoch, leaderEpoch: r.leaderEpoch, partitionEpoch: r.zkVersion, newIsr });
  const next = commit(config, s, result.records);
  if (next === undefined) return undefined;
  const reg = result.partition;
  if (result.error === 'NONE' && reg.leaderEpoch === r.leaderEpoch) {
    return { s: next, accepted: { leader: reg.leader, leaderEpoch: reg.leaderEpoch, isr: reg.isr, leaderRecoveryState: reg.leaderRecoveryState, partitionEpoch: reg.partitionEpoch } };
  }
  if (result.records.length === 0) return { s: next, accepted: null };
  // Written, but the reply moves the leader epoch (a completed reassignment bumps it) or elects another leader
  // (NEW_LEADER_ELECTED): Partition.handleAlterPartitionUpdate ignores it ("stale leader epoch") and the ISR stays
  // pending — the HW waits for the maximal ISR (KIP-497) — until the broker replays the record.
  const broker = next.brokers[leader];
  const maximal = [...r.isr, ...newIsr.filter((m) => !r.isr.includes(m))];
  return { s: withBroker(next, leader, { ...broker, replicas: setAt(broker.replicas, p, { ...broker.replicas[p], isr: maximal }) }), accepted: null };
}

/** AlterPartitionReassignments with the plan's targets (one atomic batch over the partitions). */
export function kraftSubmitReassignment(config: ClusterConfig, s: ClusterState): ClusterState | undefined {
  if (s.reassignmentSubmitted) return undefined;
  const head = headImage(s.kraft!);
  const records = config.targets.flatMap((t, p) => (t === null ? [] : changePartitionReassignment(config, head, p, t)));
  return commit(config, { ...s, reassignmentSubmitted: true }, records);
}

/** AlterPartitionReassignments with no target for p: cancelPartitionReassignment. */
export function kraftCancel(config: ClusterConfig, s: ClusterState, p: number): ClusterState | undefined {
  if (s.cancellationsLeft === 0) return undefined;
  const records = cancelPartitionReassignment(config, headImage(s.kraft!), p);
  if (records === undefined) return undefined;
  return commit(config, { ...s, cancellationsLeft: s.cancellationsLeft - 1 }, records, true);
}
