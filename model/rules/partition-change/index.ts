// KRaft partition state changes as pure functions: PartitionChangeBuilder (build, electLeader, epoch bumps)
// and the ReplicationControlManager callers that drive it (broker lifecycle, AlterPartition, ElectLeaders).
// Import from here; each file is named for the Kafka rule it models.

export * from './metadata-version.ts';
export * from './partition-registration.ts';
export * from './replica-lists.ts';
export * from './elect-leader.ts';
export * from './leader-epoch-bump.ts';
export * from './build-partition-change.ts';
export * from './controller-context.ts';
export * from './generate-leader-and-isr-updates.ts';
export * from './alter-partition.ts';
export * from './elect-leaders.ts';
