// Follower truncation per era, as the step a replication model takes when a replica becomes follower (or, in the
// diverging-epoch era, when it fetches): one lookup round, applying a truncation to a log, and the loop to a fixed
// point. Rules: ReplicaFetcherThread.maybeTruncate (0.11), AbstractFetcherThread (2.0 and apache/kafka 1eb7644349cb).

import { latestEpoch, truncateFromEnd, UNDEFINED_EPOCH, type EpochEndOffset, type EpochEntries } from './leader-epoch-cache.ts';
import { getOffsetTruncationState } from './offset-truncation-state.ts';
import { truncateOnDivergingEpoch, validateFetchEpoch } from './diverging-epoch.ts';
import { eraRules, leaderEpochEndOffset, type Era } from './truncation-era.ts';

/** What truncation needs of a follower's log: its epoch cache, LEO and high watermark (log start offset 0). */
export interface FollowerLog {
  readonly entries: EpochEntries;
  readonly logEndOffset: number;
  readonly highWatermark: number;
}

/** What truncation needs of the leader's log. */
export interface LeaderLog {
  readonly entries: EpochEntries;
  readonly logEndOffset: number;
}

export interface TruncationRound {
  /** The epoch the follower asked about (its latest epoch; -1 when it has none or the era asks nothing). */
  readonly requestedEpoch: number;
  /** The leader's answer: the OffsetsForLeaderEpoch reply, or the Fetch divergingEpoch (-1/-1 when none). */
  readonly leaderReply: EpochEndOffset;
  readonly truncateTo: number;
  /** False only for a KIP-279 intermediate step or a diverging fetch: the follower must look up again. */
  readonly truncationCompleted: boolean;
}

const NO_REPLY: EpochEndOffset = { epoch: UNDEFINED_EPOCH, endOffset: -1 };

/**
 * One round against a leader that accepted the request (fencing is checkCurrentLeaderEpoch's job).
 * - `high-watermark`: truncate to the follower's own high watermark (KafkaTruncateToHighWatermark.tla).
 * - An empty follower cache asks with epoch -1 and falls back to its high watermark (0 for an empty log).
 * - `kip-101` / `kip-279` / `kip-320`: OffsetsForLeaderEpoch(latest follower epoch), then getOffsetTruncationState
 *   with the follower's high watermark as its fetch offset (InitialFetchState.initOffset is the HW).
 * - `diverging-epoch`: Fetch(fetchOffset = LEO, lastFetchedEpoch = latest epoch); no divergence → nothing to truncate;
 *   a divergingEpoch → truncateOnDivergingEpoch; out of range → the follower's offset-out-of-range handling.
 */
export function truncationRound(era: Era, leader: LeaderLog, follower: FollowerLog): TruncationRound {
  const rules = eraRules(era);
  const requestedEpoch = !rules.epochTruncation ? UNDEFINED_EPOCH : latestEpoch(follower.entries);
  if (!rules.epochTruncation || requestedEpoch === UNDEFINED_EPOCH) {
    return { requestedEpoch, leaderReply: NO_REPLY, truncateTo: follower.highWatermark, truncationCompleted: true };
  }
  if (rules.truncatesOnFetch) {
    const check = validateFetchEpoch(leader.entries, leader.logEndOffset, requestedEpoch, follower.logEndOffset);
    if (check.kind === 'read') {
      return { requestedEpoch, leaderReply: NO_REPLY, truncateTo: follower.logEndOffset, truncationCompleted: true };
    }
    if (check.kind === 'offset-out-of-range') {
      const truncateTo = truncateOnOffsetOutOfRange(leader.logEndOffset, follower.logEndOffset);
      return { requestedEpoch, leaderReply: NO_REPLY, truncateTo, truncationCompleted: true };
    }
    const state = truncateOnDivergingEpoch(check.divergingEpoch, follower.entries, follower.logEndOffset);
    // The next Fetch re-checks with the truncated log's latest epoch, so this round is never the last.
    return { requestedEpoch, leaderReply: check.divergingEpoch, truncateTo: state.truncateTo, truncationCompleted: false };
  }
  const leaderReply = leaderEpochEndOffset(era, leader.entries, leader.logEndOffset, requestedEpoch);
  const lookup = rules.assignsEpochOnElection ? 'current' : 'kip-279';
  const state = getOffsetTruncationState(leaderReply, follower.entries, follower.logEndOffset, follower.highWatermark, lookup);
  return { requestedEpoch, leaderReply, truncateTo: state.truncateTo, truncationCompleted: state.truncationCompleted };
}

/**
 * UnifiedLog.truncateTo on the follower: the epoch cache loses entries starting at or after min(offset, LEO) (also
 * when nothing is truncated, dropping an epoch entry with no records), the LEO drops to the offset, and the high
 * watermark is capped by the new LEO. A model truncates its record array to `logEndOffset` alongside.
 */
export function applyTruncation(follower: FollowerLog, truncateTo: number): FollowerLog {
  const logEndOffset = Math.min(truncateTo, follower.logEndOffset);
  return {
    entries: truncateFromEnd(follower.entries, logEndOffset),
    logEndOffset,
    highWatermark: Math.min(follower.highWatermark, logEndOffset),
  };
}

/**
 * AbstractFetcherThread.fetchOffsetAndTruncate after OFFSET_OUT_OF_RANGE (log start offsets 0): a follower ahead of
 * the leader's LEO truncates to it (possible only after an unclean election); otherwise it keeps its log.
 */
export function truncateOnOffsetOutOfRange(leaderLogEndOffset: number, followerLogEndOffset: number): number {
  return Math.min(leaderLogEndOffset, followerLogEndOffset);
}

export interface TruncationOutcome {
  readonly follower: FollowerLog;
  /** The final truncation offset (the follower's LEO afterwards). */
  readonly truncateTo: number;
  /** Lookup rounds used (OffsetsForLeaderEpoch requests, or Fetches that returned a divergingEpoch plus the last). */
  readonly rounds: number;
}

/**
 * Rounds against an unchanging leader until one completes (or, for diverging-epoch, until a fetch no longer
 * diverges). Each incomplete round strictly shortens the follower's cache, so this terminates; a model that lets the
 * leader change between rounds calls truncationRound and applyTruncation itself.
 */
export function truncateFollower(era: Era, leader: LeaderLog, follower: FollowerLog): TruncationOutcome {
  let current = follower;
  for (let rounds = 1; ; rounds++) {
    const round = truncationRound(era, leader, current);
    const next = applyTruncation(current, round.truncateTo);
    const stalled = next.entries.length === current.entries.length && next.logEndOffset === current.logEndOffset;
    if (round.truncationCompleted || stalled) return { follower: next, truncateTo: next.logEndOffset, rounds };
    current = next;
  }
}
