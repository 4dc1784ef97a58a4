// The two leader-epoch bumps `PartitionChangeBuilder` adds when the leader itself does not change: setting
// the record's leader field to the current leader forces leaderEpoch+1 on merge. Read from
// triggerLeaderEpochBumpForReplicaReassignmentIfNeeded / triggerLeaderEpochBumpForIsrShrinkIfNeeded.

import { isLeaderEpochBumpRequiredOnIsrShrink, type MetadataVersion } from './metadata-version.ts';
import { NO_LEADER_CHANGE, type PartitionRegistration } from './partition-registration.ts';
import { containsAll } from './replica-lists.ts';

/**
 * Reassignment bump (every MV): if the leader field is unset and the new replica set lacks one of the old
 * replicas, return the current leader (bump); otherwise return `recordLeader` unchanged.
 */
export function leaderAfterReassignmentBump(
  recordLeader: number,
  targetReplicas: readonly number[],
  partition: PartitionRegistration,
): number {
  if (recordLeader !== NO_LEADER_CHANGE) return recordLeader;
  return containsAll(targetReplicas, partition.replicas) ? recordLeader : partition.leader;
}

/**
 * ISR-shrink bump (only MV < 3.6-IV0, KAFKA-15021): if the leader field is unset, the record sets an ISR and
 * that ISR lacks a member of the old ISR, return the current leader (bump). Expansions never bump.
 */
export function leaderAfterIsrShrinkBump(
  recordLeader: number,
  recordIsr: readonly number[] | undefined,
  partition: PartitionRegistration,
  metadataVersion: MetadataVersion,
): number {
  if (!isLeaderEpochBumpRequiredOnIsrShrink(metadataVersion)) return recordLeader;
  if (recordLeader !== NO_LEADER_CHANGE || recordIsr === undefined) return recordLeader;
  return containsAll(recordIsr, partition.isr) ? recordLeader : partition.leader;
}
