// What brokers do with their replicas: apply the head of their controller request queue (rules/zk fencing:
// broker epoch, controller epoch, per-partition leader epoch), produce on a leader (acks=all, refused below
// min.insync.replicas) and ISR changes sent to the active controller as AlterPartition (KIP-497); the fetch is
// follower-fetch.ts. Leader bookkeeping, ISR rules and the HW are rules/replication's (cluster-leader-partition.ts).

import { isReplicaIsrEligible } from '../rules/replication/isr-eligibility.ts';
import { getOutOfSyncReplicas, maybeExpandIsr } from '../rules/replication/isr-state.ts';
import { effectiveMinIsr } from '../rules/replication/leader-high-watermark.ts';
import { alterPartitionRequest, withIncrementedHW } from '../rules/replication/leader-partition.ts';
import { appendAdmission } from '../rules/replication/produce-acks.ts';
import { CLOCKLESS_NOW_MS } from '../rules/replication/replica-state.ts';
import { checkControlRequest, leaderAndIsrPartitionCheck } from '../rules/zk/broker-request-checks.ts';
import type { ClusterConfig } from './cluster-config.ts';
import { clusterPartitionConfig, leaderClusterView, toLeaderPartition } from './cluster-leader-partition.ts';
import { NO_REPLICA, setAt, withBroker, type ClusterState, type PartitionStateEntry, type Replica } from './cluster-state.ts';
import { alterPartition } from './zk-controller-events.ts';

/** becomeLeaderOrFollower for one partition entry, after the request-level checks passed. */
function applyEntry(b: number, r: Replica, e: PartitionStateEntry, brokers: number): Replica {
  if (e.stop) return NO_REPLICA; // StopReplica(delete = true): the replica and its log are gone
  const decision = leaderAndIsrPartitionCheck({ requestLeaderEpoch: e.leaderEpoch, currentLeaderEpoch: r.leaderEpoch, fromKRaftController: false, localIsLeader: e.leader === b, localInReplicas: e.replicas.includes(b) });
  if (decision.kind !== 'apply') return r;
  return becomeLeaderOrFollower(b, r, e, brokers);
}

/** makeLeader / makeFollower at a new leader epoch (also KRaft's metadata replay, kraft-replay.ts). */
export function becomeLeaderOrFollower(b: number, r: Replica, e: Omit<PartitionStateEntry, 'partition' | 'stop'>, brokers: number): Replica {
  // The HW is tracked on leaders only: a new leader starts from 0 and recomputes it from its followers' fetches
  // (Kafka starts from its follower HW, which is no higher; the HW gates nothing else modelled here).
  const base = { leaderEpoch: e.leaderEpoch, leader: e.leader, isr: e.isr, replicas: e.replicas, zkVersion: e.zkVersion, log: r.log, hw: 0 };
  if (e.leader !== b) return { ...base, followerLeo: [] };
  // makeLeader: follower fetch state is reset; the leader knows only its own log end offset.
  return { ...base, followerLeo: Array.from({ length: brokers }, (_, f) => (f === b ? r.log.length : -1)) };
}

export function deliverRequest(s: ClusterState, b: number): ClusterState | undefined {
  const queue = s.queues[b];
  const broker = s.brokers[b];
  if (queue.length === 0 || !broker.alive) return undefined;
  const [request, ...rest] = queue;
  const popped = { ...s, queues: setAt(s.queues, b, rest) };
  const check = checkControlRequest({ brokerEpoch: broker.brokerEpoch, controllerEpoch: broker.seenControllerEpoch }, request);
  if (check.error !== 'NONE') return popped;
  let replicas = broker.replicas;
  for (const e of request.states) replicas = setAt(replicas, e.partition, applyEntry(b, replicas[e.partition], e, s.brokers.length));
  return withBroker(popped, b, { ...broker, seenControllerEpoch: check.controllerEpoch, replicas });
}

export const leads = (s: ClusterState, b: number, p: number): boolean => {
  const broker = s.brokers[b];
  return broker.alive && broker.replicas[p].leaderEpoch >= 0 && broker.replicas[p].leader === b;
};

/** The leader's HW over its ISR (rules' withIncrementedHW); newly committed records join the ghost history. */
export function advanceHw(s: ClusterState, b: number, p: number, r: Replica, config: ClusterConfig): ClusterState {
  const { highWatermark: hw } = withIncrementedHW(toLeaderPartition(b, r), CLOCKLESS_NOW_MS, clusterPartitionConfig(config), leaderClusterView(s, b));
  const next = withBroker(s, b, { ...s.brokers[b], replicas: setAt(s.brokers[b].replicas, p, { ...r, hw }) });
  const committed = s.ghosts.committed[p];
  const prefix = r.log.slice(0, Math.min(hw, committed.length));
  if (prefix.some((e, i) => e !== committed[i])) return { ...next, ghosts: { ...next.ghosts, committedOverwritten: true } };
  if (hw <= committed.length) return next;
  return { ...next, ghosts: { ...next.ghosts, committed: setAt(next.ghosts.committed, p, r.log.slice(0, hw)) } };
}

