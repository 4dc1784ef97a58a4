// Where a follower truncates, given the leader's (epoch, end offset) answer: AbstractFetcherThread
// .getOffsetTruncationState (KIP-279 onwards; apache/kafka 1eb7644349cb). Used for OffsetsForLeaderEpoch replies and,
// since Kafka 2.8 (KAFKA-10554), for the divergingEpoch of a Fetch response.

import {
  endOffsetFor,
  endOffsetForKip279,
  UNDEFINED_EPOCH,
  UNDEFINED_EPOCH_OFFSET,
  type EpochEndOffset,
  type EpochEntries,
} from './leader-epoch-cache.ts';

/** OffsetTruncationState: the offset to truncate to, and whether no further OffsetsForLeaderEpoch round is needed. */
export interface OffsetTruncationState {
  readonly truncateTo: number;
  readonly truncationCompleted: boolean;
}

/**
 * Which endOffsetFor the follower applies to its own cache: `current` (Kafka ≥ 2.1) or `kip-279` (Kafka 2.0, where
 * an epoch below the follower's first cached epoch is "unknown", so the leader's offset is used as is).
 */
export type FollowerLookup = 'current' | 'kip-279';

/**
 * getOffsetTruncationState, in Kafka's order:
 * 1. leader's end offset undefined → truncate to the follower's fetch offset (its high watermark when truncating
 *    after becoming follower; its fetch position on the Fetch path), done;
 * 2. leader's epoch undefined (pre-2.0 reply) → min(leader offset, follower LEO), done;
 * 3. the follower's own endOffsetFor(leader epoch) is undefined → min(leader offset, follower LEO), done;
 * 4. the follower's epoch found ≠ the leader's → min(own end offset, LEO), NOT done: ask again with the follower's
 *    then-latest epoch;
 * 5. else min(own end offset, leader offset, LEO), done.
 */
export function getOffsetTruncationState(
  leaderReply: EpochEndOffset,
  followerEntries: EpochEntries,
  followerLogEndOffset: number,
  followerFetchOffset: number,
  lookup: FollowerLookup = 'current',
): OffsetTruncationState {
  if (leaderReply.endOffset === UNDEFINED_EPOCH_OFFSET) {
    return { truncateTo: followerFetchOffset, truncationCompleted: true };
  }
  if (leaderReply.epoch === UNDEFINED_EPOCH) {
    return { truncateTo: Math.min(leaderReply.endOffset, followerLogEndOffset), truncationCompleted: true };
  }
  const own =
    lookup === 'current'
      ? endOffsetFor(followerEntries, leaderReply.epoch, followerLogEndOffset)
      : endOffsetForKip279(followerEntries, leaderReply.epoch, followerLogEndOffset);
  // UnifiedLog.endOffsetForEpoch turns an undefined offset into None.
  if (own.endOffset === UNDEFINED_EPOCH_OFFSET) {
    return { truncateTo: Math.min(leaderReply.endOffset, followerLogEndOffset), truncationCompleted: true };
  }
  if (own.epoch !== leaderReply.epoch) {
    return { truncateTo: Math.min(own.endOffset, followerLogEndOffset), truncationCompleted: false };
  }
  return {
    truncateTo: Math.min(own.endOffset, leaderReply.endOffset, followerLogEndOffset),
    truncationCompleted: true,
  };
}
