// What brokers do with their replicas: apply the head of their controller request queue (rules/zk fencing:
// broker epoch, controller epoch, per-partition leader epoch), produce on a leader (acks=all, refused below
// min.insync.replicas), follower fetch (KIP-320 epoch-fenced, diverging-epoch truncation), and ISR changes sent
// to the active controller as AlterPartition (KIP-497). HW = min log end offset over the leader's ISR.

import { effectiveMinIsr, maybeIncrementLeaderHW, type HighWatermarkRule } from '../rules/replication/leader-high-watermark.ts';
import { appendAdmission } from '../rules/replication/produce-acks.ts';
import type { FollowerReplica } from '../rules/replication/replica-state.ts';
import { checkControlRequest, leaderAndIsrPartitionCheck } from '../rules/zk/broker-request-checks.ts';
import type { ClusterConfig } from './cluster-config.ts';
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

const leads = (s: ClusterState, b: number, p: number): boolean => {
  const broker = s.brokers[b];
  return broker.alive && broker.replicas[p].leaderEpoch >= 0 && broker.replicas[p].leader === b;
};

/**
 * The HW rule of each mode, as rules/replication's maybeIncrementLeaderHW states it: the ISR a leader knows is
 * committed (ISR changes here are answered in the step that proposes them), so maximal = committed; no caught-up
 * ISR-eligible wait (KAFKA-15021's, which needs fetch times the cluster model does not keep). controllerMode=kraft
 * follows 3.9's Partition: KAFKA-15583 (edc7e10a745, 3.7) holds the HW below effectiveMinIsr — what makes ELR safe.
 */
const HW_RULE_ZK: HighWatermarkRule = { isr: 'maximal', waitForCaughtUpEligible: false, minIsrGate: false };
const HW_RULE_KRAFT: HighWatermarkRule = { isr: 'maximal', waitForCaughtUpEligible: false, minIsrGate: true };

/** A remote replica as the HW rule reads it: only its log end offset (-1 = not heard from in this epoch). */
const follower = (m: number, leo: number): FollowerReplica => ({
  replicaId: m,
  state: { logStartOffset: 0, logEndOffset: leo, lastFetchLeaderLogEndOffset: -1, lastFetchTimeMs: 0, lastCaughtUpTimeMs: 0, brokerEpoch: null },
});

/** The leader's HW over its ISR; newly committed records join the ghost history. */
export function advanceHw(s: ClusterState, b: number, p: number, r: Replica, config: ClusterConfig): ClusterState {
  const kraft = config.controllerMode === 'kraft';
  const hw = maybeIncrementLeaderHW(
    {
      highWatermark: r.hw,
      leaderLogEndOffset: r.log.length,
      isr: r.isr,
      maximalIsr: r.isr,
      followers: r.replicas.filter((m) => m !== b).map((m) => follower(m, r.followerLeo[m] ?? -1)),
      isrEligible: [],
      effectiveMinIsr: effectiveMinIsr(config.minInsyncReplicas, r.replicas.length),
      nowMs: 0,
      replicaLagTimeMaxMs: 0,
    },
    kraft ? HW_RULE_KRAFT : HW_RULE_ZK,
  );
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
 * A follower fetch, one round trip: the leader must still lead at the follower's epoch (FENCED/UNKNOWN_LEADER_EPOCH
 * otherwise); the follower truncates to where its log and the leader's agree, appends the leader's next record and
 * the leader records the follower's log end offset and may advance the HW.
 */
export function fetch(config: ClusterConfig, s: ClusterState, f: number, p: number): ClusterState | undefined {
  const follower = s.brokers[f];
  const rf = follower.replicas[p];
  if (!follower.alive || rf.leaderEpoch < 0 || rf.leader === f || rf.leader < 0) return undefined;
  const l = rf.leader;
  if (!leads(s, l, p)) return undefined;
  const rl = s.brokers[l].replicas[p];
  if (rl.leaderEpoch !== rf.leaderEpoch || !rl.replicas.includes(f)) return undefined;
  let common = 0;
  while (common < rf.log.length && common < rl.log.length && rf.log[common] === rl.log[common]) common++;
  const log = rl.log.slice(0, Math.min(rl.log.length, common + 1));
  if (log.length === rf.log.length && common === log.length && rl.followerLeo[f] === log.length) return undefined;
  const s1 = withBroker(s, f, { ...follower, replicas: setAt(follower.replicas, p, { ...rf, log }) });
  return advanceHw(s1, l, p, { ...rl, followerLeo: setAt(rl.followerLeo, f, log.length) }, config);
}

/** Partition.maybeShrinkIsr: a follower not caught up to the leader's log end offset (no clock: any such one). */
export function shrinkIsr(config: ClusterConfig, s: ClusterState, b: number, p: number, f: number, alter: AlterPartitionFn = alterPartition): ClusterState | undefined {
  if (!leads(s, b, p)) return undefined;
  const r = s.brokers[b].replicas[p];
  // A follower not heard from in this epoch counts as at offset 0: with nothing to replicate it is not lagging.
  if (f === b || !r.isr.includes(f) || Math.max(0, r.followerLeo[f]) >= r.log.length) return undefined;
  return changeIsr(config, s, b, p, r.isr.filter((m) => m !== f), alter);
}

/**
 * Partition.maybeExpandIsr asks for the HW and this leader's epoch start (KAFKA-7128); here the follower must have
 * the leader's whole log, a subset of Kafka's expansions that implies both.
 */
export function expandIsr(config: ClusterConfig, s: ClusterState, b: number, p: number, f: number, alter: AlterPartitionFn = alterPartition): ClusterState | undefined {
  if (!leads(s, b, p)) return undefined;
  const r = s.brokers[b].replicas[p];
  const leo = r.followerLeo[f] ?? -1;
  if (f === b || r.isr.includes(f) || !r.replicas.includes(f) || leo < r.log.length || leo < 0) return undefined;
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
