// The one election step a variant of the `replication` model may replace: how the ZooKeeper-era controller picks a
// leader for a partition whose leader went offline (Kafka: PartitionLeaderElectionAlgorithms.offlinePartitionLeaderElection).
// The built-in `largest-leo` scheme is such a replacement; `replicationModel({ electLeader })` in kcheck/kafka passes one in.

import type { LeaderAndIsr } from '../rules/zk/zk-state.ts';

/** What the controller knows when it elects: the partition state, the assignment, who is up, and each log's end. */
export interface OfflineElectionInput {
  readonly current: LeaderAndIsr;
  /** Assigned replicas in assignment order (the preferred replica first). */
  readonly assignment: readonly number[];
  /** Live brokers, ascending. */
  readonly online: readonly number[];
  /** A replica's log end offset (the controller does not know this in Kafka; a variant may pretend it does). */
  readonly logEndOffset: (replica: number) => number;
  /** The leader epoch of a replica's last record, or -1 for an empty log. */
  readonly lastLoggedEpoch: (replica: number) => number;
}

/**
 * The new partition state (the caller bumps the znode version), or null to leave the partition offline. Must be
 * a pure function of its input: the checker explores every state, so a rule that reads anything else is not checked.
 */
export type OfflineElection = (input: OfflineElectionInput) => LeaderAndIsr | null;
