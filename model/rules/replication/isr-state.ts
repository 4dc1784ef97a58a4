// The leader's ISR state while it proposes ISR changes through AlterPartition (KIP-497): committed, or one pending
// expansion / shrink, and the "maximal ISR" used for the HW and acks=all. Follows Partition.scala's
// CommittedPartitionState / PendingExpandIsr / PendingShrinkIsr, maybeShrinkIsr and maybeExpandIsr (1eb7644349cb).

import { canAddReplicaToIsr, isFollowerInSync } from './isr-eligibility.ts';
import { isCaughtUp, type FollowerReplica } from './replica-state.ts';
import { hasReplica, withoutReplicas, withReplica, type ReplicaSet } from './replica-set.ts';

/**
 * `isr` is always the last committed ISR. While a change is pending, `proposedIsr` is what the AlterPartition
 * request asked for; only one change is in flight at a time.
 */
export type IsrState =
  | { readonly kind: 'committed'; readonly isr: ReplicaSet }
  | { readonly kind: 'pending-expand'; readonly isr: ReplicaSet; readonly proposedIsr: ReplicaSet }
  | { readonly kind: 'pending-shrink'; readonly isr: ReplicaSet; readonly proposedIsr: ReplicaSet };

export function committedIsr(isr: ReplicaSet): IsrState {
  return { kind: 'committed', isr };
}

export function isInflight(state: IsrState): boolean {
  return state.kind !== 'committed';
}

/**
 * The maximal ISR: committed ∪ a pending addition. A pending shrink keeps the old ISR, since the shrink may still
 * fail; a pending expansion counts the new member at once, which can only hold the HW back (KIP-497).
 */
export function maximalIsr(state: IsrState): ReplicaSet {
  return state.kind === 'pending-expand' ? state.proposedIsr : state.isr;
}

/**
 * Partition.getOutOfSyncReplicas: none while a change is in flight; else the committed ISR members other than the
 * leader that are not caught up (a member with no replica state counts as out of sync).
 */
export function getOutOfSyncReplicas(
  state: IsrState,
  leaderId: number,
  followers: readonly FollowerReplica[],
  leaderLogEndOffset: number,
  nowMs: number,
  replicaLagTimeMaxMs: number,
): ReplicaSet {
  if (isInflight(state)) return [];
  return state.isr.filter((id) => {
    if (id === leaderId) return false;
    const follower = followers.find((f) => f.replicaId === id);
    return follower === undefined || !isCaughtUp(follower.state, leaderLogEndOffset, nowMs, replicaLagTimeMaxMs);
  });
}

/** Partition.maybeShrinkIsr: propose ISR − out-of-sync (a pending shrink), or stay unchanged. */
export function maybeShrinkIsr(
  state: IsrState,
  leaderId: number,
  followers: readonly FollowerReplica[],
  leaderLogEndOffset: number,
  nowMs: number,
  replicaLagTimeMaxMs: number,
): IsrState {
  const outOfSync = getOutOfSyncReplicas(state, leaderId, followers, leaderLogEndOffset, nowMs, replicaLagTimeMaxMs);
  if (outOfSync.length === 0) return state;
  return { kind: 'pending-shrink', isr: state.isr, proposedIsr: withoutReplicas(state.isr, outOfSync) };
}

/**
 * Partition.maybeExpandIsr, run after each follower fetch: nothing in flight, the follower not in the ISR and
 * ISR-eligible, and its LEO ≥ the leader's HW and ≥ the leader's current-epoch start offset → a pending expansion.
 */
export function maybeExpandIsr(
  state: IsrState,
  replicaId: number,
  followerLogEndOffset: number,
  leaderHighWatermark: number,
  leaderEpochStartOffset: number,
  isrEligible: boolean,
): IsrState {
  if (!canAddReplicaToIsr(replicaId, state.isr, isInflight(state), isrEligible)) return state;
  if (!isFollowerInSync(followerLogEndOffset, leaderHighWatermark, leaderEpochStartOffset)) return state;
  return { kind: 'pending-expand', isr: state.isr, proposedIsr: withReplica(state.isr, replicaId) };
}

/** The ISR an AlterPartition request for this state carries (undefined when nothing is pending). */
export function proposedIsr(state: IsrState): ReplicaSet | undefined {
  return state.kind === 'committed' ? undefined : state.proposedIsr;
}

/** True when `replicaId` counts for the HW and acks=all right now (member of the maximal ISR). */
export function inMaximalIsr(state: IsrState, replicaId: number): boolean {
  return hasReplica(maximalIsr(state), replicaId);
}
