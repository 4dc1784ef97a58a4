// The cluster model's state: what ZooKeeper holds (rules/zk's tree plus the topic assignment, the reassignment
// znode, sessions and broker registrations), what each broker holds (its controller context if it is controller,
// its replica of each partition with an abstract log), the per-broker controller request queues, and ghosts.

import type { LeaderAndIsr, ZkState } from '../rules/zk/zk-state.ts';
import type { ClusterConfig } from './cluster-config.ts';
import type { KraftCluster } from './kraft-metadata.ts';

/** ReplicaAssignment: RS (during a reassignment target + origin), AR and RR, as in /brokers/topics/<t>. */
export interface Assignment {
  readonly replicas: readonly number[];
  readonly adding: readonly number[];
  readonly removing: readonly number[];
}

export interface ZkCluster {
  readonly tree: ZkState;
  readonly assignment: readonly Assignment[];
  /** /admin/reassign_partitions: the target per partition, null when absent. */
  readonly reassignRequest: readonly (readonly number[] | null)[];
  /** Each broker's live ZK session (0 = none). */
  readonly sessions: readonly number[];
  /** /brokers/ids/<b>: the broker epoch of its live registration, -1 when absent. */
  readonly registrations: readonly number[];
}

/** The active controller's ControllerContext (only what the modelled work reads). */
export interface ControllerContext {
  readonly epoch: number;
  readonly epochZkVersion: number;
  /** False until onControllerFailover ran (the context is read from ZooKeeper in that step). */
  readonly initialized: boolean;
  /** liveBrokerIdAndEpochs: broker epoch per broker, -1 when not live. */
  readonly liveEpochs: readonly number[];
  readonly shuttingDown: readonly number[];
  readonly partitions: readonly (LeaderAndIsr | null)[];
  readonly assignment: readonly Assignment[];
}

/**
 * A broker's replica of one partition (kafka.cluster.Partition), with the log abstracted to the leader epoch of
 * each record: records are distinct exactly when their (offset, epoch) differ, since a leader appends one record
 * per offset in its epoch. `leaderEpoch` -1 means the broker hosts no replica.
 */
export interface Replica {
  readonly leaderEpoch: number;
  readonly leader: number;
  readonly isr: readonly number[];
  readonly replicas: readonly number[];
  readonly zkVersion: number;
  readonly log: readonly number[];
  /** The high watermark, tracked on a leader only (0 elsewhere). */
  readonly hw: number;
  /** On a leader: each follower's log end offset from its last fetch in this epoch (-1 unknown); else []. */
  readonly followerLeo: readonly number[];
}

export interface Broker {
  readonly alive: boolean;
  readonly session: number;
  /** ZooKeeper expired the session; the broker (GC pause) has not noticed: a controller now is a zombie. */
  readonly expiryPending: boolean;
  readonly brokerEpoch: number;
  readonly epochRead: { readonly epoch: number; readonly version: number } | null;
  readonly controller: ControllerContext | null;
  /** ReplicaManager.controllerEpoch: the highest controller epoch accepted. */
  readonly seenControllerEpoch: number;
  readonly replicas: readonly Replica[];
}

/** One partition's entry in a LeaderAndIsr request; `stop` is a StopReplica(delete=true) instead. */
export interface PartitionStateEntry {
  readonly partition: number;
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly isr: readonly number[];
  readonly replicas: readonly number[];
  readonly zkVersion: number;
  readonly stop: boolean;
}

/** One controller request as ControllerBrokerRequestBatch sends it: every partition of one controller event. */
export interface ControlRequest {
  readonly controllerEpoch: number;
  readonly brokerEpoch: number;
  readonly states: readonly PartitionStateEntry[];
}

export interface Ghosts {
  /** Per partition, the epochs of the committed records (offsets 0..n-1). */
  readonly committed: readonly (readonly number[])[];
  /** Per partition, records produced so far (bounded by `records`). */
  readonly produced: readonly number[];
  /** A controller of epoch ≥ 2 elected a leader for a partition whose leader had failed: failover during election. */
  readonly failoverElected: boolean;
  /** A reassignment completed (RS = target). */
  readonly reassignmentsDone: number;
  /** A controller failover happened while a reassignment was in flight, and the new controller resumed it. */
  readonly failoverResumedReassignment: boolean;
  /** A leader advanced its HW over records that contradict the committed history (a committed record replaced). */
  readonly committedOverwritten: boolean;
  /** A preferred-replica election moved a partition's leadership back to its preferred replica. */
  readonly preferredRestored: boolean;
  /** The auto-rebalance task triggered an election its preferred replica could not win (KAFKA-9866's symptom). */
  readonly futilePreferredElection: boolean;
}

export interface ClusterState {
  readonly zk: ZkCluster;
  readonly brokers: readonly Broker[];
  /** Per broker, the controller's RequestSendThread queue (FIFO). */
  readonly queues: readonly (readonly ControlRequest[])[];
  readonly expiriesLeft: number;
  readonly crashesLeft: number;
  readonly shutdownsLeft: number;
  readonly cancellationsLeft: number;
  readonly reassignmentSubmitted: boolean;
  /** Admin ElectLeaders(PREFERRED) calls left (preferred-rebalance.ts). */
  readonly electLeadersLeft: number;
  readonly ghosts: Ghosts;
  /** controllerMode=kraft: the metadata log and what reads it (kraft-metadata.ts); null in ZooKeeper mode. */
  readonly kraft: KraftCluster | null;
}

export const NO_REPLICA: Replica = { leaderEpoch: -1, leader: -1, isr: [], replicas: [], zkVersion: -1, log: [], hw: 0, followerLeo: [] };

/** Session ids are unique per broker: broker b's sessions are b*100+1, b*100+2, … */
export const firstSession = (b: number): number => b * 100 + 1;

export function initialState(config: ClusterConfig): ClusterState {
  const ids = Array.from({ length: config.brokers }, (_, b) => b);
  const parts = Array.from({ length: config.partitions }, (_, p) => p);
  return {
    zk: {
      // The admin client wrote the placer's assignment to /brokers/topics/<t>; the controller creates the partitions.
      tree: { controller: null, controllerEpoch: null, partitions: parts.map(() => null) },
      assignment: config.assignment.map((replicas) => ({ replicas, adding: [], removing: [] })),
      reassignRequest: parts.map(() => null),
      sessions: ids.map(firstSession),
      registrations: ids.map(() => 1),
    },
    brokers: ids.map((b) => ({
      alive: true,
      session: firstSession(b),
      expiryPending: false,
      brokerEpoch: 1,
      epochRead: null,
      controller: null,
      seenControllerEpoch: 0,
      replicas: parts.map(() => NO_REPLICA),
    })),
    queues: ids.map(() => []),
    expiriesLeft: config.sessionExpiries,
    crashesLeft: config.crashes,
    shutdownsLeft: config.controlledShutdowns,
    cancellationsLeft: config.cancellations,
    reassignmentSubmitted: config.reassignment === 'none',
    electLeadersLeft: config.electLeaders,
    ghosts: {
      committed: parts.map(() => []), produced: parts.map(() => 0), failoverElected: false, reassignmentsDone: 0, failoverResumedReassignment: false, committedOverwritten: false,
      preferredRestored: false, futilePreferredElection: false,
    },
    kraft: null,
  };
}

export const setAt = <T>(items: readonly T[], i: number, value: T): T[] => {
  const copy = items.slice();
  copy[i] = value;
  return copy;
};

export const withBroker = (s: ClusterState, b: number, broker: Broker): ClusterState => ({ ...s, brokers: setAt(s.brokers, b, broker) });
