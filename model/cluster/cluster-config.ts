// The cluster model's configuration: brokers (optionally on racks), one topic whose initial assignment is the
// chosen placer's output (model/rules/assignment), the reassignment an admin may submit, and the fault bounds.
// Switches name the Kafka fix they turn off; each default is Kafka 2.8.0's ZooKeeper-mode controller.

import type { ParamValues } from '../../src/contract/params.ts';
import type { BrokerMetadata } from '../rules/assignment/assignment-types.ts';
import { describeFailure } from '../rules/assignment/assignment-types.ts';
import { runPlacer, type PlacerName } from '../rules/assignment/named-placers.ts';

/** none: no reassignment; move: partition 0 swaps its last replica for a free broker; decommission: every replica off the last broker. */
export type ReassignmentPlan = 'none' | 'move' | 'decommission';
/** What the controller's completion check demands (see zk-reassignment.ts). */
export type ReassignmentCompletion = 'all-target-in-isr' | 'adding-in-isr';

export interface ClusterConfig {
  readonly brokers: number;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Racks (0 = none): brokers fill racks in id order, broker b on rack floor(b * racks / brokers). */
  readonly racks: number;
  readonly placer: PlacerName;
  /** The initial assignment, partition → replicas, first = preferred leader: the placer's output. */
  readonly assignment: readonly (readonly number[])[];
  readonly rackOf: readonly number[];
  readonly minInsyncReplicas: number;
  /** Records produced per partition (the data abstraction: a record is its leader epoch). */
  readonly records: number;
  readonly maxLeaderEpoch: number;
  readonly maxQueue: number;
  readonly sessionExpiries: number;
  readonly crashes: number;
  readonly controlledShutdowns: number;
  readonly reassignment: ReassignmentPlan;
  /** Target replica list per partition (null: not reassigned), derived from the plan and the assignment. */
  readonly targets: readonly (readonly number[] | null)[];
  readonly cancellations: number;
  /** Kafka: the new controller reads every partition's state from ZooKeeper (initializeControllerContext). */
  readonly failoverReadsZk: boolean;
  /** Kafka: every partition-state write is a CAS on the state znode's zkVersion (KafkaZkClient.updateLeaderAndIsr). */
  readonly partitionCas: boolean;
  readonly reassignmentCompletion: ReassignmentCompletion;
  /** zk: Kafka 2.8.0's ZooKeeper-mode controller; kraft: Kafka 3.9's KRaft controller (kraft-*.ts). */
  readonly controllerMode: 'zk' | 'kraft';
  /** kraft: failovers of the active controller (a new one replays the metadata log). */
  readonly controllerFailovers: number;
  /** kraft: KIP-966 eligible leader replicas (eligible.leader.replicas.enable; false by default in 3.9). */
  readonly kip966Elr: boolean;
  /** kraft: KAFKA-15665 (6dce7dce4b6): a reassignment completes only once every target replica is in the ISR. */
  readonly kafka15665: boolean;
  /** auto.leader.rebalance.enable: the scheduled preferred-leader election task runs (preferred-rebalance.ts). */
  readonly autoLeaderRebalance: boolean;
  /** leader.imbalance.per.broker.percentage (Kafka default 10). */
  readonly leaderImbalancePercentage: number;
  /** Admin ElectLeaders(PREFERRED) calls over the whole topic. */
  readonly electLeaders: number;
  /** KAFKA-9866 (2.6.0, db9e55a50f9): the auto-rebalance only elects where the preferred replica is in the ISR. */
  readonly rebalanceChecksIsr: boolean;
  /** ShrinkIsr also for a member with nothing to fetch (Kafka's lag timer; off by default for size, broker-steps.ts). */
  readonly idleIsrShrink: boolean;
}

const rackIndex = (b: number, brokers: number, racks: number): number => Math.floor((b * racks) / brokers);

export function brokerMetadata(brokers: number, racks: number): BrokerMetadata[] {
  return Array.from({ length: brokers }, (_, id) => ({ id, rack: racks > 0 ? `rack${rackIndex(id, brokers, racks)}` : null }));
}

/**
 * The reassignment targets. A replacement broker is the lowest id not already a replica, preferring the removed
 * broker's rack (so an admin-planned move keeps rack spread, as `kafka-reassign-partitions --generate` does with
 * the rack-aware placer).
 */
export function planTargets(plan: ReassignmentPlan, assignment: readonly (readonly number[])[], brokers: number, rackOf: readonly number[]): (readonly number[] | null)[] {
  const replace = (replicas: readonly number[], out: number): number[] => {
    const free = Array.from({ length: brokers }, (_, b) => b).filter((b) => !replicas.includes(b) && (plan === 'move' || b !== brokers - 1));
    const sameRack = free.find((b) => rackOf[b] === rackOf[out]);
    const pick = sameRack ?? free[0];
    return pick === undefined ? replicas.slice() : replicas.map((r) => (r === out ? pick : r));
  };
  return assignment.map((replicas, p) => {
    if (plan === 'move') return p === 0 ? replace(replicas, replicas[replicas.length - 1]) : null;
    if (plan === 'decommission') return replicas.includes(brokers - 1) ? replace(replicas, brokers - 1) : null;
    return null;
  });
}

/** Builds the config from validated params, or returns the one-line reason the placer refused them. */
export function clusterConfig(p: ParamValues): ClusterConfig | string {
  const brokers = p.brokers as number;
  const racks = p.racks as number;
  const placer = p.placer as PlacerName;
  const placed = runPlacer(placer, { brokers: brokerMetadata(brokers, racks), partitions: p.partitions as number, replicationFactor: p.replicationFactor as number, seed: p.placementSeed as number });
  if (!placed.ok) return describeFailure(placed);
  const rackOf = Array.from({ length: brokers }, (_, b) => (racks > 0 ? rackIndex(b, brokers, racks) : 0));
  const reassignment = p.reassignment as ReassignmentPlan;
  return {
    brokers,
    partitions: p.partitions as number,
    replicationFactor: p.replicationFactor as number,
    racks,
    placer,
    assignment: placed.assignment,
    rackOf,
    minInsyncReplicas: p.minInsyncReplicas as number,
    records: p.records as number,
    maxLeaderEpoch: p.maxLeaderEpoch as number,
    maxQueue: p.maxQueue as number,
    sessionExpiries: p.sessionExpiries as number,
    crashes: p.crashes as number,
    controlledShutdowns: p.controlledShutdowns as number,
    reassignment,
    targets: planTargets(reassignment, placed.assignment, brokers, rackOf),
    cancellations: p.cancellations as number,
    failoverReadsZk: p.failoverReadsZk as boolean,
    partitionCas: p.partitionCas as boolean,
    reassignmentCompletion: p.reassignmentCompletion as ReassignmentCompletion,
    controllerMode: (p.controllerMode ?? 'zk') as 'zk' | 'kraft',
    controllerFailovers: (p.controllerFailovers ?? 1) as number,
    kip966Elr: (p.kip966Elr ?? false) as boolean,
    kafka15665: (p.kafka15665 ?? true) as boolean,
    autoLeaderRebalance: (p.autoLeaderRebalance ?? false) as boolean,
    leaderImbalancePercentage: (p.leaderImbalancePercentage ?? 10) as number,
    electLeaders: (p.electLeaders ?? 0) as number,
    rebalanceChecksIsr: (p.rebalanceChecksIsr ?? true) as boolean,
    idleIsrShrink: (p.idleIsrShrink ?? false) as boolean,
  };
}
