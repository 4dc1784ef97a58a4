// AdminZkClient.createNewPartitionsAssignment (kafka.zk.AdminZkClient): adding partitions to a topic keeps the
// existing ones and places the new ones with AdminUtils, continuing the old pattern — start index = position of
// the first broker (by id) whose id ≥ partition 0's first replica, first new id = existing count, rf = |p0|.

import { failure, type BrokerMetadata, type PlacementResult } from './assignment-types.ts';
import { assignReplicasToBrokers } from './assign-replicas-to-brokers.ts';
import type { JavaRandom } from './java-random.ts';

export interface AddPartitionsRequest {
  readonly topic: string;
  /** Replica lists of the existing partitions, by partition id 0, 1, …. */
  readonly existingAssignment: readonly (readonly number[])[];
  /** All brokers, sorted by id as AdminZkClient passes them. */
  readonly brokers: readonly BrokerMetadata[];
  /** The new total partition count. */
  readonly numPartitions: number;
  readonly random?: JavaRandom;
}

/** The start index AdminZkClient derives: max(0, index of the first broker with id ≥ p0's first replica). */
export function addPartitionsStartIndex(brokers: readonly BrokerMetadata[], partitionZero: readonly number[]): number {
  const head = partitionZero[0] as number;
  return Math.max(0, brokers.findIndex((broker) => broker.id >= head));
}

/** The assignment of the new partitions only (ids existing count … numPartitions-1), or Kafka's error. */
export function createNewPartitionsAssignment(request: AddPartitionsRequest): PlacementResult {
  const { topic, existingAssignment } = request;
  const partitionZero = existingAssignment[0];
  if (partitionZero === undefined || partitionZero.length === 0) {
    // Kafka prints its Scala Map here; an empty one renders as "Map()".
    return failure(
      'AdminOperationException',
      `Unexpected existing replica assignment for topic '${topic}', partition id 0 is missing. Assignment: Map()`,
    );
  }
  const partitionsToAdd = request.numPartitions - existingAssignment.length;
  if (partitionsToAdd <= 0) {
    return failure(
      'InvalidPartitionsException',
      `The number of partitions for a topic can only be increased. Topic ${topic} currently has ` +
        `${existingAssignment.length} partitions, ${request.numPartitions} would not be an increase.`,
    );
  }
  return assignReplicasToBrokers({
    brokers: request.brokers,
    nPartitions: partitionsToAdd,
    replicationFactor: partitionZero.length,
    fixedStartIndex: addPartitionsStartIndex(request.brokers, partitionZero),
    startPartitionId: existingAssignment.length,
    ...(request.random === undefined ? {} : { random: request.random }),
  });
}
