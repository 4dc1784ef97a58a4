// `PartitionChangeBuilder.build()` as one pure function: from a registration and the requested targets to the
// optional PartitionChangeRecord and the merged registration. Step order and every condition follow
// apache/kafka@1eb7644 metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java.

import { electLeader, type Election } from './elect-leader.ts';
import { leaderAfterIsrShrinkBump, leaderAfterReassignmentBump } from './leader-epoch-bump.ts';
import { isLeaderRecoverySupported, type MetadataVersion } from './metadata-version.ts';
import {
  changeResult, isNoOpRecord, NO_LEADER, NO_LEADER_CHANGE,
  type LeaderRecoveryState, type PartitionChangeRecord, type PartitionChangeResult, type PartitionRegistration,
} from './partition-registration.ts';
import { ascendingUnion, containsAll, listEquals } from './replica-lists.ts';

export interface PartitionChangeInput {
  readonly partition: PartitionRegistration;
  /** Brokers Kafka's `isAcceptableLeader` accepts (only ids that can be candidates matter). */
  readonly acceptableLeaders: readonly number[];
  readonly metadataVersion: MetadataVersion;
  /** The topic's effective min ISR, min(min.insync.replicas, replication factor). */
  readonly minIsr: number;
  /** Default ONLINE. */
  readonly election?: Election;
  /** `setEligibleLeaderReplicasEnabled`; callers pass config ∧ MV ≥ 4.0-IV1. Default false. */
  readonly elrEnabled?: boolean;
  /** `useLastKnownLeaderInBalancedRecovery`. Default true. */
  readonly useLastKnownLeader?: boolean;
  /** Brokers that restarted without a clean shutdown: kept out of the new ELR. Default []. */
  readonly uncleanShutdownReplicas?: readonly number[];
  /** Targets default to the current registration's values. */
  readonly targetIsr?: readonly number[];
  readonly targetReplicas?: readonly number[];
  readonly targetRemoving?: readonly number[];
  readonly targetAdding?: readonly number[];
  readonly targetLeaderRecoveryState?: LeaderRecoveryState;
  /**
   * PartitionReassignmentReplicas.maybeCompleteReassignment before KAFKA-15665 (6dce7dce4b6, in 3.7.1/3.8.0):
   * complete once every adding replica is in the ISR, not every target replica. Default false (the fix).
   */
  readonly preKafka15665Completion?: boolean;
}

interface CompletedReassignment {
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
}

/** `PartitionReassignmentReplicas.maybeCompleteReassignment`. */
function completeReassignment(
  removing: readonly number[], adding: readonly number[], replicas: readonly number[], targetIsr: readonly number[], preKafka15665 = false,
): CompletedReassignment | undefined {
  if (removing.length === 0 && adding.length === 0) return undefined;
  let isr = targetIsr;
  let newReplicas = replicas;
  if (removing.length > 0) {
    isr = targetIsr.filter((r) => !removing.includes(r));
    if (isr.length === 0) return undefined;
    newReplicas = replicas.filter((r) => !removing.includes(r));
    if (newReplicas.length === 0) return undefined;
  }
  return containsAll(isr, preKafka15665 ? adding : newReplicas) ? { replicas: newReplicas, isr } : undefined;
}

