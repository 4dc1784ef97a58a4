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

/**
 * The truncation rules as independent switches (one per KIP/JIRA, see model/replication/kafka-release.ts); an era
 * name stands for the set its releases had. Combinations no release shipped are allowed: each switch is read where
 * its commit changed the code, so turning one off rebuilds the code as it was before that commit.
 */
export interface EraRules {
  /** KIP-101 (0.11, 0baea2ac135): OffsetsForLeaderEpoch truncation; off = truncate to the follower's own HW. */
  readonly epochTruncation: boolean;
  /** Fetch and OffsetsForLeaderEpoch carry the current leader epoch and are fenced by it (KIP-320). */
  readonly fencesCurrentLeaderEpoch: boolean;
  /** makeLeader assigns (new epoch, LEO) in the leader's epoch cache before any append (KAFKA-7415, 2.1). */
  readonly assignsEpochOnElection: boolean;
  /** Truncation is driven by Fetch responses, not by a separate OffsetsForLeaderEpoch phase (KAFKA-10554). */
  readonly truncatesOnFetch: boolean;
  /** The leader answers (epoch, end offset) and the follower repeats OffsetsForLeaderEpoch until done (KIP-279). */
  readonly iterative: boolean;
  /** A follower joins the ISR only once it reached the leader's current epoch start (KAFKA-7128, 70c51633f2f). */
  readonly expansionNeedsEpochStart: boolean;
  /** makeFollower restarts the fetcher when the leader epoch changed, not only the leader (KAFKA-7164, 69283b4038a). */
  readonly restartOnEpochChange: boolean;
  /** makeFollower restarts the fetcher exactly when the leader epoch went up (KAFKA-13790, b485f92647f, 3.3). */
  readonly restartOnEpochIncrease: boolean;
}

/** An era by name, or the switches themselves. */
export type Era = TruncationEra | EraRules;

const OFF: EraRules = {
  epochTruncation: false,
  fencesCurrentLeaderEpoch: false,
  assignsEpochOnElection: false,
  truncatesOnFetch: false,
  iterative: false,
  expansionNeedsEpochStart: false,
  restartOnEpochChange: false,
  restartOnEpochIncrease: false,
};
const KIP_320: EraRules = {
  ...OFF, epochTruncation: true, iterative: true, fencesCurrentLeaderEpoch: true, assignsEpochOnElection: true, expansionNeedsEpochStart: true, restartOnEpochChange: true,
};

const RULES: Readonly<Record<TruncationEra, EraRules>> = {
  'high-watermark': OFF,
  'kip-101': { ...OFF, epochTruncation: true },
  'kip-279': { ...OFF, epochTruncation: true, iterative: true },
  'kip-320': KIP_320,
  'diverging-epoch': { ...KIP_320, truncatesOnFetch: true, restartOnEpochIncrease: true },
};

export function eraRules(era: Era): EraRules {
  return typeof era === 'string' ? RULES[era] : era;
}

/**
 * The leader's OffsetsForLeaderEpoch answer in `era` (after any fencing check passed). KIP-101 leaders answer an
 * offset only, so the reply's epoch is UNDEFINED_EPOCH — exactly what getOffsetTruncationState's "old protocol"
 * branch expects (min(offset, LEO), or the high watermark when the offset is undefined). `high-watermark` has no
 * such request; it answers undefined so the follower uses its high watermark.
 */
export function leaderEpochEndOffset(
  era: Era,
  leaderEntries: EpochEntries,
  leaderLogEndOffset: number,
  requestedEpoch: number,
): EpochEndOffset {
  const r = eraRules(era);
  if (!r.epochTruncation) return UNDEFINED_EPOCH_END_OFFSET;
  if (!r.iterative) return { epoch: UNDEFINED_EPOCH, endOffset: endOffsetForKip101(leaderEntries, requestedEpoch, leaderLogEndOffset) };
  // KAFKA-7415 (f2dd6aa2698, 2.1.0; 18b25773b11 in 2.0.1) also changed endOffsetFor below the first cached epoch.
  return r.assignsEpochOnElection
    ? endOffsetFor(leaderEntries, requestedEpoch, leaderLogEndOffset)
    : endOffsetForKip279(leaderEntries, requestedEpoch, leaderLogEndOffset);
}
