// KRaft AlterPartition handling for one partition: the request's broker-epoch check, Kafka's validation order
// with its error codes, then PartitionChangeBuilder with the requested ISR and recovery state. Read from
// apache/kafka@1eb7644 ReplicationControlManager.alterPartition / validateAlterPartitionData / ineligibleReplicasForIsr.

import { buildPartitionChange } from './build-partition-change.ts';
import {
  acceptableLeaders, brokerRegistration, effectiveMinIsr, isElrEnabled, type ControllerContext,
} from './controller-context.ts';
import { NO_LEADER_CHANGE, type LeaderRecoveryState, type PartitionChangeRecord, type PartitionRegistration } from './partition-registration.ts';
import { isDistinct } from './replica-lists.ts';

export interface AlterPartitionRequest {
  /** The sender (it must be the partition leader). */
  readonly brokerId: number;
  /** The sender's broker epoch; a mismatch rejects the whole request (StaleBrokerEpochException). */
  readonly brokerEpoch: number;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  readonly newIsr: readonly number[];
  /** Per-member broker epochs, parallel to newIsr (request v3+). Absent or -1 = not checked. */
  readonly newIsrBrokerEpochs?: readonly number[];
  readonly leaderRecoveryState: LeaderRecoveryState;
  /** AlterPartition API version; decides INELIGIBLE_REPLICA vs OPERATION_NOT_ATTEMPTED and NEW_LEADER_ELECTED vs FENCED_LEADER_EPOCH. Default 3. */
  readonly version?: number;
}

export type AlterPartitionError =
  | 'NONE'
  | 'STALE_BROKER_EPOCH'
  | 'UNKNOWN_TOPIC_OR_PARTITION'
  | 'NOT_CONTROLLER'
  | 'FENCED_LEADER_EPOCH'
  | 'INVALID_REQUEST'
  | 'INVALID_UPDATE_VERSION'
  | 'INELIGIBLE_REPLICA'
  | 'OPERATION_NOT_ATTEMPTED'
  | 'NEW_LEADER_ELECTED';

export interface AlterPartitionResult {
  /** NONE, a validation error (nothing written), or NEW_LEADER_ELECTED / FENCED_LEADER_EPOCH with a record written. */
  readonly error: AlterPartitionError;
  readonly record: PartitionChangeRecord | undefined;
  /** The registration after the record (the reply on NONE carries its leader, ISR, recovery state and epochs). */
  readonly partition: PartitionRegistration;
}

/** Errors before any record is built, in Kafka's order. `partition` undefined = unknown partition. */
export function validateAlterPartition(
  partition: PartitionRegistration | undefined, request: AlterPartitionRequest, ctx: ControllerContext,
): AlterPartitionError {
  // clusterControl.checkBrokerEpoch runs first, for the whole request.
  const sender = brokerRegistration(ctx, request.brokerId);
  if (sender === undefined || sender.epoch !== request.brokerEpoch) return 'STALE_BROKER_EPOCH';
  if (partition === undefined) return 'UNKNOWN_TOPIC_OR_PARTITION';
  // Higher epochs than ours: we are probably a stale controller.
  if (request.leaderEpoch > partition.leaderEpoch) return 'NOT_CONTROLLER';
  if (request.partitionEpoch > partition.partitionEpoch) return 'NOT_CONTROLLER';
  if (request.leaderEpoch < partition.leaderEpoch) return 'FENCED_LEADER_EPOCH';
  if (request.brokerId !== partition.leader) return 'INVALID_REQUEST';
  if (request.partitionEpoch < partition.partitionEpoch) return 'INVALID_UPDATE_VERSION';
  // Replicas.validateIsr: non-negative, distinct, all replicas; then the ISR must include the leader.
  const isr = request.newIsr;
  if (!isr.every((r) => r >= 0 && partition.replicas.includes(r)) || !isDistinct(isr)) return 'INVALID_REQUEST';
  if (!isr.includes(partition.leader)) return 'INVALID_REQUEST';
  if (request.leaderRecoveryState === 'RECOVERING' && isr.length > 1) return 'INVALID_REQUEST';
  if (partition.leaderRecoveryState === 'RECOVERED' && request.leaderRecoveryState === 'RECOVERING') return 'INVALID_REQUEST';
  // ineligibleReplicasForIsr: unregistered, shutting down, fenced, or a quoted broker epoch that differs.
  const version = request.version ?? 3;
  for (let i = 0; i < isr.length; i++) {
    const b = brokerRegistration(ctx, isr[i]);
    const quoted = request.newIsrBrokerEpochs?.[i] ?? -1;
    if (b === undefined || b.inControlledShutdown || b.fenced || (quoted !== -1 && quoted !== b.epoch)) {
      return version > 1 ? 'INELIGIBLE_REPLICA' : 'OPERATION_NOT_ATTEMPTED';
    }
  }
  return 'NONE';
}

/**
 * `ReplicationControlManager.alterPartition` for one partition. On success the builder runs with the requested
 * ISR and recovery state (UNCLEAN election iff the topic enables it). If the record moves leadership away from
 * the sender (an ISR change that completes a reassignment), the record is still written but the reply is
 * NEW_LEADER_ELECTED (FENCED_LEADER_EPOCH for request version ≤ 1).
 */
export function alterPartition(
  partition: PartitionRegistration, request: AlterPartitionRequest, ctx: ControllerContext,
): AlterPartitionResult {
  const error = validateAlterPartition(partition, request, ctx);
  if (error !== 'NONE') return { error, record: undefined, partition };
  const result = buildPartitionChange({
    partition,
    acceptableLeaders: acceptableLeaders(partition, ctx),
    metadataVersion: ctx.metadataVersion,
    minIsr: effectiveMinIsr(partition, ctx),
    election: ctx.uncleanLeaderElectionEnable ? 'UNCLEAN' : 'ONLINE',
    elrEnabled: isElrEnabled(ctx),
    targetIsr: request.newIsr,
    targetLeaderRecoveryState: request.leaderRecoveryState,
    ...(ctx.preKafka15665Completion === true && { preKafka15665Completion: true }),
  });
  const leader = result.record?.leader ?? NO_LEADER_CHANGE;
  if (leader !== NO_LEADER_CHANGE && leader !== request.brokerId) {
    return { error: (request.version ?? 3) > 1 ? 'NEW_LEADER_ELECTED' : 'FENCED_LEADER_EPOCH', record: result.record, partition: result.partition };
  }
  return { error: 'NONE', record: result.record, partition: result.partition };
}
