// The `cluster` model as the registry sees it, made with defineModel: params (sizes, placer, racks, fault bounds,
// preferred-leader rebalancing, the switches that turn a Kafka fix off), its properties and presets. A placer
// refusal (e.g. RF above brokers) is a one-line KC_BAD_PARAM error, from `validate` and from `create` alike.

import { defineModel } from '../../src/contract/define-model.ts';
import type { ParamValues } from '../../src/contract/params.ts';
import { KcheckError } from '../../src/errors.ts';
import { clusterConfig, type ClusterConfig } from '../../model/cluster/cluster-config.ts';
import { clusterModel } from '../../model/cluster/cluster-model.ts';
import { clusterCanonicalizer } from '../../model/cluster/cluster-symmetry.ts';
import { controllerModeMismatch } from '../../model/cluster/kraft-next.ts';
import { PLACER_NAMES } from '../../model/rules/assignment/named-placers.ts';
import { clusterPresets } from './cluster-presets.ts';
import { clusterProperties, preferredProperties } from './cluster-properties.ts';

const refusal = (p: ParamValues, reason: string): string => `the ${p.placer} placer refuses these params: ${reason}`;

/** Preferred-leader rebalancing is the ZooKeeper-mode controller's (preferred-*.ts): its steps are ZK-only. */
const modeRefusal = (p: ParamValues): string | undefined =>
  p.controllerMode === 'kraft' && (p.autoLeaderRebalance === true || ((p.electLeaders as number | undefined) ?? 0) > 0)
    ? 'autoLeaderRebalance and electLeaders model the ZooKeeper-mode controller (Kafka 2.8.0); controllerMode=kraft has no preferred-leader election yet, so its properties would hold vacuously'
    : undefined;

/** The config, or a KcheckError when the placer refuses (create may be called without validate, e.g. by a test). */
function config(p: ParamValues): ClusterConfig {
  const mode = modeRefusal(p) ?? controllerModeMismatch(p);
  if (mode !== undefined) throw new KcheckError('KC_BAD_PARAM', mode);
  const c = clusterConfig(p);
  if (typeof c === 'string') throw new KcheckError('KC_BAD_PARAM', refusal(p, c));
  return c;
}

export const clusterDefinition = defineModel({
  name: 'cluster',
  doc: 'brokers, a topic placed by a named placer, a failing-over ZooKeeper controller, per-partition leader/ISR/logs, broker failures, controlled shutdown, reassignment and preferred-leader rebalancing as one protocol',
  params: [
    { name: 'controllerMode', type: 'enum', default: 'zk', values: ['zk', 'kraft'], doc: 'zk: the ZooKeeper-mode controller of Kafka 2.8.0; kraft: the KRaft controller of Kafka 3.9 (metadata log, broker heartbeats, ReplicationControlManager)' },
    { name: 'brokers', type: 'int', default: 3, min: 3, max: 5, doc: 'brokers (ids 0..n-1)' },
    { name: 'partitions', type: 'int', default: 2, min: 1, max: 3, doc: 'partitions of the one topic' },
    { name: 'replicationFactor', type: 'int', default: 2, min: 1, max: 4, doc: 'replication factor (the placer refuses more than brokers)' },
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
    { name: 'autoLeaderRebalance', type: 'bool', default: false, doc: 'auto.leader.rebalance.enable (Kafka\'s default is true; off here to keep the other presets\' state spaces): the controller\'s scheduled preferred-leader election task' },
    { name: 'leaderImbalancePercentage', type: 'int', default: 10, min: 0, max: 100, doc: 'leader.imbalance.per.broker.percentage: a broker\'s share of partitions led elsewhere above which the task elects' },
    { name: 'electLeaders', type: 'int', default: 0, min: 0, max: 2, doc: 'admin ElectLeaders(PREFERRED) calls over every partition (kafka-leader-election --election-type preferred)' },
    { name: 'idleIsrShrink', type: 'bool', default: false, doc: 'Kafka also drops an ISR member not heard from for replica.lag.time.max.ms when there is nothing to replicate; off: ShrinkIsr only for a member missing records (the state space is about 6x larger with it)' },
    { name: 'rebalanceChecksIsr', type: 'bool', default: true, doc: 'KAFKA-9866 (2.6.0): the auto-rebalance elects only where the preferred replica is in the ISR; false: also where it is merely online' },
  ],
  create: (p) => {
    const c = config(p);
    // --symmetry: renamings that map the config onto itself (cluster-symmetry.ts); the identity when there are none.
    // Not offered in controllerMode=kraft: renameCluster does not rename the metadata log and its per-broker arrays.
    return c.controllerMode === 'kraft' ? clusterModel(c) : { ...clusterModel(c), canonicalize: clusterCanonicalizer(c) };
  },
  properties: (p) => {
    const c = config(p);
    return [...clusterProperties(c), ...preferredProperties(c)];
  },
  validate: (p) => {
    const mode = modeRefusal(p) ?? controllerModeMismatch(p);
    if (mode !== undefined) return mode;
    const c = clusterConfig(p);
    return typeof c === 'string' ? refusal(p, c) : undefined;
  },
  presets: clusterPresets,
});
