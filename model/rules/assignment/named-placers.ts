// The three placers behind one call shape, by name, so `kcheck assign` and the property suites can run any of
// them on the same input: `admin` (AdminUtils.assignReplicasToBrokers), `striped` (KRaft StripedReplicaPlacer,
// all brokers unfenced, in id order) and `textbook` (plain round-robin). Each takes a java.util.Random seed.

import type { BrokerMetadata, PlacementResult } from './assignment-types.ts';
import { failure } from './assignment-types.ts';
import { assignReplicasToBrokers } from './assign-replicas-to-brokers.ts';
import { javaRandom } from './java-random.ts';
import { stripedReplicaPlacerPlace } from './striped-replica-placer.ts';
import { textbookPlace } from './textbook-placer.ts';

export const PLACER_NAMES = ['admin', 'striped', 'textbook'] as const;
export type PlacerName = (typeof PLACER_NAMES)[number];

export function isPlacerName(value: string): value is PlacerName {
  return (PLACER_NAMES as readonly string[]).includes(value);
}

export interface PlacerInput {
  /** Brokers sorted by id, as Kafka's callers pass them. */
  readonly brokers: readonly BrokerMetadata[];
  readonly partitions: number;
  readonly replicationFactor: number;
  /** The java.util.Random seed (admin draws from it only when startIndex is -1; striped always draws). */
  readonly seed: number;
  /** Admin only: fixedStartIndex, -1 = random. */
  readonly startIndex?: number;
}

export function runPlacer(name: PlacerName, input: PlacerInput): PlacementResult {
  const random = javaRandom(input.seed);
  switch (name) {
    case 'admin':
      return assignReplicasToBrokers({
        brokers: input.brokers,
        nPartitions: input.partitions,
        replicationFactor: input.replicationFactor,
        fixedStartIndex: input.startIndex ?? -1,
        random,
      });
    case 'striped':
      // KRaft's CreateTopics path (ReplicationControlManager.createTopic) rejects a non-positive partition count
      // before placing; the placer itself checks the replication factor first, as it does here.
      if (input.replicationFactor > 0 && input.partitions <= 0) {
        return failure('InvalidPartitionsException', 'Number of partitions was set to an invalid non-positive value.');
      }
      return stripedReplicaPlacerPlace({
        brokers: input.brokers.map((broker) => ({ ...broker, fenced: false })),
        numPartitions: input.partitions,
        replicationFactor: input.replicationFactor,
        random,
      });
    case 'textbook':
      return textbookPlace({
        brokers: input.brokers,
        nPartitions: input.partitions,
        replicationFactor: input.replicationFactor,
        random,
      });
  }
}
