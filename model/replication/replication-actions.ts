// The steps of the replication model as plain data named after what Kafka does, the fixed order they are offered
// in, and how each reads in a trace ("broker 2 fetches from broker 0 …").

import type { ReplicationConfig } from './replication-config.ts';

export type ReplicationAction =
  /** A producer sends one record to the broker it believes leads. */
  | { readonly type: 'Produce'; readonly broker: number }
  /** A follower fetches from the broker it believes leads (append, learn the HW, or truncate on divergence). */
  | { readonly type: 'FollowerFetch'; readonly broker: number }
  /** `fetch=async`: the follower's fetcher receives the response to its outstanding Fetch (and may discard it). */
  | { readonly type: 'ReceiveFetchResponse'; readonly broker: number }
  /** `fetch=async`: the response is lost (connection closed or timed out); the fetcher will send again. */
  | { readonly type: 'DropFetchResponse'; readonly broker: number }
  /** A truncating follower asks its leader for the end offset of its latest epoch (OffsetsForLeaderEpoch). */
  | { readonly type: 'TruncateFollower'; readonly broker: number }
  /** A broker applies the oldest LeaderAndIsr / metadata update in its channel from the controller. */
  | { readonly type: 'ApplyPartitionState'; readonly broker: number }
  /** The leader's periodic ISR check proposes dropping lagging followers (AlterPartition). */
  | { readonly type: 'ShrinkIsr'; readonly broker: number }
  /** The controller handles the broker's AlterPartition request and the broker handles the answer. */
  | { readonly type: 'HandleAlterPartition'; readonly broker: number }
  | { readonly type: 'CleanShutdown'; readonly broker: number }
  | { readonly type: 'Crash'; readonly broker: number }
  | { readonly type: 'DataLossShutdown'; readonly broker: number }
  | { readonly type: 'Restart'; readonly broker: number }
  /** failureDetection=timeout: the controller notices a dead broker (ZK session expiry / KRaft heartbeat timeout). */
  | { readonly type: 'SessionExpires'; readonly broker: number }
  /** Auto leader rebalance: the controller moves leadership back to the preferred replica. */
  | { readonly type: 'ElectPreferredLeader' }
  /** The controller retries an election for a leaderless partition. */
  | { readonly type: 'ElectLeaderlessPartition' }
  /** A consumer reads everything below the HW of the broker it believes leads. */
  | { readonly type: 'Consume'; readonly broker: number }
  /** `hwCheckpoint`: the broker writes its current HW to replication-offset-checkpoint. */
  | { readonly type: 'CheckpointHighWatermark'; readonly broker: number }
  /** leaderElection=znode-race (not Kafka): this live replica wins the race to recreate the partition's znode. */
  | { readonly type: 'WinLeaderZnode'; readonly broker: number }
  /** An operator reassigns the partition to the same replicas with this broker first (its new preferred replica). */
  | { readonly type: 'ReorderReplicas'; readonly broker: number };

export const ACTION_TYPES = [
  'Produce',
  'FollowerFetch',
  'ReceiveFetchResponse',
  'DropFetchResponse',
  'TruncateFollower',
  'ApplyPartitionState',
  'ShrinkIsr',
  'HandleAlterPartition',
  'CleanShutdown',
  'Crash',
  'DataLossShutdown',
  'Restart',
  'SessionExpires',
  'ElectPreferredLeader',
  'ElectLeaderlessPartition',
  'Consume',
  'ReorderReplicas',
  'WinLeaderZnode',
  'CheckpointHighWatermark',
] as const;

/**
 * The action types this configuration can take (the others are left out so coverage does not flag them). A
 * consumer's reads are steps only where a liveness property needs them taken (`consumeSteps`): a read changes no
 * Kafka state and may happen at any moment, so safety runs check what it could see as a state invariant instead.
 */
