// The spec's shared predicates and truncation-offset operators, paraphrased over the packed state: which
// replica may touch the quorum (KafkaReplication's IsTrueLeader), when a follower counts as caught up, and how
// each protocol generation picks the offset a new follower truncates to (Kip101, Kip279 modules).

import {
  endOffset,
  epochPlus1,
  hw,
  isrOf,
  leaderOf,
  nextLeaderEpoch,
  presumesLeadership,
  quorumLeader,
  recordAt,
  recordEpoch,
  samePrefix,
  type KafkaSpecState,
} from './kafka-spec-state.ts';

/** KafkaReplication!IsTrueLeader: named by the quorum, presumes leadership, and at the quorum's leader epoch. */
export function isTrueLeader(s: KafkaSpecState, R: number, l: number): boolean {
  return quorumLeader(s, R) === l + 1 && presumesLeadership(s, R, l) && epochPlus1(s, R, l) === nextLeaderEpoch(s);
}

/** KafkaReplication!IsFollowerCaughtUp: follows `l` and both logs reach offset `end - 1` (no epoch check). */
export function isFollowerCaughtUp(s: KafkaSpecState, R: number, l: number, f: number, end: number): boolean {
  return leaderOf(s, R, f) === l + 1 && (end === 0 || (end - 1 < endOffset(s, l) && end - 1 < endOffset(s, f)));
}

/**
 * Kip320FirstTry!IsFollowerCaughtUpToLeaderEpoch: `l` presumes leadership, `f` follows it, and at offset
 * `end - 1` both logs hold a record of the same leader epoch.
 */
export function isCaughtUpToLeaderEpoch(s: KafkaSpecState, R: number, l: number, f: number, end: number): boolean {
  if (!presumesLeadership(s, R, l) || leaderOf(s, R, f) !== l + 1) return false;
  if (end === 0) return true;
  const o = end - 1;
  return o < endOffset(s, l) && o < endOffset(s, f) && recordEpoch(recordAt(s, l, o)) === recordEpoch(recordAt(s, f, o));
}

/** Kip320!IsFollowingLeaderEpoch: `l` presumes leadership and `f` follows it in the same leader epoch. */
export function isFollowingLeaderEpoch(s: KafkaSpecState, R: number, l: number, f: number): boolean {
  return presumesLeadership(s, R, l) && leaderOf(s, R, f) === l + 1 && epochPlus1(s, R, f) === epochPlus1(s, R, l);
}

/** Kip320(FirstTry)!HasHighWatermarkReachedCurrentEpoch: the HW is at the log end or at a current-epoch record. */
export function hwReachedCurrentEpoch(s: KafkaSpecState, R: number, l: number): boolean {
  const h = hw(s, R, l);
  const end = endOffset(s, l);
  return h === end || (h < end && recordEpoch(recordAt(s, l, h)) === epochPlus1(s, R, l) - 1);
}

/**
 * Kip279!FirstNonMatchingOffsetFromTail: one past the highest offset where the follower's record equals the
 * leader's (MatchingOffsets), 0 when none matches or the leader's log is empty. Records are compared whole
 * (id and epoch), as HasEntry does.
 */
export function firstNonMatchingOffsetFromTail(s: KafkaSpecState, l: number, f: number): number {
  const leaderEnd = endOffset(s, l);
  if (leaderEnd === 0) return 0;
  const followerEnd = endOffset(s, f);
  for (let o = Math.min(leaderEnd, followerEnd) - 1; o >= 0; o--) {
    if (recordAt(s, l, o) === recordAt(s, f, o)) return o + 1;
  }
  return 0;
}

/**
 * Kip101!LookupOffsetForEpoch as the follower `f` uses it with the epoch of its last record: the leader's end
 * offset when its own last record has that epoch, else the first leader offset holding a larger epoch; with an
 * empty leader log or no larger epoch it falls back to the follower's own HW (the KIP-101 hole KIP-279 closed).
 */
export function lookupOffsetForEpoch(s: KafkaSpecState, R: number, l: number, f: number, epoch: number): number {
  const leaderEnd = endOffset(s, l);
  if (leaderEnd === 0) return hw(s, R, f);
  if (recordEpoch(recordAt(s, l, leaderEnd - 1)) === epoch) return leaderEnd;
  for (let o = 0; o < leaderEnd; o++) {
    if (recordEpoch(recordAt(s, l, o)) > epoch) return o;
  }
  return hw(s, R, f);
}

/**
 * The body of WeakIsr / StrongIsr for one presumed leader `l`: every replica of `isr` holds the leader's
 * records at every offset below the leader's HW (HasEntry on both sides).
 */
export function isrHoldsHighWatermark(s: KafkaSpecState, R: number, l: number, isr: number): boolean {
  const h = hw(s, R, l);
  if (h === 0) return true;
  if (h > endOffset(s, l)) return false;
  for (let r = 0; r < R; r++) {
    if ((isr & (1 << r)) === 0) continue;
    if (h > endOffset(s, r) || !samePrefix(s[1 + l], s[1 + r], h)) return false;
  }
  return true;
}

/** WeakIsr (local ISR of each presumed leader) or StrongIsr (quorum ISR) over the whole state. */
export function isrInvariant(s: KafkaSpecState, R: number, strong: boolean): boolean {
  for (let l = 0; l < R; l++) {
    if (!presumesLeadership(s, R, l)) continue;
    if (!isrHoldsHighWatermark(s, R, l, strong ? (s[0] >>> 6) & 15 : isrOf(s, R, l))) return false;
  }
  return true;
}