/** Runs Kafka's builder; `record` is undefined when nothing would change (then `partition` is the input object). */
export function buildPartitionChange(input: PartitionChangeInput): PartitionChangeResult {
  const p = input.partition;
  const elrEnabled = input.elrEnabled ?? false;
  const useLastKnownLeader = input.useLastKnownLeader ?? true;
  const uncleanShutdown = input.uncleanShutdownReplicas ?? [];
  let targetIsr = input.targetIsr ?? p.isr;
  let targetReplicas = input.targetReplicas ?? p.replicas;
  let targetRemoving = input.targetRemoving ?? p.removingReplicas;
  let targetAdding = input.targetAdding ?? p.addingReplicas;
  let targetElr: readonly number[] = p.elr;
  let targetLastKnownElr: readonly number[] = p.lastKnownElr;
  const targetRecovery = input.targetLeaderRecoveryState ?? p.leaderRecoveryState;

  // 1. completeReassignmentIfNeeded.
  const completed = completeReassignment(targetRemoving, targetAdding, targetReplicas, targetIsr, input.preKafka15665Completion);
  if (completed !== undefined) {
    targetIsr = completed.isr;
    targetReplicas = completed.replicas;
    targetRemoving = [];
    targetAdding = [];
  }

  // 2. maybePopulateTargetElr. Below min ISR, the ELR collects the ex-ISR members (current ISR ∪ ELR, minus
  // the target ISR and unclean-shutdown replicas); lastKnownElr keeps the rest. HashSet order → ascending.
  if (elrEnabled) {
    if (targetIsr.length >= input.minIsr) {
      targetElr = [];
      targetLastKnownElr = [];
    } else {
      const candidates = ascendingUnion(targetElr, p.isr);
      const elr = candidates.filter((r) => !targetIsr.includes(r) && !uncleanShutdown.includes(r));
      targetElr = elr;
      targetLastKnownElr = ascendingUnion(candidates, targetLastKnownElr).filter((r) => !targetIsr.includes(r) && !elr.includes(r));
    }
  }

  // 3. tryElection.
  let recordLeader = NO_LEADER_CHANGE;
  let recordIsr: readonly number[] | undefined;
  let recordRecovery: LeaderRecoveryState | undefined;
  const elected = electLeader({
    partition: p, acceptableLeaders: input.acceptableLeaders, election: input.election ?? 'ONLINE',
    elrEnabled, useLastKnownLeader, targetIsr, targetReplicas, targetElr,
  });
  if (elected.leader !== p.leader) {
    const winner = elected.leader;
    if (targetElr.includes(winner)) {
      // Elected from the ELR: it becomes the whole ISR and leaves the ELR.
      targetIsr = [winner];
      targetElr = targetElr.filter((r) => r !== winner);
    }
    recordLeader = winner;
    if (elected.unclean) {
      // Unclean: the ISR is forced to the new leader alone (possible data loss), RECOVERING from MV 3.2.
      recordIsr = [winner];
      if (p.leaderRecoveryState !== 'RECOVERING' && isLeaderRecoverySupported(input.metadataVersion)) {
        recordRecovery = 'RECOVERING';
      }
    }
  }

  // 4. triggerLeaderEpochBumpForReplicaReassignmentIfNeeded.
  recordLeader = leaderAfterReassignmentBump(recordLeader, targetReplicas, p);

  // 5. maybeUpdateRecordElr.
  const cleanElection = recordIsr === undefined;
  if (!cleanElection || !elrEnabled) {
    targetElr = [];
    targetLastKnownElr = [];
  }
  const recordElr = listEquals(targetElr, p.elr) ? undefined : targetElr;
  if (
    useLastKnownLeader && p.lastKnownElr.length === 1 &&
    (recordLeader === NO_LEADER || (recordLeader === NO_LEADER_CHANGE && p.leader === NO_LEADER))
  ) {
    // The stored last known leader is kept while the partition stays leaderless.
    targetLastKnownElr = p.lastKnownElr;
  }
  let recordLastKnownElr: readonly number[] | undefined;
  if (!useLastKnownLeader && !listEquals(targetLastKnownElr, p.lastKnownElr)) recordLastKnownElr = targetLastKnownElr;

  // 6. ISR. Without ELR an empty target ISR is silently dropped: the last member stays (as in ZK mode).
  if (recordIsr === undefined && (targetIsr.length > 0 || elrEnabled) && !listEquals(targetIsr, p.isr)) {
    recordIsr = targetIsr;
  }

  // 7. triggerLeaderEpochBumpForIsrShrinkIfNeeded (MV < 3.6-IV0 only).
  recordLeader = leaderAfterIsrShrinkBump(recordLeader, recordIsr, p, input.metadataVersion);

  // 8. maybeUpdateLastKnownLeader. Note: when the ISR empties while the partition is already leaderless,
  // Kafka stores [-1] (partition.leader) as the last known leader; kept as is.
  if (useLastKnownLeader && elrEnabled) {
    if (recordIsr !== undefined && recordIsr.length === 0 &&
        (p.lastKnownElr.length !== 1 || p.lastKnownElr[0] !== p.leader)) {
      recordLastKnownElr = [p.leader];
    } else if ((recordLeader >= 0 || (p.leader !== NO_LEADER && recordLeader !== NO_LEADER)) && p.lastKnownElr.length > 0) {
      recordLastKnownElr = [];
    }
  }

  // 9. setAssignmentChanges (directories, MV ≥ 3.7-IV2, are not modelled).
  const recordReplicas = targetReplicas.length > 0 && !listEquals(targetReplicas, p.replicas) ? targetReplicas : undefined;
  const recordRemoving = listEquals(targetRemoving, p.removingReplicas) ? undefined : targetRemoving;
  const recordAdding = listEquals(targetAdding, p.addingReplicas) ? undefined : targetAdding;

  // 10. A requested recovery state that differs from the current one wins (it also overrides step 3's).
  if (targetRecovery !== p.leaderRecoveryState) recordRecovery = targetRecovery;

  const record: PartitionChangeRecord = {
    leader: recordLeader,
    ...(recordIsr !== undefined && { isr: recordIsr }),
    ...(recordElr !== undefined && { eligibleLeaderReplicas: recordElr }),
    ...(recordLastKnownElr !== undefined && { lastKnownElr: recordLastKnownElr }),
    ...(recordReplicas !== undefined && { replicas: recordReplicas }),
    ...(recordRemoving !== undefined && { removingReplicas: recordRemoving }),
    ...(recordAdding !== undefined && { addingReplicas: recordAdding }),
    ...(recordRecovery !== undefined && { leaderRecoveryState: recordRecovery }),
  };
  return changeResult(p, isNoOpRecord(record) ? undefined : record);
}
