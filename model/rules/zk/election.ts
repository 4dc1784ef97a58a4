// The ZK controller's elections as new partition states: kafka.controller.Election (Election.scala @ apache/kafka
// 7c429f3514d^). Each wraps a PartitionLeaderElectionAlgorithms chooser and returns the LeaderAndIsr to write (the
// leader, the ISR it produces, leaderEpoch+1) or null when no leader can be chosen. partitionEpoch is left as read:
// it is the expected zkVersion of the CAS in updateLeaderAndIsr, which sets the new one.
import {
  controlledShutdownPartitionLeaderElection,
  offlinePartitionLeaderElection,
  preferredReplicaPartitionLeaderElection,
  reassignPartitionLeaderElection,
} from './partition-leader-election-algorithms.ts';
import type { LeaderAndIsr } from './zk-state.ts';

export interface OfflineElectionInput {
  readonly assignment: readonly number[];
  /** Brokers whose replica is online: registered, not shutting down, log dir online (isReplicaOnline). */
  readonly online: readonly number[];
  readonly uncleanLeaderElectionEnabled: boolean;
  /** IBP ≥ 3.2-IV0 (isLeaderRecoverySupported): an unclean leader starts RECOVERING. */
  readonly isLeaderRecoverySupported: boolean;
}

export interface OfflineElection {
  readonly leaderAndIsr: LeaderAndIsr | null;
  readonly unclean: boolean;
}

/**
 * Election.leaderForOffline: if the leader was in the ISR, the new ISR is the ISR's online members (in ISR
 * order); otherwise (unclean) the ISR is [leader] and, with leader recovery supported, the state is RECOVERING.
 * A clean election keeps the previous leaderRecoveryState.
 */
export function leaderForOffline(current: LeaderAndIsr, input: OfflineElectionInput): OfflineElection {
  const { assignment, online } = input;
  const live = assignment.filter((r) => online.includes(r));
  const choice = offlinePartitionLeaderElection(assignment, current.isr, live, input.uncleanLeaderElectionEnabled);
  if (choice.leader === null) return { leaderAndIsr: null, unclean: false };
  const leader = choice.leader;
  const wasInIsr = current.isr.includes(leader);
  const isr = wasInIsr ? current.isr.filter((r) => online.includes(r)) : [leader];
  const leaderRecoveryState = !wasInIsr && input.isLeaderRecoverySupported ? 'RECOVERING' : current.leaderRecoveryState;
  return { leaderAndIsr: { ...current, leader, leaderEpoch: current.leaderEpoch + 1, isr, leaderRecoveryState }, unclean: choice.unclean };
}

/** Election.leaderForReassign: leader from the target replicas; the ISR is unchanged. */
export function leaderForReassign(
  current: LeaderAndIsr,
  input: { readonly targetReplicas: readonly number[]; readonly online: readonly number[] },
): LeaderAndIsr | null {
  const live = input.targetReplicas.filter((r) => input.online.includes(r));
  const leader = reassignPartitionLeaderElection(input.targetReplicas, current.isr, live);
  return leader === null ? null : { ...current, leader, leaderEpoch: current.leaderEpoch + 1 };
}

/** Election.leaderForPreferredReplica: the preferred replica or nothing; the ISR is unchanged. */
export function leaderForPreferredReplica(
  current: LeaderAndIsr,
  input: { readonly assignment: readonly number[]; readonly online: readonly number[] },
): LeaderAndIsr | null {
  const live = input.assignment.filter((r) => input.online.includes(r));
  const leader = preferredReplicaPartitionLeaderElection(input.assignment, current.isr, live);
  return leader === null ? null : { ...current, leader, leaderEpoch: current.leaderEpoch + 1 };
}

/**
 * Election.leaderForControlledShutdown: the new ISR drops every shutting-down broker. Kafka only writes when a
 * leader is found, so a partition whose only ISR members are shutting down keeps its state (returns null).
 */
export function leaderForControlledShutdown(
  current: LeaderAndIsr,
  input: {
    readonly assignment: readonly number[];
    /** Registered brokers including shutting-down ones, with the replica's log dir online. */
    readonly onlineOrShuttingDown: readonly number[];
    readonly shuttingDown: readonly number[];
  },
): LeaderAndIsr | null {
  const live = input.assignment.filter((r) => input.onlineOrShuttingDown.includes(r));
  const leader = controlledShutdownPartitionLeaderElection(input.assignment, current.isr, live, input.shuttingDown);
  if (leader === null) return null;
  const isr = current.isr.filter((r) => !input.shuttingDown.includes(r));
  return { ...current, leader, leaderEpoch: current.leaderEpoch + 1, isr };
}
