// A KRaft partition registration (`PartitionRegistration`), the `PartitionChangeRecord` that edits it, and
// the merge rule: every record bumps partitionEpoch; a record whose leader field is set (even to the same
// broker or to -1) bumps leaderEpoch. Directories are not modelled.

/** Leader id meaning "no leader" (`LeaderConstants.NO_LEADER`). */
export const NO_LEADER = -1;
/** Record leader value meaning "leader field not set" (`LeaderConstants.NO_LEADER_CHANGE`). */
export const NO_LEADER_CHANGE = -2;

/** KIP-704 leader recovery state; RECOVERING follows an unclean election until the leader reports RECOVERED. */
export type LeaderRecoveryState = 'RECOVERED' | 'RECOVERING';

export interface PartitionRegistration {
  /** Assignment order; replicas[0] is the preferred leader. During a reassignment it includes adding+removing. */
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly removingReplicas: readonly number[];
  readonly addingReplicas: readonly number[];
  /** Broker id, or NO_LEADER (-1). */
  readonly leader: number;
  readonly leaderRecoveryState: LeaderRecoveryState;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  /** KIP-966 eligible leader replicas (ascending ids when written by the controller). */
  readonly elr: readonly number[];
  /** KIP-966 last-known ELR; with `useLastKnownLeader` it holds just the last known leader. */
  readonly lastKnownElr: readonly number[];
}

/** A registration with the reassignment and ELR lists optional (absent = empty), as vectors write them. */
export type PartitionInit = Omit<PartitionRegistration, 'removingReplicas' | 'addingReplicas' | 'elr' | 'lastKnownElr'> &
  Partial<Pick<PartitionRegistration, 'removingReplicas' | 'addingReplicas' | 'elr' | 'lastKnownElr'>>;

/** Fills the optional lists with [] so every registration has one canonical shape. */
export function partitionRegistration(init: PartitionInit): PartitionRegistration {
  return {
    replicas: init.replicas,
    isr: init.isr,
    removingReplicas: init.removingReplicas ?? [],
    addingReplicas: init.addingReplicas ?? [],
    leader: init.leader,
    leaderRecoveryState: init.leaderRecoveryState,
    leaderEpoch: init.leaderEpoch,
    partitionEpoch: init.partitionEpoch,
    elr: init.elr ?? [],
    lastKnownElr: init.lastKnownElr ?? [],
  };
}

/**
 * `PartitionChangeRecord`: every field but `leader` is absent when unchanged; `leader` is NO_LEADER_CHANGE (-2)
 * when unchanged. (Kafka's record also carries directories from MV 3.7-IV2; the model leaves them out.)
 */
export interface PartitionChangeRecord {
  readonly leader: number;
  readonly isr?: readonly number[];
  readonly eligibleLeaderReplicas?: readonly number[];
  readonly lastKnownElr?: readonly number[];
  readonly replicas?: readonly number[];
  readonly removingReplicas?: readonly number[];
  readonly addingReplicas?: readonly number[];
  readonly leaderRecoveryState?: LeaderRecoveryState;
}

/** What every partition-change rule returns: the record (undefined = nothing to write) and the merged registration. */
export interface PartitionChangeResult {
  readonly record: PartitionChangeRecord | undefined;
  /** `partition` merged with `record`; the very same object when `record` is undefined. */
  readonly partition: PartitionRegistration;
}

/** `PartitionChangeBuilder.changeRecordIsNoOp`: true iff no field is set. */
export function isNoOpRecord(record: PartitionChangeRecord): boolean {
  return (
    record.leader === NO_LEADER_CHANGE &&
    record.isr === undefined &&
    record.eligibleLeaderReplicas === undefined &&
    record.lastKnownElr === undefined &&
    record.replicas === undefined &&
    record.removingReplicas === undefined &&
    record.addingReplicas === undefined &&
    record.leaderRecoveryState === undefined
  );
}

/** `PartitionRegistration.merge`: apply a record. partitionEpoch+1 always; leaderEpoch+1 iff the leader field is set. */
export function mergePartitionChange(partition: PartitionRegistration, record: PartitionChangeRecord): PartitionRegistration {
  const leaderSet = record.leader !== NO_LEADER_CHANGE;
  return {
    replicas: record.replicas ?? partition.replicas,
    isr: record.isr ?? partition.isr,
    removingReplicas: record.removingReplicas ?? partition.removingReplicas,
    addingReplicas: record.addingReplicas ?? partition.addingReplicas,
    leader: leaderSet ? record.leader : partition.leader,
    leaderRecoveryState: record.leaderRecoveryState ?? partition.leaderRecoveryState,
    leaderEpoch: leaderSet ? partition.leaderEpoch + 1 : partition.leaderEpoch,
    partitionEpoch: partition.partitionEpoch + 1,
    elr: record.eligibleLeaderReplicas ?? partition.elr,
    lastKnownElr: record.lastKnownElr ?? partition.lastKnownElr,
  };
}

/** Wraps an optional record into a result, merging it when present. */
export function changeResult(partition: PartitionRegistration, record: PartitionChangeRecord | undefined): PartitionChangeResult {
  return record === undefined ? { record, partition } : { record, partition: mergePartitionChange(partition, record) };
}

/** `PartitionRegistration.hasLeader`. */
export function hasLeader(partition: PartitionRegistration): boolean {
  return partition.leader !== NO_LEADER;
}

/** `PartitionRegistration.hasPreferredLeader`: the leader is replicas[0] (NO_LEADER if there are no replicas). */
export function hasPreferredLeader(partition: PartitionRegistration): boolean {
  const preferred = partition.replicas.length === 0 ? NO_LEADER : partition.replicas[0];
  return partition.leader === preferred;
}
