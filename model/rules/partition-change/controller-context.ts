// What the KRaft controller (`ReplicationControlManager` + `ClusterControlManager`) knows when it changes one
// partition: broker registrations, the metadata version, the ELR switch and the topic's configs. Also Kafka's
// acceptable-leader rule (`LeaderAcceptor`, `isActive`) and the effective min ISR.

import { isElrSupported, type MetadataVersion } from './metadata-version.ts';
import type { PartitionRegistration } from './partition-registration.ts';

/** A registered broker as the controller sees it (`BrokerRegistration`). */
export interface BrokerRegistration {
  readonly id: number;
  /** Broker epoch (the offset of its registration record); AlterPartition requests must quote it. */
  readonly epoch: number;
  readonly fenced: boolean;
  readonly inControlledShutdown: boolean;
}

export interface ControllerContext {
  /** Registered brokers; an id missing here is unregistered. Order is irrelevant. */
  readonly brokers: readonly BrokerRegistration[];
  readonly metadataVersion: MetadataVersion;
  /** Controller config `eligible.leader.replicas.enable`; effective only when MV ≥ 4.0-IV1. */
  readonly elrConfigEnabled: boolean;
  /** Topic config `min.insync.replicas`. */
  readonly minInsyncReplicas: number;
  /** Topic config `unclean.leader.election.enable`. */
  readonly uncleanLeaderElectionEnable: boolean;
  /** Replicas of this partition whose log directory is offline (never acceptable leaders). Default []. */
  readonly offlineReplicas?: readonly number[];
  /** Completion rule before KAFKA-15665 (6dce7dce4b6, 3.7.1/3.8.0): only the adding replicas must be in the ISR. Default false. */
  readonly preKafka15665Completion?: boolean;
}

export function brokerRegistration(ctx: ControllerContext, id: number): BrokerRegistration | undefined {
  for (const b of ctx.brokers) if (b.id === id) return b;
  return undefined;
}

/** `ClusterControlManager.isActive`: registered, unfenced and not in controlled shutdown. */
export function isBrokerActive(ctx: ControllerContext, id: number): boolean {
  const b = brokerRegistration(ctx, id);
  return b !== undefined && !b.fenced && !b.inControlledShutdown;
}

/** `ReplicationControlManager.isElrEnabled`: the config and MV ≥ 4.0-IV1. */
export function isElrEnabled(ctx: ControllerContext): boolean {
  return ctx.elrConfigEnabled && isElrSupported(ctx.metadataVersion);
}

/**
 * `getTopicEffectiveMinIsr`: min(min.insync.replicas, replication factor). Kafka takes the replication factor
 * from partition 0 of the topic; a single-partition model uses this partition's replica count.
 */
export function effectiveMinIsr(partition: PartitionRegistration, ctx: ControllerContext): number {
  return Math.min(ctx.minInsyncReplicas, partition.replicas.length);
}

/** The brokers `generateLeaderAndIsrUpdates` is told to treat specially (NO_LEADER / undefined = none). */
export interface LeaderAndIsrChange {
  /** Fenced / unregistered / shutting down / dir offline: dropped from the ISR and never acceptable. */
  readonly remove?: number;
  /** Being unfenced: acceptable although its registration still reads fenced. */
  readonly add?: number;
  /** Restarted without a clean shutdown: dropped from ISR and ELR and never acceptable. */
  readonly uncleanShutdown?: number;
}

/**
 * The replicas Kafka's `LeaderAcceptor` accepts: r ≠ remove ∧ r ≠ uncleanShutdown ∧ (r = add ∨ active(r)) ∧
 * r's log dir for this partition online (and r registered, as `hasOnlineDir` requires).
 */
export function acceptableLeaders(
  partition: PartitionRegistration, ctx: ControllerContext, change: LeaderAndIsrChange = {},
): readonly number[] {
  const offline = ctx.offlineReplicas ?? [];
  return partition.replicas.filter(
    (r) =>
      r !== change.remove &&
      r !== change.uncleanShutdown &&
      (r === change.add ? brokerRegistration(ctx, r) !== undefined : isBrokerActive(ctx, r)) &&
      !offline.includes(r),
  );
}
