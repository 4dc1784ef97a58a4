// The eras of follower truncation that a replication model selects, with what each era's leader answers to an
// OffsetsForLeaderEpoch request. Eras follow hachikuji/kafka-specification (KafkaTruncateToHighWatermark, Kip101,
// Kip279, Kip320 .tla) and the Kafka commits that shipped them; the rules themselves are Kafka's, not the spec's.

import {
  endOffsetFor,
  endOffsetForKip101,
  endOffsetForKip279,
  UNDEFINED_EPOCH,
  UNDEFINED_EPOCH_END_OFFSET,
  type EpochEndOffset,
  type EpochEntries,
} from './leader-epoch-cache.ts';

/**
 * - `high-watermark`: before KIP-101 (Kafka ≤ 0.10) a new follower truncates to its own high watermark (bug 1).
 * - `kip-101` (0.11–1.1): OffsetsForLeaderEpoch with the follower's latest epoch; the leader answers an offset only
 *   and "undefined" sends the follower back to its high watermark (bug 2).
 * - `kip-279` (2.0): the leader answers (epoch, end offset) and the follower iterates (getOffsetTruncationState).
 * - `kip-320` (2.1–2.7): kip-279 plus current-leader-epoch fencing of Fetch and OffsetsForLeaderEpoch, and a new
 *   leader caches its epoch at its LEO on election (KAFKA-7415), so any later follower epoch has an answer.
 * - `diverging-epoch` (≥ 2.8 with IBP ≥ 2.7-IV1, KAFKA-10554): no OffsetsForLeaderEpoch round; the Fetch carries
 *   lastFetchedEpoch, the leader answers a divergingEpoch, and the follower feeds it to getOffsetTruncationState.
 *   Fenced as kip-320.
 */
export type TruncationEra = 'high-watermark' | 'kip-101' | 'kip-279' | 'kip-320' | 'diverging-epoch';

export const TRUNCATION_ERAS: readonly TruncationEra[] = ['high-watermark', 'kip-101', 'kip-279', 'kip-320', 'diverging-epoch'];

export interface EraRules {
  /** Fetch and OffsetsForLeaderEpoch carry the current leader epoch and are fenced by it (KIP-320). */
  readonly fencesCurrentLeaderEpoch: boolean;
  /** makeLeader assigns (new epoch, LEO) in the leader's epoch cache before any append (KAFKA-7415, 2.1). */
  readonly assignsEpochOnElection: boolean;
  /** Truncation is driven by Fetch responses, not by a separate OffsetsForLeaderEpoch phase (KAFKA-10554). */
  readonly truncatesOnFetch: boolean;
  /** The follower repeats OffsetsForLeaderEpoch until truncation completes (KIP-279). */
  readonly iterative: boolean;
}

const RULES: Readonly<Record<TruncationEra, EraRules>> = {
  'high-watermark': { fencesCurrentLeaderEpoch: false, assignsEpochOnElection: false, truncatesOnFetch: false, iterative: false },
  'kip-101': { fencesCurrentLeaderEpoch: false, assignsEpochOnElection: false, truncatesOnFetch: false, iterative: false },
  'kip-279': { fencesCurrentLeaderEpoch: false, assignsEpochOnElection: false, truncatesOnFetch: false, iterative: true },
  'kip-320': { fencesCurrentLeaderEpoch: true, assignsEpochOnElection: true, truncatesOnFetch: false, iterative: true },
  'diverging-epoch': { fencesCurrentLeaderEpoch: true, assignsEpochOnElection: true, truncatesOnFetch: true, iterative: true },
};

export function eraRules(era: TruncationEra): EraRules {
  return RULES[era];
}

/**
 * The leader's OffsetsForLeaderEpoch answer in `era` (after any fencing check passed). KIP-101 leaders answer an
 * offset only, so the reply's epoch is UNDEFINED_EPOCH — exactly what getOffsetTruncationState's "old protocol"
 * branch expects (min(offset, LEO), or the high watermark when the offset is undefined). `high-watermark` has no
 * such request; it answers undefined so the follower uses its high watermark.
 */
export function leaderEpochEndOffset(
  era: TruncationEra,
  leaderEntries: EpochEntries,
  leaderLogEndOffset: number,
  requestedEpoch: number,
): EpochEndOffset {
  switch (era) {
    case 'high-watermark':
      return UNDEFINED_EPOCH_END_OFFSET;
    case 'kip-101':
      return { epoch: UNDEFINED_EPOCH, endOffset: endOffsetForKip101(leaderEntries, requestedEpoch, leaderLogEndOffset) };
    case 'kip-279':
      return endOffsetForKip279(leaderEntries, requestedEpoch, leaderLogEndOffset);
    case 'kip-320':
    case 'diverging-epoch':
      return endOffsetFor(leaderEntries, requestedEpoch, leaderLogEndOffset);
  }
}
