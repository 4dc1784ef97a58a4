// State of the `replication` model: one partition, its replicas (brokers) with their logs and views, the controller's
// partition registration, the controller updates and AlterPartition requests in flight, and a few ghost variables
// (not Kafka state) that remember what was committed, acknowledged and consumed so the properties can judge losses.

import type { EpochEntries } from '../rules/replication/leader-epoch-cache.ts';
import type { IsrState } from '../rules/replication/isr-state.ts';
import type { ReplicaSet } from '../rules/replication/replica-set.ts';
import { partitionRegistration, type PartitionRegistration } from '../rules/partition-change/partition-registration.ts';
import type { ReplicationConfig } from './replication-config.ts';

/** A record as stored in a log: its producer-assigned id (1-based) and the leader epoch it was written in. */
export type RecordCode = number;

export function recordCode(id: number, epoch: number): RecordCode {
  return id * 16 + epoch;
}
export function recordId(code: RecordCode): number {
  return code >> 4;
}
export function recordEpoch(code: RecordCode): number {
  return code & 15;
}
/** "b@2": record b written in leader epoch 2. */
export function recordLabel(code: RecordCode): string {
  return `${String.fromCharCode(96 + recordId(code))}@${recordEpoch(code)}`;
}

/** A partition state the controller sends a broker (LeaderAndIsr in ZK mode, a metadata record in KRaft). */
export interface PartitionUpdate {
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  readonly isr: readonly number[];
}

/** What a broker keeps while it believes it leads the partition (kafka.cluster.Partition as leader). */
export interface LeaderRole {
  readonly isrState: IsrState;
  /** The leader's LEO when its current epoch began (leaderEpochStartOffsetOpt). */
  readonly epochStartOffset: number;
  /** Per replica id: that follower's LEO as of its last fetch (-1 unknown); the leader's own slot is -1. */
  readonly followerLeo: readonly number[];
  /** Per replica id: the broker epoch that follower's last fetch carried (KIP-903; -1 = none or not sent). */
  readonly followerBrokerEpoch: readonly number[];
}

/** An AlterPartition request on its way to the controller (at most one per broker, as AlterPartitionManager allows). */
export interface AlterPartitionInFlight {
  readonly brokerEpoch: number;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  /** The pending state the leader sent it for (its proposedIsr is the request's newIsr). */
  readonly proposal: IsrState;
  /** newIsrWithEpochs' broker epochs, parallel to proposal.proposedIsr (KIP-903; empty = the request has none). */
  readonly isrBrokerEpochs: readonly number[];
}

/**
 * A Fetch response on its way to the follower (`fetch=async`): what the leader read when it handled the request.
 * The follower's fetcher keeps one request per leader in flight (AbstractFetcherThread).
 */
export interface FetchResponseInFlight {
  /** The broker that answered. */
  readonly from: number;
  /** The request's fetch offset (the follower's LEO when it sent it). */
  readonly fetchOffset: number;
  readonly records: readonly RecordCode[];
  /** The leader's HW as of the read. */
  readonly highWatermark: number;
  /** A truncation the response asks for (divergingEpoch or OFFSET_OUT_OF_RANGE), else -1. */
  readonly truncateTo: number;
}

/** How a broker last went down: decides what it tells the controller when it registers again (KIP-966). */
export type ShutdownKind = 'none' | 'clean' | 'crash' | 'data-loss';

export interface BrokerState {
  readonly alive: boolean;
  /**
   * The controller counts this broker as live: KRaft, its registration is unfenced with a heartbeat session; ZK, its
   * /brokers/ids znode exists. Equal to `alive` with failureDetection=instant; with `timeout` a dead broker stays
   * registered until its SessionExpires step (the controller's state, kept per broker for one patch literal).
   */
  readonly registered: boolean;
  /** Registration epoch; a restart registers anew. */
  readonly brokerEpoch: number;
  readonly shutdown: ShutdownKind;
  /** The log: record codes by offset (log start offset 0). */
  readonly log: readonly RecordCode[];
  readonly highWatermark: number;
  /** The HW in replication-offset-checkpoint (`hwCheckpoint` on; else always 0 and the HW survives exactly). */
  readonly hwCheckpoint: number;
  /** The leader epoch cache (LeaderEpochFileCache). */
  readonly epochCache: EpochEntries;
  /**
   * Offsets below this are on disk; a data-loss shutdown keeps only these (no fsync on acknowledge). Tracked only
   * while a power loss remains (`dataLossLeft` > 0); 0 after, when nothing reads it (replicationNext).
   */
  readonly flushed: number;
  /** The partition state this broker acts on: its view of the leader and epochs (-1 = none yet). */
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  /** Follower in the truncation phase (OffsetsForLeaderEpoch) before it may fetch (eras kip-101 to kip-320). */
  readonly truncating: boolean;
  readonly role: LeaderRole | null;
  /** Controller updates not yet applied, oldest first (one channel per broker, delivered in order). */
  readonly inbox: readonly PartitionUpdate[];
  readonly alterPartition: AlterPartitionInFlight | null;
  /** The response to this follower's outstanding Fetch (`fetch=async`; always null with atomic fetches). */
  readonly fetchResponse: FetchResponseInFlight | null;
}

