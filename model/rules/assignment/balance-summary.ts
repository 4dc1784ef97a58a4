// A balance summary of an assignment: leaders and replicas per broker (every broker listed, ids ascending, zero
// counts included) and how many distinct racks each partition spans. A rackless broker counts as the "no rack"
// rack, as Kafka's StripedReplicaPlacer treats Optional.empty(); spreads are max − min over all brokers.

import type { Assignment, BrokerMetadata } from './assignment-types.ts';

export interface BrokerCount {
  readonly broker: number;
  readonly count: number;
}

export interface BalanceSummary {
  readonly leadersPerBroker: readonly BrokerCount[];
  readonly replicasPerBroker: readonly BrokerCount[];
  /** Distinct racks per partition, in partition order. */
  readonly racksPerPartition: readonly number[];
  /** max − min of leadersPerBroker (0 when there are no brokers). */
  readonly leaderSpread: number;
  readonly replicaSpread: number;
}

export function balanceSummary(brokers: readonly BrokerMetadata[], assignment: Assignment): BalanceSummary {
  const ids = brokers.map((broker) => broker.id).sort((a, b) => a - b);
  const rackOf = new Map(brokers.map((broker) => [broker.id, broker.rack])); // lookup only
  const position = new Map(ids.map((id, index) => [id, index])); // lookup only
  const leaders = ids.map(() => 0);
  const replicaCounts = ids.map(() => 0);
  for (const replicas of assignment) {
    replicas.forEach((id, slot) => {
      const at = position.get(id);
      if (at === undefined) return;
      replicaCounts[at] = (replicaCounts[at] as number) + 1;
      if (slot === 0) leaders[at] = (leaders[at] as number) + 1;
    });
  }
  const leadersPerBroker = ids.map((broker, at) => ({ broker, count: leaders[at] as number }));
  const replicasPerBroker = ids.map((broker, at) => ({ broker, count: replicaCounts[at] as number }));
  const racksPerPartition = assignment.map((replicas) => distinctCount(replicas.map((id) => rackOf.get(id) ?? null)));
  return {
    leadersPerBroker,
    replicasPerBroker,
    racksPerPartition,
    leaderSpread: spread(leadersPerBroker),
    replicaSpread: spread(replicasPerBroker),
  };
}

/** max − min of the counts; 0 for an empty list. */
export function spread(counts: readonly BrokerCount[]): number {
  if (counts.length === 0) return 0;
  const values = counts.map((entry) => entry.count);
  return Math.max(...values) - Math.min(...values);
}

function distinctCount(values: readonly (string | null)[]): number {
  return values.filter((value, index) => values.indexOf(value) === index).length;
}
