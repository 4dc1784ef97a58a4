// The transition relation of every variant, one case per TLA+ action (paraphrased from KafkaReplication,
// KafkaTruncateToHighWatermark, Kip101, Kip279, Kip320FirstTry and Kip320). Returns undefined when the action's
// enabling conjuncts fail; successors copy the small state array once and rewrite only the words that change.

import { Op, type KafkaSpecAction } from './kafka-spec-actions.ts';
import {
  firstNonMatchingOffsetFromTail,
  hwReachedCurrentEpoch,
  isCaughtUpToLeaderEpoch,
  isFollowerCaughtUp,
  isFollowingLeaderEpoch,
  lookupOffsetForEpoch,
} from './kafka-spec-rules.ts';
import {
  appendedLog, endOffset, epochPlus1, hw, isrOf, leaderOf, makeRecord, nextLeaderEpoch, nextRecordId, NONE,
  presumesLeadership, quorumIsr, quorumLeader, recordAt, recordEpoch, replicaStateWord, request,
  type KafkaSpecConfig, type KafkaSpecState,
} from './kafka-spec-state.ts';
import { becomeFollowerAndTruncateTo, controllerUpdateIsr, quorumUpdateLeaderAndIsr, replicateTo, truncateFollower } from './kafka-spec-steps.ts';

