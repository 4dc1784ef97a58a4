// The ZK controller's four leader choosers: kafka.controller.PartitionLeaderElectionAlgorithms
// (PartitionStateMachine.scala @ apache/kafka 7c429f3514d^). Each returns the chosen broker or null (Scala None).
// Lists are in assignment order; "live" sets are given as arrays and only tested for membership.

export interface OfflineLeaderChoice {
  readonly leader: number | null;
  /** True when the leader came from outside the ISR (Kafka marks the unclean-election rate metric). */
  readonly unclean: boolean;
}

/**
 * Offline (and new) partitions: the first assigned replica that is live and in the ISR; failing that, if unclean
 * election is enabled, the first live assigned replica — an unclean election.
 */
export function offlinePartitionLeaderElection(
  assignment: readonly number[],
  isr: readonly number[],
  live: readonly number[],
  uncleanLeaderElectionEnabled: boolean,
): OfflineLeaderChoice {
  const clean = assignment.find((id) => live.includes(id) && isr.includes(id));
  if (clean !== undefined) return { leader: clean, unclean: false };
  if (!uncleanLeaderElectionEnabled) return { leader: null, unclean: false };
  const any = assignment.find((id) => live.includes(id));
  return any === undefined ? { leader: null, unclean: false } : { leader: any, unclean: true };
}

/** Reassignment: the first replica of the *target* replicas that is live and in the ISR. */
export function reassignPartitionLeaderElection(
  targetReplicas: readonly number[],
  isr: readonly number[],
  live: readonly number[],
): number | null {
  return targetReplicas.find((id) => live.includes(id) && isr.includes(id)) ?? null;
}

/** Preferred: the first assigned replica iff it is live and in the ISR — "preferred or nothing", no fallback. */
export function preferredReplicaPartitionLeaderElection(
  assignment: readonly number[],
  isr: readonly number[],
  live: readonly number[],
): number | null {
  const preferred = assignment[0];
  return preferred !== undefined && live.includes(preferred) && isr.includes(preferred) ? preferred : null;
}

/**
 * Controlled shutdown: the first assigned replica that is live (here shutting-down brokers count as live), in the
 * ISR and not shutting down.
 */
export function controlledShutdownPartitionLeaderElection(
  assignment: readonly number[],
  isr: readonly number[],
  liveOrShuttingDown: readonly number[],
  shuttingDown: readonly number[],
): number | null {
  return assignment.find((id) => liveOrShuttingDown.includes(id) && isr.includes(id) && !shuttingDown.includes(id)) ?? null;
}
