// controllerMode=kraft, the broker side of the metadata log: a broker replays the next committed record at its own
// offset (ReplicaManager.applyDelta: become leader/follower, or delete a replica it no longer hosts), and commit()
// appends the controller's records with the ghost bookkeeping every write shares.

import { leaderAndIsrPartitionCheck } from '../rules/zk/broker-request-checks.ts';
import type { PartitionRegistration } from '../rules/partition-change/partition-registration.ts';
import { advanceHw, becomeLeaderOrFollower } from './broker-steps.ts';
import type { ClusterConfig } from './cluster-config.ts';
import { NO_REPLICA, setAt, withBroker, type ClusterState, type Replica } from './cluster-state.ts';
import { appendRecords, compact, headImage, type KraftCluster, type MetadataRecord } from './kraft-metadata.ts';

/**
 * One partition's delta on broker b. A higher leader epoch is a leader/follower transition (the follower fetch
 * state resets, as makeLeader does); the same leader epoch only updates ISR and replicas, and one older than the
 * replica's partition epoch is skipped (Partition.makeLeader/makeFollower, KAFKA-13790 b485f92647f).
 */
export function replayPartition(b: number, r: Replica, reg: PartitionRegistration, brokers: number): Replica {
  if (!reg.replicas.includes(b)) return NO_REPLICA; // applyDelta's deletes: the replica and its log are removed
  const decision = leaderAndIsrPartitionCheck({ requestLeaderEpoch: reg.leaderEpoch, currentLeaderEpoch: r.leaderEpoch, fromKRaftController: true, localIsLeader: reg.leader === b, localInReplicas: true });
  if (decision.kind !== 'apply') return r;
  if (reg.leaderEpoch === r.leaderEpoch) {
    if (reg.partitionEpoch < r.zkVersion) return r;
    return { ...r, isr: reg.isr, replicas: reg.replicas, zkVersion: reg.partitionEpoch };
  }
  return becomeLeaderOrFollower(b, r, { leader: reg.leader, leaderEpoch: reg.leaderEpoch, isr: reg.isr, replicas: reg.replicas, zkVersion: reg.partitionEpoch }, brokers);
}

/** Applies one registration to broker b's replica and lets a leader whose ISR shrank advance its HW. */
export function applyToBroker(config: ClusterConfig, s: ClusterState, b: number, p: number, reg: PartitionRegistration): ClusterState {
  const broker = s.brokers[b];
  const before = broker.replicas[p];
  const after = replayPartition(b, before, reg, s.brokers.length);
  if (after === before) return s;
  const next = withBroker(s, b, { ...broker, replicas: setAt(broker.replicas, p, after) });
  return after.leader === b && after.leaderEpoch >= 0 ? advanceHw(next, b, p, after, config) : next;
}

/** ReplayMetadata: broker b applies the next committed record it has not replayed. */
export function replayNext(config: ClusterConfig, s: ClusterState, b: number): ClusterState | undefined {
  const k = s.kraft!;
  const broker = s.brokers[b];
  if (!broker.alive || k.replayed[b] >= k.tail.length) return undefined;
  const record = k.tail[k.replayed[b]];
  const s1 = record.kind === 'partition' ? applyToBroker(config, s, b, record.partition, record.registration) : s;
  return withKraft(s1, { ...k, replayed: setAt(k.replayed, b, k.replayed[b] + 1) });
}

/** Stores the metadata state, folding into the snapshot what every live broker has replayed. */
export function withKraft(s: ClusterState, k: KraftCluster): ClusterState {
  return { ...s, kraft: compact(k, s.brokers.map((b) => b.alive)) };
}

const inFlight = (p: PartitionRegistration): boolean => p.addingReplicas.length > 0 || p.removingReplicas.length > 0;

/**
 * The active controller commits `records` (one atomic batch, ControllerResult.atomicOf). Ghosts: a reassignment that
 * leaves the in-flight state other than by cancellation completed; a leader elected for a partition whose leader
 * stopped under an earlier controller epoch is the failover-during-election witness. Undefined past the bounds.
 */
export function commit(config: ClusterConfig, s: ClusterState, records: readonly MetadataRecord[], cancelling = false): ClusterState | undefined {
  if (records.length === 0) return s;
  // Steps past the leader-epoch bound are not explored (as finishWork does in ZooKeeper mode).
  if (records.some((r) => r.kind === 'partition' && r.registration.leaderEpoch > config.maxLeaderEpoch)) return undefined;
  const k = s.kraft!;
  let image = headImage(k);
  let ghosts = s.ghosts;
  let elr = k.elrElected;
  for (const r of records) {
    if (r.kind !== 'partition') continue;
    const was = image.partitions[r.partition];
    const now = r.registration;
    if (!cancelling && inFlight(was) && !inFlight(now)) ghosts = { ...ghosts, reassignmentsDone: ghosts.reassignmentsDone + 1 };
    const stoppedUnder = was.leader >= 0 ? k.failedUnder[was.leader] : -1;
    if (now.leader >= 0 && now.leader !== was.leader && stoppedUnder >= 0 && stoppedUnder < k.controllerEpoch) ghosts = { ...ghosts, failoverElected: true };
    if (now.leader >= 0 && now.leader !== was.leader && was.elr.includes(now.leader) && !was.isr.includes(now.leader)) elr = true;
    image = { ...image, partitions: setAt(image.partitions, r.partition, now) };
  }
  return withKraft({ ...s, ghosts }, appendRecords(elr === k.elrElected ? k : { ...k, elrElected: elr }, records));
}