export function actionTypesFor(config: ReplicationConfig, consumeSteps = false): readonly string[] {
  const truncationPhase = config.era.epochTruncation && !config.era.truncatesOnFetch;
  const faults = config.crashes + config.cleanShutdowns + config.dataLossShutdowns > 0;
  // Only KRaft retries a leaderless partition on its own (the periodic unclean election, for topics with the
  // config); ZK re-elects offline partitions when a broker starts, which Restart already does.
  const retriesElections = config.leaderElection === 'kraft' && config.uncleanLeaderElection && faults;
  return ACTION_TYPES.filter(
    (t) =>
      (t !== 'TruncateFollower' || truncationPhase) &&
      ((t !== 'ReceiveFetchResponse' && t !== 'DropFetchResponse') || config.fetch === 'async') &&
      (t !== 'Crash' || config.crashes > 0) &&
      (t !== 'CleanShutdown' || config.cleanShutdowns > 0) &&
      (t !== 'DataLossShutdown' || config.dataLossShutdowns > 0) &&
      (t !== 'Restart' || faults) &&
      (t !== 'SessionExpires' || (config.failureDetection === 'timeout' && config.crashes + config.dataLossShutdowns > 0)) &&
      (t !== 'ElectPreferredLeader' || config.preferredElection) &&
      (t !== 'ElectLeaderlessPartition' || retriesElections) &&
      (t !== 'ReorderReplicas' || config.reassignments > 0) &&
      (t !== 'WinLeaderZnode' || config.leaderElection === 'znode-race') &&
      (t !== 'CheckpointHighWatermark' || (config.hwCheckpoint && config.crashes + config.dataLossShutdowns > 0)) &&
      (t !== 'Consume' || (config.consumer && consumeSteps)),
  );
}

/** Every candidate action, built once per configuration; `next` decides which are enabled. */
export function allActions(config: ReplicationConfig, consumeSteps = false): ReplicationAction[] {
  const types = actionTypesFor(config, consumeSteps);
  const out: ReplicationAction[] = [];
  for (const type of types) {
    if (type === 'ElectPreferredLeader' || type === 'ElectLeaderlessPartition') out.push({ type });
    else for (let broker = 0; broker < config.replicas; broker++) out.push({ type, broker } as ReplicationAction);
  }
  return out;
}

export function describeReplicationAction(a: ReplicationAction): string {
  switch (a.type) {
    case 'Produce':
      return `a producer writes the next record to broker ${a.broker} (which believes it leads)`;
    case 'FollowerFetch':
      return `broker ${a.broker} fetches from the broker it follows, at its log end offset`;
    case 'ReceiveFetchResponse':
      return `broker ${a.broker} receives the response to its fetch (applied only if it still fetches from that broker at that offset)`;
    case 'DropFetchResponse':
      return `the response to broker ${a.broker}'s fetch is lost`;
    case 'TruncateFollower':
      return `broker ${a.broker} asks its leader for the end offset of its latest epoch (OffsetsForLeaderEpoch) and truncates`;
    case 'ApplyPartitionState':
      return `broker ${a.broker} applies the next partition state from the controller (LeaderAndIsr / metadata)`;
    case 'ShrinkIsr':
      return `leader ${a.broker} finds lagging followers and proposes a smaller ISR (AlterPartition)`;
    case 'HandleAlterPartition':
      return `the controller handles broker ${a.broker}'s AlterPartition and broker ${a.broker} handles the answer`;
    case 'CleanShutdown':
      return `broker ${a.broker} shuts down cleanly (controlled shutdown, log flushed)`;
    case 'Crash':
      return `broker ${a.broker} crashes (process killed; the page cache survives)`;
    case 'DataLossShutdown':
      return `broker ${a.broker} loses power: its unflushed records are gone`;
    case 'Restart':
      return `broker ${a.broker} restarts and registers with the controller`;
    case 'SessionExpires':
      return `the controller notices broker ${a.broker} is gone (ZooKeeper session expired / KRaft heartbeat timeout)`;
    case 'ElectPreferredLeader':
      return 'the controller moves leadership back to the preferred replica (auto leader rebalance)';
    case 'ElectLeaderlessPartition':
      return 'the controller retries the election of the leaderless partition';
    case 'Consume':
      return `a consumer reads from broker ${a.broker} everything below its high watermark`;
    case 'CheckpointHighWatermark':
      return `broker ${a.broker} checkpoints its high watermark (replication-offset-checkpoint)`;
    case 'WinLeaderZnode':
      return `broker ${a.broker} wins the race to create the partition's leader znode and leads (the articles' scheme, not Kafka)`;
    case 'ReorderReplicas':
      return `an operator reassigns the partition to the same replicas with broker ${a.broker} first (its new preferred replica)`;
  }
}
