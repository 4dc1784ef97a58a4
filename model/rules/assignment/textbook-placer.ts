// The textbook placer — not Kafka's: over the brokers sorted by id, partition i is led by broker i mod n and its
// j-th replica sits on broker (i + j) mod n. It is the plain round-robin people expect, kept so `kcheck assign`
// can put it next to Kafka's placers. Input checks reuse AdminUtils' rules and messages so errors read alike.

import { failure, type BrokerMetadata, type PlacementResult } from './assignment-types.ts';
import type { JavaRandom } from './java-random.ts';

export interface TextbookRequest {
  readonly brokers: readonly BrokerMetadata[];
  readonly nPartitions: number;
  readonly replicationFactor: number;
  /** Passed through untouched: the textbook placer draws nothing. */
  readonly random: JavaRandom;
}

export function textbookPlace(request: TextbookRequest): PlacementResult {
  const { nPartitions, replicationFactor: rf } = request;
  const ids = request.brokers.map((broker) => broker.id).sort((a, b) => a - b);
  if (nPartitions <= 0) return failure('InvalidPartitionsException', 'Number of partitions must be larger than 0.');
  if (rf <= 0) return failure('InvalidReplicationFactorException', 'Replication factor must be larger than 0.');
  if (rf > ids.length) {
    return failure('InvalidReplicationFactorException', `Replication factor: ${rf} larger than available brokers: ${ids.length}.`);
  }
  const assignment: (readonly number[])[] = [];
  for (let i = 0; i < nPartitions; i++) {
    assignment.push(Array.from({ length: rf }, (_, j) => ids[(i + j) % ids.length] as number));
  }
  return { ok: true, firstPartitionId: 0, assignment, random: request.random };
}
