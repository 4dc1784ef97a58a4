// Truncation detection on the Fetch path (KIP-595 protocol, used by replica fetchers since KAFKA-10554): the leader
// checks the follower's lastFetchedEpoch against its epoch cache before reading (Partition.readRecords at
// apache/kafka 1eb7644349cb), and the follower truncates on a divergingEpoch (AbstractFetcherThread.truncateOnFetchResponse).

import { endOffsetFor, UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET, type EpochEndOffset, type EpochEntries } from './leader-epoch-cache.ts';
import { getOffsetTruncationState, type OffsetTruncationState } from './offset-truncation-state.ts';

export type FetchEpochValidation =
  | { readonly kind: 'read' }
  | { readonly kind: 'diverging'; readonly divergingEpoch: EpochEndOffset }
  | { readonly kind: 'offset-out-of-range' };

/**
 * The leader's check of a follower Fetch (after the current-leader-epoch check). With a lastFetchedEpoch (≥ 0): the
 * leader's endOffsetFor(lastFetchedEpoch) undefined → OFFSET_OUT_OF_RANGE; fetch offset below the log start →
 * OFFSET_OUT_OF_RANGE; found epoch < lastFetchedEpoch or found end offset < fetch offset → a divergingEpoch with the
 * found (epoch, end offset) and no records. Then the read itself: an offset beyond the LEO is out of range
 * (LocalLog.read). A diverging fetch does not update the follower's state on the leader (Partition.fetchRecords).
 */
export function validateFetchEpoch(
  leaderEntries: EpochEntries,
  leaderLogEndOffset: number,
  lastFetchedEpoch: number,
  fetchOffset: number,
  leaderLogStartOffset = 0,
): FetchEpochValidation {
  if (lastFetchedEpoch >= 0) {
    const found = endOffsetFor(leaderEntries, lastFetchedEpoch, leaderLogEndOffset);
    if (found.endOffset === UNDEFINED_EPOCH_OFFSET || found.epoch === UNDEFINED_EPOCH) return { kind: 'offset-out-of-range' };
    if (fetchOffset < leaderLogStartOffset) return { kind: 'offset-out-of-range' };
    if (found.epoch < lastFetchedEpoch || found.endOffset < fetchOffset) return { kind: 'diverging', divergingEpoch: found };
  }
  if (fetchOffset < leaderLogStartOffset || fetchOffset > leaderLogEndOffset) return { kind: 'offset-out-of-range' };
  return { kind: 'read' };
}

/**
 * The follower's truncation on a divergingEpoch: getOffsetTruncationState with its current fetch offset (its LEO),
 * using the current endOffsetFor. truncationCompleted is informational here: the partition stays in Fetching, and
 * the next Fetch carries the follower's new latest epoch, which is how the "ask again" of KIP-279 happens.
 */
export function truncateOnDivergingEpoch(
  divergingEpoch: EpochEndOffset,
  followerEntries: EpochEntries,
  followerLogEndOffset: number,
  followerFetchOffset: number = followerLogEndOffset,
): OffsetTruncationState {
  return getOffsetTruncationState(divergingEpoch, followerEntries, followerLogEndOffset, followerFetchOffset, 'current');
}
