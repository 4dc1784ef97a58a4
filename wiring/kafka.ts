// kcheck/kafka: Kafka's rule layer (one pure function per Kafka algorithm, proven by the conformance vectors) and
// the built-in Kafka models as definitions to check, extend or vary. `replicationModel({ electLeader })` swaps the
// controller's offline election for a KIP author's rule; `definition.extend({ properties, presets })` adds checks.

import { clusterDefinition } from '../properties/cluster/cluster-definition.ts';
import { kraftQuorumDefinition } from '../properties/kraft-quorum/kraft-quorum-definition.ts';
import { replicationDefinition } from '../properties/replication/replication-definition.ts';
import { zkControllerDefinition } from '../properties/zk-controller/zk-controller-definition.ts';

export * as assignment from '../model/rules/assignment/index.ts';
export * as partitionChange from '../model/rules/partition-change/index.ts';
export * as raft from '../model/rules/raft/index.ts';
export * as replication from '../model/rules/replication/index.ts';
export * as zk from '../model/rules/zk/index.ts';

export { clusterDefinition, kraftQuorumDefinition, replicationDefinition, zkControllerDefinition };
export { replicationModel } from '../properties/replication/replication-definition.ts';
export type { ReplicationVariant } from '../properties/replication/replication-definition.ts';
export type { OfflineElection, OfflineElectionInput } from '../model/replication/offline-election.ts';
export { largestLeoElection } from '../model/replication/largest-leo-election.ts';
export { committedRecordsInIsr, logsAgreeBelowHighWatermarks, replicationProperties } from '../properties/replication/replication-properties.ts';
export { recordCode, recordEpoch, recordId, recordLabel } from '../model/replication/replication-state.ts';
export type { ReplicationState } from '../model/replication/replication-state.ts';
export type { ReplicationAction } from '../model/replication/replication-actions.ts';
export type { ZkControllerState } from '../model/zk-controller/zk-controller-state.ts';
export type { ZkControllerAction } from '../model/zk-controller/zk-controller-actions.ts';
export type { KraftQuorumState } from '../model/kraft-quorum/kraft-quorum-state.ts';
export type { KraftQuorumAction } from '../model/kraft-quorum/kraft-quorum-actions.ts';

/** The Kafka models the CLI offers, in `kcheck list` order. */
export const kafkaModels = [zkControllerDefinition, kraftQuorumDefinition, replicationDefinition, clusterDefinition] as const;
