// State of the ZooKeeper-mode controller model: what ZooKeeper holds (linearizable, abstract) kept apart from what
// each broker believes, plus the control requests in flight. A zombie controller is a broker that still believes
// it is controller while ZooKeeper has expired its session — the window the properties are about.

import type { ZkState } from '../rules/zk/zk-state.ts';

export type ElectionScheme = 'ephemeral-node' | 'sequential-node';

export interface ZkControllerConfig {
  readonly brokers: number;
  readonly election: ElectionScheme;
  readonly sessionExpiries: number;
  readonly crashes: number;
  readonly maxLeaderEpoch: number;
  readonly maxInFlight: number;
  /** KAFKA-6082: every controller write is a multi that first checks /controller_epoch's version. */
  readonly epochFencing: boolean;
  /** Brokers reject requests whose controller epoch is below the highest they have accepted. */
  readonly controllerEpochCheck: boolean;
  /** KIP-380: brokers reject requests addressed to an older registration (broker epoch) of themselves. */
  readonly brokerEpochCheck: boolean;
  /** Kafka re-registers the /controller watch after a new session; false = zk-controller-watch.ts's variant. */
  readonly watchReregistration?: boolean;
  /**
   * true (safety presets): an election under way finishes on the client's new session (an over-approximation).
   * false: it fails — KafkaController blocks the new session until Expire is handled (beforeInitializingSession →
   * awaitProcessing), so the registration runs on the expired session.
   */
  readonly electionSurvivesExpiry?: boolean;
}

/** ZooKeeper's side: Kafka's znodes (rules/zk), broker registrations, sessions and sequential election nodes. */
export interface ZkSide {
  readonly tree: ZkState;
  /** The live session of each broker's ZK client (0 = none, after a crash); ephemeral nodes die with a session. */
  readonly sessions: readonly number[];
  /** /brokers/ids/<b>: the broker epoch (czxid stand-in: registration count) of its live registration, -1 if none. */
  readonly registrations: readonly number[];
  /** sequential-node scheme only: ephemeral sequential nodes as [broker, seq], ascending by seq. */
  readonly electionNodes: readonly (readonly [number, number])[];
  readonly nextSeq: number;
}

/** The metadata a broker serves and the controller epoch it came from (UpdateMetadata / LeaderAndIsr). */
export interface BrokerCache {
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly controllerEpoch: number;
}

export interface BrokerState {
  readonly alive: boolean;
  /** The session the broker uses; a zombie's no longer matches ZooKeeper's. */
  readonly session: number;
  /**
   * ZooKeeper expired its session and its client already reconnected with a new one, but the broker has not yet
   * handled the expiry (e.g. a long GC pause): a controller in this window is the KAFKA-6082 zombie.
   */
  readonly expiryPending: boolean;
  /** Its registration epoch (KIP-380 broker epoch) as the broker knows it. */
  readonly brokerEpoch: number;
  readonly isController: boolean;
  readonly controllerEpoch: number;
  readonly epochZkVersion: number;
  /** Step 1 of an election: the /controller_epoch (epoch, version) it read, or null. */
  readonly epochRead: { readonly epoch: number; readonly version: number } | null;
  /** ReplicaManager.controllerEpoch: the highest controller epoch accepted (forgotten on restart). */
  readonly seenControllerEpoch: number;
  readonly cache: BrokerCache;
  /** Ghost (not Kafka state): the highest controller epoch this broker ever applied, across restarts. */
  readonly maxAppliedEpoch: number;
  /** Only with watchReregistration false: the broker no longer watches /controller (until a restart). */
  readonly watchLost?: boolean;
}

/** A LeaderAndIsr/UpdateMetadata request for the partition, as the controller's channel manager sends it. */
export interface ControlRequest {
  readonly from: number;
  readonly to: number;
  readonly controllerEpoch: number;
  readonly brokerEpoch: number;
  readonly leader: number;
  readonly leaderEpoch: number;
}

export interface ZkControllerState {
  readonly zk: ZkSide;
  readonly brokers: readonly BrokerState[];
  /** In flight, kept sorted so the same multiset is the same state. */
  readonly network: readonly ControlRequest[];
  readonly expiriesLeft: number;
  readonly crashesLeft: number;
}

export function initialState(config: ZkControllerConfig): ZkControllerState {
  const ids = Array.from({ length: config.brokers }, (_, b) => b);
  return {
    zk: {
      // One partition replicated on every broker, led by broker 0 at leader epoch 0, written by no controller yet.
      tree: {
        controller: null,
        controllerEpoch: null,
        partitions: [{ leader: 0, leaderEpoch: 0, isr: ids, leaderRecoveryState: 'RECOVERED', controllerEpoch: 0, version: 0 }],
      },
      sessions: ids.map((b) => b * 100 + 1),
      registrations: ids.map(() => 1),
      electionNodes: [],
      nextSeq: 0,
    },
    brokers: ids.map((b) => ({
      alive: true,
      session: b * 100 + 1,
      brokerEpoch: 1,
      expiryPending: false,
      isController: false,
      controllerEpoch: 0,
      epochZkVersion: -1,
      epochRead: null,
      seenControllerEpoch: 0,
      cache: { leader: 0, leaderEpoch: 0, controllerEpoch: 0 },
      maxAppliedEpoch: 0,
    })),
    network: [],
    expiriesLeft: config.sessionExpiries,
    crashesLeft: config.crashes,
  };
}

/** Session ids are unique per broker: broker b's sessions are b*100+1, b*100+2, … */
export function nextSession(previous: number): number {
  return previous + 1;
}