export function createNext(c: KafkaSpecConfig): (s: KafkaSpecState, a: KafkaSpecAction) => KafkaSpecState | undefined {
  const R = c.replicas;
  const logSize = c.logSize;
  const maxLeaderEpoch = c.maxLeaderEpoch;
  const maxRecords = c.maxRecords;

  return (s, a) => {
    const r = a.r;
    const x = a.x;
    switch (a.op) {
      case Op.ControllerElectLeader: {
        // \E newLeader \in quorumState.isr, other than the current quorum leader.
        const qIsr = quorumIsr(s);
        if ((qIsr & (1 << r)) === 0 || quorumLeader(s, R) === r + 1) return undefined;
        return controllerUpdateIsr(s, R, maxLeaderEpoch, r + 1, qIsr);
      }
      case Op.ControllerShrinkIsr: {
        // The leader leaves: None leads (the ISR keeps it only if it is alone); another member just leaves.
        // This is the repository's current version (commit f13aa3d dropped `isr # {replica}` from the last case).
        const qIsr = quorumIsr(s);
        const bit = 1 << r;
        const qLeader = quorumLeader(s, R);
        if (qLeader === r + 1) return controllerUpdateIsr(s, R, maxLeaderEpoch, NONE, qIsr === bit ? qIsr : qIsr & ~bit);
        if ((qIsr & bit) === 0) return undefined;
        return controllerUpdateIsr(s, R, maxLeaderEpoch, qLeader, qIsr & ~bit);
      }
      case Op.BecomeLeader: {
        // The named leader takes a request whose epoch is above its own: epoch, leader and ISR from it, HW kept.
        if (x >= nextLeaderEpoch(s)) return undefined;
        const req = request(s, R, x);
        const l = (req & 7) - 1;
        if (l < 0 || x + 1 <= epochPlus1(s, R, l)) return undefined;
        const t = s.slice();
        t[1 + R + l] = replicaStateWord(hw(s, R, l), x + 1, l + 1, req >>> 3);
        return t;
      }
      case Op.LeaderWrite: {
        // A presumed leader appends record nextRecordId tagged with its own leader epoch (RecordSeq!NextId).
        const id = nextRecordId(s);
        if (!presumesLeadership(s, R, r) || id > maxRecords - 1 || endOffset(s, r) >= logSize) return undefined;
        const t = s.slice();
        t[0] = s[0] + 1;
        t[1 + r] = appendedLog(s[1 + r], makeRecord(id, epochPlus1(s, R, r) - 1));
        return t;
      }
      case Op.LeaderExpandIsr: // KafkaReplication: caught up (by offset only) to the leader's HW.
        if ((isrOf(s, R, r) & (1 << x)) !== 0 || !isFollowerCaughtUp(s, R, r, x, hw(s, R, r))) return undefined;
        return quorumUpdateLeaderAndIsr(s, R, r, isrOf(s, R, r) | (1 << x));
      case Op.LeaderShrinkIsr: // KafkaReplication: not caught up to the leader's log end offset.
        if ((isrOf(s, R, r) & (1 << x)) === 0 || isFollowerCaughtUp(s, R, r, x, endOffset(s, r))) return undefined;
        return quorumUpdateLeaderAndIsr(s, R, r, isrOf(s, R, r) & ~(1 << x));
      case Op.LeaderIncHighWatermark: {
        // Old rule: every local-ISR member follows this leader and has the record at the HW (no epoch check).
        const h = hw(s, R, r);
        if (!presumesLeadership(s, R, r) || h >= logSize) return undefined;
        const isr = isrOf(s, R, r);
        for (let f = 0; f < R; f++) {
          if ((isr & (1 << f)) !== 0 && (leaderOf(s, R, f) !== r + 1 || h >= endOffset(s, f))) return undefined;
        }
        return withHw(s, R, r, h + 1);
      }
      case Op.BecomeFollowerTruncateToHighWatermark:
        return becomeFollowerAndTruncateTo(s, R, r, x, hw(s, R, r));
      case Op.BecomeFollowerTruncateKip101: {
        // Empty log: truncate to 0; else look up the epoch of the last record on the request's leader.
        const end = endOffset(s, r);
        if (end === 0) return becomeFollowerAndTruncateTo(s, R, r, x, 0);
        if (x >= nextLeaderEpoch(s)) return undefined;
        const l = (request(s, R, x) & 7) - 1;
        if (l < 0) return undefined;
        return becomeFollowerAndTruncateTo(s, R, r, x, lookupOffsetForEpoch(s, R, l, r, recordEpoch(recordAt(s, r, end - 1))));
      }
      case Op.BecomeFollowerTruncateKip279: {
        if (x >= nextLeaderEpoch(s)) return undefined;
        const l = (request(s, R, x) & 7) - 1;
        if (l < 0) return undefined;
        return becomeFollowerAndTruncateTo(s, R, r, x, firstNonMatchingOffsetFromTail(s, l, r));
      }
      case Op.FollowerReplicate: // No fencing: the follower names the leader, which presumes leadership.
        if (!presumesLeadership(s, R, x) || leaderOf(s, R, r) !== x + 1) return undefined;
        return replicateTo(s, R, x, r);
      case Op.LeaderExpandIsrBetterFencing:
        if ((isrOf(s, R, r) & (1 << x)) !== 0 || !isCaughtUpToLeaderEpoch(s, R, r, x, hw(s, R, r)) || !hwReachedCurrentEpoch(s, R, r)) return undefined;
        return quorumUpdateLeaderAndIsr(s, R, r, isrOf(s, R, r) | (1 << x));
      case Op.LeaderShrinkIsrBetterFencing:
        if ((isrOf(s, R, r) & (1 << x)) === 0 || isCaughtUpToLeaderEpoch(s, R, r, x, endOffset(s, r))) return undefined;
        return quorumUpdateLeaderAndIsr(s, R, r, isrOf(s, R, r) & ~(1 << x));
      case Op.ImprovedLeaderIncHighWatermark: {
        // The leader has a record at its HW and every ISR member's record there has the same epoch.
        const h = hw(s, R, r);
        if (!presumesLeadership(s, R, r) || h >= endOffset(s, r)) return undefined;
        const isr = isrOf(s, R, r);
        for (let f = 0; f < R; f++) {
          if ((isr & (1 << f)) !== 0 && !isCaughtUpToLeaderEpoch(s, R, r, f, h + 1)) return undefined;
        }
        return withHw(s, R, r, h + 1);
      }
      case Op.BecomeFollower: {
        // Kip320FirstTry: adopt the request's leader, epoch and ISR; keep log and HW (truncate lazily later).
        if (x >= nextLeaderEpoch(s)) return undefined;
        const req = request(s, R, x);
        const l = (req & 7) - 1;
        if (l < 0 || l === r || x + 1 <= epochPlus1(s, R, r)) return undefined;
        const t = s.slice();
        t[1 + R + r] = replicaStateWord(hw(s, R, r), x + 1, l + 1, req >>> 3);
        return t;
      }
      case Op.FollowerFetch: // Fetch only when the record before the fetch offset matches the leader's epoch.
        if (!isCaughtUpToLeaderEpoch(s, R, x, r, endOffset(s, r))) return undefined;
        return replicateTo(s, R, x, r);
      case Op.FollowerTruncate: {
        // FollowerNeedsTruncation: longer than the leader, or the last record's epoch differs from the leader's.
        if (!presumesLeadership(s, R, x) || leaderOf(s, R, r) !== x + 1) return undefined;
        const end = endOffset(s, r);
        const leaderEnd = endOffset(s, x);
        const needs = end > leaderEnd || (end > 0 && end - 1 < leaderEnd && recordEpoch(recordAt(s, x, end - 1)) !== recordEpoch(recordAt(s, r, end - 1)));
        if (!needs) return undefined;
        return truncateFollower(s, R, r, firstNonMatchingOffsetFromTail(s, x, r));
      }
      case Op.FencedLeaderExpandIsr: {
        // Same epoch, reached the leader's HW, and the HW has reached the leader's own epoch.
        const h = hw(s, R, r);
        if ((isrOf(s, R, r) & (1 << x)) !== 0 || !isFollowingLeaderEpoch(s, R, r, x)) return undefined;
        if ((h > 0 && h - 1 >= endOffset(s, x)) || !hwReachedCurrentEpoch(s, R, r)) return undefined;
        return quorumUpdateLeaderAndIsr(s, R, r, isrOf(s, R, r) | (1 << x));
      }
      case Op.FencedLeaderShrinkIsr:
        if ((isrOf(s, R, r) & (1 << x)) === 0) return undefined;
        if (isFollowingLeaderEpoch(s, R, r, x) && endOffset(s, x) >= endOffset(s, r)) return undefined;
        return quorumUpdateLeaderAndIsr(s, R, r, isrOf(s, R, r) & ~(1 << x));
      case Op.FencedLeaderIncHighWatermark: {
        // The leader has the HW offset; every ISR member follows its epoch and has that offset too.
        const h = hw(s, R, r);
        if (h >= endOffset(s, r)) return undefined;
        const isr = isrOf(s, R, r);
        for (let f = 0; f < R; f++) {
          if ((isr & (1 << f)) !== 0 && (!isFollowingLeaderEpoch(s, R, r, f) || h >= endOffset(s, f))) return undefined;
        }
        return withHw(s, R, r, h + 1);
      }
      case Op.FencedBecomeFollowerAndTruncate: {
        // Truncate only against a leader that already presumes leadership in the request's epoch.
        if (x >= nextLeaderEpoch(s)) return undefined;
        const l = (request(s, R, x) & 7) - 1;
        if (l < 0 || !presumesLeadership(s, R, l) || epochPlus1(s, R, l) !== x + 1) return undefined;
        return becomeFollowerAndTruncateTo(s, R, r, x, firstNonMatchingOffsetFromTail(s, l, r));
      }
      case Op.FencedFollowerFetch:
        if (!isFollowingLeaderEpoch(s, R, x, r)) return undefined;
        return replicateTo(s, R, x, r);
      default:
        return undefined;
    }
  };
}

function withHw(s: KafkaSpecState, R: number, r: number, value: number): KafkaSpecState {
  const t = s.slice();
  t[1 + R + r] = (s[1 + R + r] & ~7) | value;
  return t;
}
