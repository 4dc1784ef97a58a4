// Kafka's replica assignment rules as pure functions: AdminUtils (ZK-era admin placer) and the add-partitions rule,
// the KRaft StripedReplicaPlacer with its BrokerList/RackList, the textbook round-robin for comparison, a balance
// summary, and the Java pieces they need bit for bit (java.util.Random, Collections.shuffle, HashMap order).

export * from './assignment-types.ts';
export * from './java-random.ts';
export * from './java-hash-map-order.ts';
export * from './rack-alternated-broker-list.ts';
export * from './assign-replicas-to-brokers.ts';
export * from './create-new-partitions-assignment.ts';
export * from './striped-broker-list.ts';
export * from './striped-rack-list.ts';
export * from './striped-replica-placer.ts';
export * from './textbook-placer.ts';
export * from './balance-summary.ts';
export * from './named-placers.ts';
