// The `cluster` model as the registry sees it: params (sizes, placer, racks, fault bounds, the switches that turn
// a Kafka fix off), its properties and presets. A placer refusal (e.g. RF above brokers) is a bad-param error.

import type { ModelDefinition } from '../../src/contract/model-definition.ts';
import type { ParamValues } from '../../src/contract/params.ts';
import type { ClusterAction } from '../../model/cluster/cluster-actions.ts';
import { clusterConfig, type ClusterConfig } from '../../model/cluster/cluster-config.ts';
import { clusterModel } from '../../model/cluster/cluster-model.ts';
import { controllerModeMismatch } from '../../model/cluster/kraft-next.ts';
import type { ClusterState } from '../../model/cluster/cluster-state.ts';
import { PLACER_NAMES } from '../../model/rules/assignment/named-placers.ts';
import { clusterPresets } from './cluster-presets.ts';
import { clusterProperties } from './cluster-properties.ts';

function config(p: ParamValues): ClusterConfig {
  const c = clusterConfig(p);
  if (typeof c === 'string') throw new Error(c);
  return c;
}

export const clusterDefinition: ModelDefinition<ClusterState, ClusterAction> = {
  name: 'cluster',
  doc: 'brokers, a topic placed by a named placer, a failing-over ZooKeeper controller, per-partition leader/ISR/logs, broker failures, controlled shutdown and reassignment as one protocol',
  params: [
    { name: 'controllerMode', type: 'enum', default: 'zk', values: ['zk', 'kraft'], doc: 'zk: the ZooKeeper-mode controller of Kafka 2.8.0; kraft: the KRaft controller of Kafka 3.9 (metadata log, broker heartbeats, ReplicationControlManager)' },
    { name: 'brokers', type: 'int', default: 3, min: 3, max: 5, doc: 'brokers (ids 0..n-1)' },
    { name: 'partitions', type: 'int', default: 2, min: 1, max: 3, doc: 'partitions of the one topic' },
    { name: 'replicationFactor', type: 'int', default: 2, min: 1, max: 3, doc: 'replication factor' },
    { name: 'racks', type: 'int', default: 0, min: 0, max: 3, doc: 'racks (0 = none); brokers fill racks in id order (3 brokers on 2 racks: 0,0,1)' },
    { name: 'placer', type: 'enum', default: 'admin', values: [...PLACER_NAMES], doc: 'who places the topic: admin (AdminUtils), striped (KRaft StripedReplicaPlacer), textbook ((i+j) mod n)' },
    { name: 'placementSeed', type: 'int', default: 0, min: 0, max: 1000, doc: 'java.util.Random seed of the placer' },
    { name: 'minInsyncReplicas', type: 'int', default: 2, min: 1, max: 3, doc: 'min.insync.replicas (acks=all producers)' },
    { name: 'records', type: 'int', default: 1, min: 0, max: 3, doc: 'records produced per partition' },
    { name: 'maxLeaderEpoch', type: 'int', default: 3, min: 1, max: 8, doc: 'bound on partition leader epochs (steps past it are not explored)' },
    { name: 'maxQueue', type: 'int', default: 2, min: 1, max: 4, doc: 'bound on requests queued per broker (steps past it are not explored)' },
    { name: 'sessionExpiries', type: 'int', default: 1, min: 0, max: 2, doc: 'ZooKeeper session expiries (zombie controllers)' },
    { name: 'crashes', type: 'int', default: 0, min: 0, max: 2, doc: 'broker crashes (each may restart)' },
    { name: 'controlledShutdowns', type: 'int', default: 0, min: 0, max: 2, doc: 'controlled shutdowns (each may restart)' },
    { name: 'reassignment', type: 'enum', default: 'move', values: ['none', 'move', 'decommission'], doc: 'move: partition 0 swaps its last replica for a free broker; decommission: every replica off the last broker' },
    { name: 'cancellations', type: 'int', default: 0, min: 0, max: 1, doc: 'reassignment cancellations (AlterPartitionReassignments with no target)' },
    { name: 'failoverReadsZk', type: 'bool', default: true, doc: 'Kafka: a new controller reads partition state from ZooKeeper at failover and before each election; false: it trusts what it learned as a broker' },
    { name: 'partitionCas', type: 'bool', default: true, doc: 'Kafka: partition-state writes are a CAS on the state znode version; false: blind writes' },
    { name: 'reassignmentCompletion', type: 'enum', default: 'all-target-in-isr', values: ['all-target-in-isr', 'adding-in-isr'], doc: 'all-target-in-isr: Kafka (ZK controller; KRaft since KAFKA-15665); adding-in-isr: KRaft before KAFKA-15665' },
    { name: 'controllerFailovers', type: 'int', default: 1, min: 0, max: 2, doc: 'controllerMode=kraft: failovers of the active controller (the next voter replays the metadata log)' },
    { name: 'kip966Elr', type: 'bool', default: false, doc: 'controllerMode=kraft: KIP-966 eligible leader replicas (eligible.leader.replicas.enable; off by default in 3.9)' },
    { name: 'kafka15665', type: 'bool', default: true, doc: 'controllerMode=kraft: KAFKA-15665 (6dce7dce4b6, 3.7.1/3.8.0): a reassignment completes only once every target replica is in the ISR; false: once the adding replicas are' },
  ],
  create: (p) => clusterModel(config(p)),
  properties: (p) => clusterProperties(config(p)),
  validate: (p) => {
    const mismatch = controllerModeMismatch(p);
    if (mismatch !== undefined) return mismatch;
    const c = clusterConfig(p);
    return typeof c === 'string' ? `the ${p.placer} placer refuses these params: ${c}` : undefined;
  },
  presets: clusterPresets,
};
