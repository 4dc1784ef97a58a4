// Kafka's broker-side replication rules (one partition) as pure functions over plain immutable data: epoch cache,
// follower truncation per era, KIP-320 fencing, leader bookkeeping of followers, ISR changes, HW and acks. The
// `replication` model imports from here; every rule cites the Kafka class it follows in its own file.

export * from './leader-epoch-cache.ts';
export * from './offset-truncation-state.ts';
export * from './truncation-era.ts';
export * from './follower-truncation.ts';
export * from './diverging-epoch.ts';
export * from './leader-epoch-fencing.ts';
export * from './replica-state.ts';
export * from './replica-set.ts';
export * from './isr-eligibility.ts';
export * from './isr-state.ts';
export * from './alter-partition-response.ts';
export * from './leader-high-watermark.ts';
export * from './produce-acks.ts';
export * from './leader-partition.ts';
export * from './follower-transition.ts';
export * from './isr-expansion-era.ts';
