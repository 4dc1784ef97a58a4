// controllerMode=kraft: the metadata log is the truth. The state keeps the snapshot every live broker has replayed
// (`image`) and the committed records after it (`tail`); each broker replays the tail in order at its own offset,
// and the active controller's in-memory state is image + tail replayed (QuorumController replays what it writes).

import type { PartitionRegistration } from '../rules/partition-change/partition-registration.ts';

/** BrokerRegistration as the controller holds it (ClusterControlManager); epoch -1 = never registered. */
export interface KraftBrokerRegistration {
  readonly epoch: number;
  readonly fenced: boolean;
  readonly inControlledShutdown: boolean;
}

/**
 * A committed record. A PartitionRecord/PartitionChangeRecord is kept as the registration it produces and a
 * RegisterBrokerRecord/BrokerRegistrationChangeRecord as the broker registration it produces: replay is a
 * deterministic merge (rules/partition-change mergePartitionChange), so this is the same log, pre-merged.
 */
export type MetadataRecord =
  | { readonly kind: 'partition'; readonly partition: number; readonly registration: PartitionRegistration }
  | { readonly kind: 'broker'; readonly broker: number; readonly registration: KraftBrokerRegistration };

export interface KraftImage {
  readonly partitions: readonly PartitionRegistration[];
  readonly brokers: readonly KraftBrokerRegistration[];
}

export interface KraftCluster {
  readonly image: KraftImage;
  readonly tail: readonly MetadataRecord[];
  /** Per broker, how many tail records it has replayed (0 for a stopped broker: it reloads the snapshot). */
  readonly replayed: readonly number[];
  /** The active controller's epoch (the Raft leader epoch of the metadata quorum). */
  readonly controllerEpoch: number;
  /** Per controller node (3 voters), the epoch it is active in, -1 when standby. */
  readonly controllers: readonly number[];
  readonly failoversLeft: number;
  /** BrokerHeartbeatManager (in memory, rebuilt at failover): controlledShutdownOffset as a tail index, -1 none. */
  readonly shutdownOffset: readonly number[];
  /** The broker's BrokerLifecycleManager asks to shut down (wantShutDown on every heartbeat). */
  readonly wantShutDown: readonly boolean[];
  /** The broker stopped without a clean shutdown (no clean-shutdown marker on its log dirs). */
  readonly uncleanStop: readonly boolean[];
  /** The controller epoch under which a stopped broker stopped (-1 while it runs): for the failover witness. */
  readonly failedUnder: readonly number[];
  /** Ghost: some record elected a leader from the ELR with the ISR empty (KIP-966's election). */
  readonly elrElected: boolean;
}

export const CONTROLLER_NODES = 3;

function applyRecord(image: KraftImage, r: MetadataRecord): KraftImage {
  if (r.kind === 'partition') {
    const partitions = image.partitions.slice();
    partitions[r.partition] = r.registration;
    return { ...image, partitions };
  }
  const brokers = image.brokers.slice();
  brokers[r.broker] = r.registration;
  return { ...image, brokers };
}

/** The active controller's view: the snapshot with every committed record replayed. */
export function headImage(k: KraftCluster): KraftImage {
  return k.tail.reduce(applyRecord, k.image);
}

/** What broker b's metadata cache holds: the snapshot with the records it has replayed (ReplicaManager's image). */
export function brokerImage(k: KraftCluster, b: number): KraftImage {
  return k.tail.slice(0, k.replayed[b]).reduce(applyRecord, k.image);
}

/**
 * Folds the prefix every live broker has replayed into the snapshot (a metadata snapshot: nothing reads the
 * records before it again), so equal metadata histories that differ only in what is already replayed everywhere
 * are one state. `alive` says which brokers count; a stopped broker reloads the snapshot when it restarts.
 */
export function compact(k: KraftCluster, alive: readonly boolean[]): KraftCluster {
  const live = k.replayed.filter((_, b) => alive[b]);
  const n = live.length === 0 ? k.tail.length : Math.min(...live);
  const replayed = k.replayed.map((r, b) => (alive[b] ? r - n : 0));
  if (n === 0 && replayed.every((r, b) => r === k.replayed[b])) return k;
  const image = k.tail.slice(0, n).reduce(applyRecord, k.image);
  const shutdownOffset = k.shutdownOffset.map((o) => (o < 0 ? o : Math.max(0, o - n)));
  return { ...k, image, tail: k.tail.slice(n), replayed, shutdownOffset };
}

/** Appends committed records (the QuorumController's write, replicated and committed as one batch). */
export const appendRecords = (k: KraftCluster, records: readonly MetadataRecord[]): KraftCluster =>
  records.length === 0 ? k : { ...k, tail: [...k.tail, ...records] };

/** Whether b has replayed its latest registration record (registerBrokerRecordOffset ≤ its metadata offset). */
export function caughtUpToRegistration(k: KraftCluster, b: number): boolean {
  for (let i = k.tail.length - 1; i >= 0; i--) {
    const r = k.tail[i];
    if (r.kind === 'broker' && r.broker === b) return k.replayed[b] > i;
  }
  return true;
}
