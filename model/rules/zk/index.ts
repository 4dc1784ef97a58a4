// The ZooKeeper-mode control-plane rules as one import: ZK data, controller registration and fencing, broker-side
// request checks, AlterPartition, and the ZK elections. Each module cites the Kafka class it follows.
export * from './zk-state.ts';
export * from './controller-registration.ts';
export * from './controller-epoch-raw.ts';
export * from './kraft-controller-registration.ts';
export * from './fenced-write.ts';
export * from './update-leader-and-isr.ts';
export * from './fenced-delete.ts';
export * from './read-partition-for-election.ts';
export * from './partition-leader-election-algorithms.ts';
export * from './election.ts';
export * from './remove-replica-from-isr.ts';
export * from './broker-request-checks.ts';
export * from './alter-partition.ts';
export * from './reassigned-partition-leader.ts';
