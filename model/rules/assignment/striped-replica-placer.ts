// StripedReplicaPlacer.place (org.apache.kafka.metadata.placement, apache/kafka 1eb7644349cb): the KRaft
// controller's placer. Every call builds a fresh RackList (fresh random draws), checks rf > 0, then that some
// broker is unfenced, then rf ≤ registered brokers — this order differs from RackList.place — and places each partition.

import type { PlacementResult, UsableBroker } from './assignment-types.ts';
import type { JavaRandom } from './java-random.ts';
import {
  allBrokersFenced,
  newRackList,
  nonPositiveReplicationFactor,
  placeOnRackList,
  tooFewBrokers,
} from './striped-rack-list.ts';

export interface StripedPlacementSpec {
  /** ClusterDescriber.usableBrokers(), in its iteration order (it fixes Kafka's HashMap put order). */
  readonly brokers: readonly UsableBroker[];
  readonly numPartitions: number;
  readonly replicationFactor: number;
  /** The controller's Random (QuorumController uses a java.util.Random); Kafka's tests use MockRandom(17). */
  readonly random: JavaRandom;
  /** PlacementSpec.startPartition; the snapshot's placer does not use it beyond numbering. Default 0. */
  readonly startPartition?: number;
}

export function stripedReplicaPlacerPlace(spec: StripedPlacementSpec): PlacementResult {
  let rackList = newRackList(spec.random, spec.brokers);
  const rf = spec.replicationFactor;
  if (rf <= 0) return nonPositiveReplicationFactor(rf);
  if (rackList.numUnfencedBrokers === 0) return allBrokersFenced();
  if (rf > rackList.numTotalBrokers) return tooFewBrokers(rf, rackList.numTotalBrokers);
  const assignment: (readonly number[])[] = [];
  for (let partition = 0; partition < spec.numPartitions; partition++) {
    const placed = placeOnRackList(rackList, rf);
    if (!placed.ok) return placed;
    assignment.push(placed.replicas);
    rackList = placed.rackList;
  }
  return { ok: true, firstPartitionId: spec.startPartition ?? 0, assignment, random: rackList.random };
}
