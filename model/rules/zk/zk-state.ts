// ZooKeeper's data as a ZK-mode Kafka controller sees it: /controller, /controller_epoch and the partition state
// znodes (/brokers/topics/<t>/partitions/<p>/state), as plain immutable data a model checker can store and encode.
// Paths and fields follow kafka.zk.ZkData (ControllerZNode, ControllerEpochZNode, TopicPartitionStateZNode).

/** Kafka's LeaderRecoveryState (KIP-704): RECOVERING after an unclean election until the leader recovers. */
export type LeaderRecoveryState = 'RECOVERED' | 'RECOVERING';

/** Results ZooKeeper returns for the operations modelled here (KeeperException.Code names). */
export type ZkCode = 'OK' | 'NONODE' | 'NODEEXISTS' | 'BADVERSION';

/**
 * /controller. A ZK broker creates it EPHEMERAL (owned by its session); a KRaft controller during migration
 * creates it PERSISTENT (ephemeralOwner null) and records its KRaft epoch. Kafka never setData's /controller,
 * so its zkVersion is always 0 and is not stored.
 */
export interface ControllerZnode {
  readonly brokerId: number;
  /** The ZK session that owns the node, or null for a persistent (KRaft) registration. */
  readonly ephemeralOwner: number | null;
  /** Set only by a KRaft controller's registration (tryRegisterKRaftControllerAsActiveController). */
  readonly kraftEpoch: number | null;
}

/** /controller_epoch: persistent integer; `version` is its zkVersion (the controller's epochZkVersion). */
export interface ControllerEpochZnode {
  readonly epoch: number;
  readonly version: number;
}

/**
 * A partition's state znode. `version` is the znode's zkVersion, which Kafka uses as the partition epoch
 * (LeaderAndIsr.partitionEpoch) in ZK mode; `controllerEpoch` is the epoch of the controller that last wrote it.
 */
export interface PartitionStateZnode {
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly isr: readonly number[];
  readonly leaderRecoveryState: LeaderRecoveryState;
  readonly controllerEpoch: number;
  readonly version: number;
}

/** The controller-side view of a partition (kafka LeaderAndIsr); partitionEpoch = the state znode's version. */
export interface LeaderAndIsr {
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly isr: readonly number[];
  readonly leaderRecoveryState: LeaderRecoveryState;
  readonly partitionEpoch: number;
}

/** The whole modelled ZooKeeper tree. `partitions[p]` is partition p's state znode, null when absent. */
export interface ZkState {
  readonly controller: ControllerZnode | null;
  readonly controllerEpoch: ControllerEpochZnode | null;
  readonly partitions: readonly (PartitionStateZnode | null)[];
}

/** LeaderAndIsr sentinels (org.apache.kafka.metadata.LeaderAndIsr). */
export const NO_LEADER = -1;
export const NO_EPOCH = -1;
export const EPOCH_DURING_DELETE = -2;
/** KafkaController.InitialControllerEpoch / InitialControllerEpochZkVersion. */
export const INITIAL_CONTROLLER_EPOCH = 0;
export const INITIAL_CONTROLLER_EPOCH_ZK_VERSION = 0;
/** ZkVersion.MatchAnyVersion: a write with this expected version is not conditional. */
export const MATCH_ANY_VERSION = -1;

/** A fresh ensemble: no controller, no /controller_epoch yet, `partitionCount` partitions without state. */
export function emptyZk(partitionCount: number): ZkState {
  return { controller: null, controllerEpoch: null, partitions: new Array<null>(partitionCount).fill(null) };
}

/**
 * A ZK session expires (or its owner closes it): ZooKeeper deletes every ephemeral node it owns. Of the modelled
 * znodes only /controller can be ephemeral; /controller_epoch and partition states are persistent and survive
 * (ControllerIntegrationTest#testControllerEpochPersistsWhenAllBrokersDown).
 */
export function expireSession(zk: ZkState, session: number): ZkState {
  if (zk.controller === null || zk.controller.ephemeralOwner !== session) return zk;
  return { ...zk, controller: null };
}

/** The controller-side LeaderAndIsr read from a partition state znode (TopicPartitionStateZNode.decode). */
export function leaderAndIsrOf(znode: PartitionStateZnode): LeaderAndIsr {
  return {
    leader: znode.leader,
    leaderEpoch: znode.leaderEpoch,
    isr: znode.isr,
    leaderRecoveryState: znode.leaderRecoveryState,
    partitionEpoch: znode.version,
  };
}

/** Replaces one partition's znode, keeping the array immutable. */
export function withPartition(zk: ZkState, partition: number, znode: PartitionStateZnode | null): ZkState {
  const partitions = zk.partitions.slice();
  while (partitions.length < partition) partitions.push(null);
  partitions[partition] = znode;
  return { ...zk, partitions };
}