export function produce(config: ClusterConfig, s: ClusterState, b: number, p: number): ClusterState | undefined {
  if (!leads(s, b, p) || s.ghosts.produced[p] >= config.records) return undefined;
  const r = s.brokers[b].replicas[p];
  // appendRecordsToLeader, acks=all: 2.8.0 compares the ISR with min.insync.replicas itself; 3.9 (kraft mode) with
  // effectiveMinIsr, min(min.insync.replicas, replicas) (edc7e10a745, 3.7).
  const minIsr = config.controllerMode === 'kraft' ? effectiveMinIsr(config.minInsyncReplicas, r.replicas.length) : config.minInsyncReplicas;
  if (appendAdmission(-1, r.isr.length, minIsr) === 'NOT_ENOUGH_REPLICAS') return undefined;
  const log = [...r.log, r.leaderEpoch];
  const followerLeo = setAt(r.followerLeo, b, log.length);
  const next = { ...s, ghosts: { ...s.ghosts, produced: setAt(s.ghosts.produced, p, s.ghosts.produced[p] + 1) } };
  return advanceHw(next, b, p, { ...r, log, followerLeo }, config);
}

/**
 * Partition.maybeShrinkIsr through getOutOfSyncReplicas (rules/replication): an ISR member other than the leader
 * that is not at the leader's LEO once replica.lag.time.max.ms passed. maybeShrinkIsr drops every such member; with
 * no clock any of them may be the one whose lag time ran out first, so the step drops `f` alone. Kafka also drops a
 * member with nothing to fetch that did not fetch within the lag time (2.8.0 isFollowerOutOfSync: its LEO, Unknown
 * after makeLeader, ≠ the leader's): `idleIsrShrink`. Off by default, the step needs a record `f` is missing —
 * a stated restriction (default's space grows about 6x with it), like the bounds.
 */
export function shrinkIsr(config: ClusterConfig, s: ClusterState, b: number, p: number, f: number, alter: AlterPartitionFn = alterPartition): ClusterState | undefined {
  if (!leads(s, b, p)) return undefined;
  const r = s.brokers[b].replicas[p];
  const before = toLeaderPartition(b, r);
  const outOfSync = getOutOfSyncReplicas(before.isrState, b, before.followers, before.logEndOffset, CLOCKLESS_NOW_MS, clusterPartitionConfig(config).replicaLagTimeMaxMs);
  if (!outOfSync.includes(f)) return undefined;
  if (!config.idleIsrShrink && Math.max(0, r.followerLeo[f] ?? -1) >= r.log.length) return undefined;
  return changeIsr(config, s, b, p, r.isr.filter((m) => m !== f), alter);
}

/**
 * The AlterPartition for an expansion Partition.maybeExpandIsr proposes (rules/replication: not in the ISR,
 * ISR-eligible, LEO from its last fetch ≥ the leader's HW and ≥ its epoch start, KAFKA-7128), restricted as before
 * to a follower holding the leader's whole log: Kafka's wider rule lets a follower between HW and LEO flap in and
 * out with the shrink (no clock orders them), each round a new partition epoch, and no bound caps those. Kafka
 * proposes at the fetch and sends later; the model proposes when it sends (a subset of Kafka's expansions). The ISR
 * keeps Kafka's Set insertion order (the rules' sorted set only decides).
 */
export function expandIsr(config: ClusterConfig, s: ClusterState, b: number, p: number, f: number, alter: AlterPartitionFn = alterPartition): ClusterState | undefined {
  if (!leads(s, b, p) || f === b) return undefined;
  const r = s.brokers[b].replicas[p];
  const before = toLeaderPartition(b, r);
  const follower = before.followers.find((x) => x.replicaId === f);
  if (follower === undefined) return undefined;
  const eligible = isReplicaIsrEligible(leaderClusterView(s, b), follower);
  const proposal = maybeExpandIsr(before.isrState, f, follower.state.logEndOffset, before.highWatermark, before.leaderEpochStartOffset, eligible);
  if (alterPartitionRequest({ ...before, isrState: proposal }) === undefined || follower.state.logEndOffset < r.log.length) return undefined;
  return changeIsr(config, s, b, p, [...r.isr, f], alter);
}

/** Who answers AlterPartition: the ZooKeeper-mode controller (default) or the KRaft one (kraft-steps.ts). */
export type AlterPartitionFn = typeof alterPartition;

function changeIsr(config: ClusterConfig, s: ClusterState, b: number, p: number, newIsr: readonly number[], alter: AlterPartitionFn): ClusterState | undefined {
  const result = alter(config, s, b, p, newIsr);
  if (result === undefined) return undefined;
  if (result.accepted === null) return result.s === s ? undefined : result.s;
  const broker = result.s.brokers[b];
  const r = broker.replicas[p];
  // The response applies only if the leader still leads at the epoch it asked for.
  if (r.leader !== b || r.leaderEpoch !== result.accepted.leaderEpoch) return result.s;
  return advanceHw(result.s, b, p, { ...r, isr: result.accepted.isr, zkVersion: result.accepted.partitionEpoch }, config);
}
