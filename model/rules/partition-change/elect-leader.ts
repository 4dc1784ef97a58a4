// `PartitionChangeBuilder.electLeader`: who leads after a change, given the target ISR/replicas/ELR, the
// election type and which brokers are acceptable leaders. Read from apache/kafka@1eb7644
// metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java (electPreferredLeader,
// electAnyLeader, canElectLastKnownLeader, isValidNewLeader).

import { NO_LEADER, type PartitionRegistration } from './partition-registration.ts';

/** `PartitionChangeBuilder.Election`. ONLINE is Kafka's default. */
export type Election = 'PREFERRED' | 'ONLINE' | 'UNCLEAN';

export interface ElectLeaderInput {
  /** The current registration: supplies the current leader and the current lastKnownElr. */
  readonly partition: PartitionRegistration;
  /** Brokers that may lead (Kafka's `isAcceptableLeader` predicate, as the set of ids it accepts). */
  readonly acceptableLeaders: readonly number[];
  readonly election?: Election;
  readonly elrEnabled?: boolean;
  /** `useLastKnownLeaderInBalancedRecovery`; Kafka's default is true. */
  readonly useLastKnownLeader?: boolean;
  /** Default: partition.isr. */
  readonly targetIsr?: readonly number[];
  /** Default: partition.replicas. */
  readonly targetReplicas?: readonly number[];
  /** Default: partition.elr. */
  readonly targetElr?: readonly number[];
}

export interface ElectionResult {
  /** The elected broker, or NO_LEADER (-1). */
  readonly leader: number;
  /** True for an unclean election: a replica outside ISR/ELR, or the last known leader. */
  readonly unclean: boolean;
}

/** Elects a leader exactly as `PartitionChangeBuilder.electLeader` does on already-computed targets. */
export function electLeader(input: ElectLeaderInput): ElectionResult {
  const { partition, acceptableLeaders } = input;
  const election = input.election ?? 'ONLINE';
  const targetIsr = input.targetIsr ?? partition.isr;
  const targetReplicas = input.targetReplicas ?? partition.replicas;
  const targetElr = input.targetElr ?? partition.elr;

  // Module-level helpers, not closures per call (esbuild's keepNames wraps each in a defineProperty): this runs
  // on most controller steps.
  const valid = { targetIsr, targetElr, acceptableLeaders };

  if (election === 'PREFERRED') {
    // electPreferredLeader: preferred replica, then the current leader, then any other valid replica.
    const preferred = targetReplicas[0];
    if (preferred !== undefined && isValidNewLeader(valid, preferred)) return { leader: preferred, unclean: false };
    if (isValidNewLeader(valid, partition.leader)) return { leader: partition.leader, unclean: false };
    for (let i = 1; i < targetReplicas.length; i++) {
      if (isValidNewLeader(valid, targetReplicas[i])) return { leader: targetReplicas[i], unclean: false };
    }
    if (canElectLastKnownLeader(input, targetIsr, targetElr)) return { leader: partition.lastKnownElr[0], unclean: true };
    return { leader: NO_LEADER, unclean: false };
  }

  // electAnyLeader (ONLINE and UNCLEAN): keep a valid current leader, else the first valid replica.
  if (isValidNewLeader(valid, partition.leader)) return { leader: partition.leader, unclean: false };
  for (const r of targetReplicas) if (isValidNewLeader(valid, r)) return { leader: r, unclean: false };
  if (canElectLastKnownLeader(input, targetIsr, targetElr)) return { leader: partition.lastKnownElr[0], unclean: true };
  if (election === 'UNCLEAN') {
    for (const r of targetReplicas) if (acceptableLeaders.includes(r)) return { leader: r, unclean: true };
  }
  return { leader: NO_LEADER, unclean: false };
}

/** isValidNewLeader: in the target ISR, or (the target ISR is empty and) in the target ELR; and acceptable. */
function isValidNewLeader(t: { targetIsr: readonly number[]; targetElr: readonly number[]; acceptableLeaders: readonly number[] }, r: number): boolean {
  const { targetIsr, targetElr, acceptableLeaders } = t;
  return (targetIsr.includes(r) || (targetIsr.length === 0 && targetElr.includes(r))) && acceptableLeaders.includes(r);
}

/**
 * canElectLastKnownLeader. Quirk kept on purpose: Kafka tests isAcceptableLeader on the last known leader but only
 * logs the result, so a dead or fenced last known leader is still elected (unclean).
 */
function canElectLastKnownLeader(input: ElectLeaderInput, targetIsr: readonly number[], targetElr: readonly number[]): boolean {
  return (
    (input.elrEnabled ?? false) &&
    (input.useLastKnownLeader ?? true) &&
    targetElr.length === 0 &&
    targetIsr.length === 0 &&
    input.partition.lastKnownElr.length === 1
  );
}
