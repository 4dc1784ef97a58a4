// The controller's election entry points for one partition: the ElectLeaders API (PREFERRED / UNCLEAN), the
// periodic unclean election of leaderless partitions, and the preferred-leader rebalance of imbalanced ones.
// Read from apache/kafka@1eb7644 ReplicationControlManager.electLeader / maybeTriggerUncleanLeaderElection... /
// maybeTriggerLeaderChangeForPartitionsWithoutPreferredLeader.

import { buildPartitionChange } from './build-partition-change.ts';
import { acceptableLeaders, effectiveMinIsr, isElrEnabled, type ControllerContext } from './controller-context.ts';
import {
  hasLeader, hasPreferredLeader, type PartitionChangeRecord, type PartitionChangeResult, type PartitionRegistration,
} from './partition-registration.ts';

/** Admin `ElectionType`. */
export type ElectionType = 'PREFERRED' | 'UNCLEAN';

export type ElectLeadersError = 'NONE' | 'ELECTION_NOT_NEEDED' | 'PREFERRED_LEADER_NOT_AVAILABLE' | 'ELIGIBLE_LEADERS_NOT_AVAILABLE';

export interface ElectLeadersResult {
  readonly error: ElectLeadersError;
  readonly record: PartitionChangeRecord | undefined;
  readonly partition: PartitionRegistration;
}

/**
 * `ReplicationControlManager.electLeader` (ElectLeaders API). PREFERRED: ELECTION_NOT_NEEDED if replicas[0]
 * already leads; UNCLEAN: ELECTION_NOT_NEEDED if there is any leader. Otherwise the builder runs with that
 * election (acceptable = active with an online dir) and no record means PREFERRED_LEADER_NOT_AVAILABLE /
 * ELIGIBLE_LEADERS_NOT_AVAILABLE. Note any record counts as success, even one that elects a non-preferred
 * replica or only rewrites the ELR.
 */
export function electLeaders(partition: PartitionRegistration, type: ElectionType, ctx: ControllerContext): ElectLeadersResult {
  if ((type === 'PREFERRED' && hasPreferredLeader(partition)) || (type === 'UNCLEAN' && hasLeader(partition))) {
    return { error: 'ELECTION_NOT_NEEDED', record: undefined, partition };
  }
  const result = buildPartitionChange({
    partition,
    acceptableLeaders: acceptableLeaders(partition, ctx),
    metadataVersion: ctx.metadataVersion,
    minIsr: effectiveMinIsr(partition, ctx),
    election: type,
    elrEnabled: isElrEnabled(ctx),
  });
  if (result.record === undefined) {
    return { ...result, error: type === 'PREFERRED' ? 'PREFERRED_LEADER_NOT_AVAILABLE' : 'ELIGIBLE_LEADERS_NOT_AVAILABLE' };
  }
  return { ...result, error: 'NONE' };
}

/** The periodic task (`maybeElectUncleanLeaders`): an UNCLEAN ElectLeaders on a leaderless partition of a topic with the config. */
export function maybeElectUncleanLeader(partition: PartitionRegistration, ctx: ControllerContext): PartitionChangeResult {
  if (hasLeader(partition) || !ctx.uncleanLeaderElectionEnable) return { record: undefined, partition };
  const { record, partition: merged } = electLeaders(partition, 'UNCLEAN', ctx);
  return { record, partition: merged };
}

/** `maybeBalancePartitionLeaders` for one imbalanced partition (leader ≠ replicas[0]): a PREFERRED build. */
export function maybeBalancePreferredLeader(partition: PartitionRegistration, ctx: ControllerContext): PartitionChangeResult {
  if (hasPreferredLeader(partition)) return { record: undefined, partition };
  return buildPartitionChange({
    partition,
    acceptableLeaders: acceptableLeaders(partition, ctx),
    metadataVersion: ctx.metadataVersion,
    minIsr: effectiveMinIsr(partition, ctx),
    election: 'PREFERRED',
    elrEnabled: isElrEnabled(ctx),
  });
}
