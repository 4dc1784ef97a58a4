// `ReplicationControlManager.generateLeaderAndIsrUpdates` and its broker-lifecycle callers, per partition:
// fenced, unregistered, controlled shutdown, log dir offline (remove=b), unfenced (add=b, leaderless
// partitions only) and unclean shutdown (b leaves ISR and ELR). Read from apache/kafka@1eb7644 ReplicationControlManager.java.

import { buildPartitionChange } from './build-partition-change.ts';
import {
  acceptableLeaders, effectiveMinIsr, isElrEnabled, type ControllerContext, type LeaderAndIsrChange,
} from './controller-context.ts';
import { isElrSupported } from './metadata-version.ts';
import { NO_LEADER, type PartitionChangeResult, type PartitionRegistration } from './partition-registration.ts';
import { without } from './replica-lists.ts';

const unchanged = (partition: PartitionRegistration): PartitionChangeResult => ({ record: undefined, partition });
const isBroker = (id: number | undefined): id is number => id !== undefined && id !== NO_LEADER;

/**
 * One partition's step of `generateLeaderAndIsrUpdates`: target ISR = ISR − {remove, uncleanShutdown};
 * election UNCLEAN iff the topic enables unclean leader election, else ONLINE; ELR per `isElrEnabled`.
 */
export function generateLeaderAndIsrUpdate(
  partition: PartitionRegistration, ctx: ControllerContext, change: LeaderAndIsrChange,
): PartitionChangeResult {
  const dropped = [change.remove, change.uncleanShutdown].filter(isBroker);
  return buildPartitionChange({
    partition,
    acceptableLeaders: acceptableLeaders(partition, ctx, change),
    metadataVersion: ctx.metadataVersion,
    minIsr: effectiveMinIsr(partition, ctx),
    election: ctx.uncleanLeaderElectionEnable ? 'UNCLEAN' : 'ONLINE',
    elrEnabled: isElrEnabled(ctx),
    ...(isBroker(change.uncleanShutdown) && { uncleanShutdownReplicas: [change.uncleanShutdown] }),
    targetIsr: without(partition.isr, dropped),
    ...(ctx.preKafka15665Completion === true && { preKafka15665Completion: true }),
  });
}

/** `handleBrokerFenced`: partitions with b in the ISR lose b (and b as leader). */
export function handleBrokerFenced(partition: PartitionRegistration, brokerId: number, ctx: ControllerContext): PartitionChangeResult {
  return partition.isr.includes(brokerId) ? generateLeaderAndIsrUpdate(partition, ctx, { remove: brokerId }) : unchanged(partition);
}

/**
 * `handleBrokerUnregistered`: the same over partitions with b in the ISR, then over those with b in the ELR
 * (both passes read the pre-change registration; ISR and ELR are disjoint, so at most one applies). In the
 * ELR pass b is only made unacceptable: Kafka does not drop it from the ELR here.
 */
export function handleBrokerUnregistered(partition: PartitionRegistration, brokerId: number, ctx: ControllerContext): PartitionChangeResult {
  return partition.isr.includes(brokerId) || partition.elr.includes(brokerId)
    ? generateLeaderAndIsrUpdate(partition, ctx, { remove: brokerId })
    : unchanged(partition);
}

/** `handleBrokerInControlledShutdown`: partitions with b in the ISR lose b; b may no longer lead. */
export function handleBrokerInControlledShutdown(
  partition: PartitionRegistration, brokerId: number, ctx: ControllerContext,
): PartitionChangeResult {
  return partition.isr.includes(brokerId) ? generateLeaderAndIsrUpdate(partition, ctx, { remove: brokerId }) : unchanged(partition);
}

/** `handleDirectoriesOffline`: every partition in b's offline directory is treated like a fence of b. */
export function handleDirectoryOffline(partition: PartitionRegistration, brokerId: number, ctx: ControllerContext): PartitionChangeResult {
  return partition.replicas.includes(brokerId) ? generateLeaderAndIsrUpdate(partition, ctx, { remove: brokerId }) : unchanged(partition);
}

/**
 * `handleBrokerUnfenced`: only leaderless partitions are revisited, with b acceptable even though its
 * registration still reads fenced. The ISR is never grown here: b re-joins through the leader's AlterPartition.
 */
export function handleBrokerUnfenced(partition: PartitionRegistration, brokerId: number, ctx: ControllerContext): PartitionChangeResult {
  return partition.leader === NO_LEADER ? generateLeaderAndIsrUpdate(partition, ctx, { add: brokerId }) : unchanged(partition);
}

/**
 * `handleBrokerUncleanShutdown` (KIP-966; runs when b re-registers without a clean shutdown, MV ≥ 4.0-IV1
 * regardless of the ELR config): partitions with b in the ISR or ELR drop b from both.
 */
export function handleBrokerUncleanShutdown(
  partition: PartitionRegistration, brokerId: number, ctx: ControllerContext,
): PartitionChangeResult {
  if (!isElrSupported(ctx.metadataVersion)) return unchanged(partition);
  return partition.isr.includes(brokerId) || partition.elr.includes(brokerId)
    ? generateLeaderAndIsrUpdate(partition, ctx, { uncleanShutdown: brokerId })
    : unchanged(partition);
}