/** Ghost variables: history the properties need, never read by a Kafka step. */
export interface Ghosts {
  /** The next record id a producer will use (1-based). */
  readonly nextRecord: number;
  /** Per offset: the first record that was ever below a presumed leader's HW there (0 = none yet). */
  readonly committed: readonly RecordCode[];
  /** Bit (id-1) set: the producer was told the write succeeded. */
  readonly acked: number;
  /** Per record id-1: the broker holding the producer's acks=all request (DelayedProduce), or -1. */
  readonly pendingAcks: readonly number[];
  /** Per offset: the first record a consumer read there (0 = never read). */
  readonly consumed: readonly RecordCode[];
  /** Broker id + 1 of the first broker that hit one of Kafka's own fatal checks (0 = none). */
  readonly fatal: number;
}

export interface ReplicationState {
  readonly brokers: readonly BrokerState[];
  readonly controller: PartitionRegistration;
  readonly crashesLeft: number;
  readonly dataLossLeft: number;
  readonly cleanShutdownsLeft: number;
  readonly reassignmentsLeft: number;
  readonly ghosts: Ghosts;
}

/** 0..replicas-1, one shared immutable array per size (steps ask for it on every leader-side rule call). */
export function replicaIds(config: ReplicationConfig): readonly number[] {
  return (REPLICA_IDS[config.replicas] ??= Array.from({ length: config.replicas }, (_, i) => i));
}
const REPLICA_IDS: (readonly number[])[] = [];

export function isrOf(role: LeaderRole): ReplicaSet {
  return role.isrState.isr;
}

// Immutable updates build every state object from one literal per type, so all objects of a type share a single
// V8 hidden class; `{ ...b, x }` chains gave megamorphic shapes and made every copy ~10× slower.
const pick = <T>(patch: T | undefined, current: T): T => (patch !== undefined ? patch : current);

export function patchBroker(b: BrokerState, p: Partial<BrokerState>): BrokerState {
  return {
    alive: pick(p.alive, b.alive),
    registered: pick(p.registered, b.registered),
    brokerEpoch: pick(p.brokerEpoch, b.brokerEpoch),
    shutdown: pick(p.shutdown, b.shutdown),
    log: pick(p.log, b.log),
    highWatermark: pick(p.highWatermark, b.highWatermark),
    hwCheckpoint: pick(p.hwCheckpoint, b.hwCheckpoint),
    epochCache: pick(p.epochCache, b.epochCache),
    flushed: pick(p.flushed, b.flushed),
    leader: pick(p.leader, b.leader),
    leaderEpoch: pick(p.leaderEpoch, b.leaderEpoch),
    partitionEpoch: pick(p.partitionEpoch, b.partitionEpoch),
    truncating: pick(p.truncating, b.truncating),
    role: pick(p.role, b.role),
    inbox: pick(p.inbox, b.inbox),
    alterPartition: pick(p.alterPartition, b.alterPartition),
    fetchResponse: pick(p.fetchResponse, b.fetchResponse),
  };
}

export function patchGhosts(g: Ghosts, p: Partial<Ghosts>): Ghosts {
  return {
    nextRecord: pick(p.nextRecord, g.nextRecord),
    committed: pick(p.committed, g.committed),
    acked: pick(p.acked, g.acked),
    pendingAcks: pick(p.pendingAcks, g.pendingAcks),
    consumed: pick(p.consumed, g.consumed),
    fatal: pick(p.fatal, g.fatal),
  };
}

export function patchState(s: ReplicationState, p: Partial<ReplicationState>): ReplicationState {
  return {
    brokers: pick(p.brokers, s.brokers),
    controller: pick(p.controller, s.controller),
    crashesLeft: pick(p.crashesLeft, s.crashesLeft),
    dataLossLeft: pick(p.dataLossLeft, s.dataLossLeft),
    cleanShutdownsLeft: pick(p.cleanShutdownsLeft, s.cleanShutdownsLeft),
    reassignmentsLeft: pick(p.reassignmentsLeft, s.reassignmentsLeft),
    ghosts: pick(p.ghosts, s.ghosts),
  };
}

/** The state with broker `id` replaced (the same object when nothing changed). */
export function withBroker(state: ReplicationState, id: number, broker: BrokerState): ReplicationState {
  if (broker === state.brokers[id]) return state;
  const brokers = state.brokers.slice();
  brokers[id] = broker;
  return patchState(state, { brokers });
}
