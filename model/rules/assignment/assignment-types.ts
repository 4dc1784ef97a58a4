// Shared shapes of Kafka's replica placers: broker descriptions, an assignment (partition → ordered replicas,
// first = preferred leader), and the result union that carries Kafka's exception name and exact message on
// failure instead of throwing, so conformance vectors and property suites can compare errors as data.

import type { JavaRandom } from './java-random.ts';

/** A broker as AdminUtils sees it (org.apache.kafka.admin.BrokerMetadata): an id and an optional rack. */
export interface BrokerMetadata {
  readonly id: number;
  readonly rack: string | null;
}

/** A broker as the KRaft placer sees it (org.apache.kafka.metadata.placement.UsableBroker). */
export interface UsableBroker extends BrokerMetadata {
  readonly fenced: boolean;
}

/** Replica lists by partition; partition i of an assignment is `firstPartitionId + i`. First replica = leader. */
export type Assignment = readonly (readonly number[])[];

/** Exceptions Kafka's placers throw for bad input; `PlacerLoopsForever` marks a state where Kafka's loop never ends. */
export type KafkaErrorName =
  | 'InvalidPartitionsException'
  | 'InvalidReplicationFactorException'
  | 'AdminOperationException'
  | 'PlacerLoopsForever';

export interface PlacementFailure {
  readonly ok: false;
  readonly error: KafkaErrorName;
  readonly message: string;
}

export interface PlacementSuccess {
  readonly ok: true;
  readonly firstPartitionId: number;
  readonly assignment: Assignment;
  /** The random generator after the placer's draws, so callers can chain placements as Kafka does. */
  readonly random: JavaRandom;
}

export type PlacementResult = PlacementSuccess | PlacementFailure;

export function failure(error: KafkaErrorName, message: string): PlacementFailure {
  return { ok: false, error, message };
}

/** "InvalidReplicationFactorException: Replication factor: 5 larger than available brokers: 3." */
export function describeFailure(result: PlacementFailure): string {
  return `${result.error}: ${result.message}`;
}
