// The spec's helper actions that several variants share, each building a successor word by word:
// KafkaReplication's ControllerUpdateIsr, QuorumUpdateLeaderAndIsr, BecomeFollowerAndTruncateTo and the
// ReplicateTo step of FollowerReplicate / FollowerFetch, plus Kip320FirstTry's FollowerTruncate step.

import { isTrueLeader } from './kafka-spec-rules.ts';
import {
  appendedLog, endOffset, epochPlus1, hw, nextLeaderEpoch, recordAt, replicaStateWord, request, truncatedLog,
  type KafkaSpecState,
} from './kafka-spec-state.ts';

/**
 * ControllerUpdateIsr: takes the next leader epoch (LeaderEpochSeq!NextId, so only while it is at most
 * MaxLeaderEpoch), makes [leader, epoch, isr] the quorum state and adds it to the LeaderAndIsr request set.
 */
export function controllerUpdateIsr(s: KafkaSpecState, R: number, maxLeaderEpoch: number, leaderCode: number, isr: number): KafkaSpecState | undefined {
  const e = nextLeaderEpoch(s);
  if (e > maxLeaderEpoch) return undefined;
  const req = leaderCode | (isr << 3);
  const t = s.slice();
  let g = (s[0] & ~((7 << 3) | (15 << 6))) | ((e + 1) << 3) | (isr << 6);
  if (e < 3) g |= req << (10 + 7 * e);
  else t[1 + 2 * R] = s[1 + 2 * R] | (req << (7 * (e - 3)));
  t[0] = g;
  return t;
}

/** QuorumUpdateLeaderAndIsr: only the true leader writes the ISR, to the quorum and its own state at once. */
export function quorumUpdateLeaderAndIsr(s: KafkaSpecState, R: number, l: number, isr: number): KafkaSpecState | undefined {
  if (!isTrueLeader(s, R, l)) return undefined;
  const t = s.slice();
  t[0] = (s[0] & ~(15 << 6)) | (isr << 6);
  t[1 + R + l] = (s[1 + R + l] & ~(15 << 9)) | (isr << 9);
  return t;
}

/**
 * BecomeFollowerAndTruncateTo for replica r and the request of epoch e: its leader must be a replica other than
 * r, the epoch above r's, and the truncation offset at most r's end offset (TruncateTo's guard; otherwise the
 * step is disabled, exactly as in TLC). The HW drops to the truncation offset if it was above it.
 */
export function becomeFollowerAndTruncateTo(s: KafkaSpecState, R: number, r: number, e: number, offset: number): KafkaSpecState | undefined {
  if (e >= nextLeaderEpoch(s)) return undefined;
  const req = request(s, R, e);
  const l = (req & 7) - 1;
  if (l < 0 || l === r || e + 1 <= epochPlus1(s, R, r) || offset > endOffset(s, r)) return undefined;
  const t = s.slice();
  t[1 + r] = truncatedLog(s[1 + r], offset);
  t[1 + R + r] = replicaStateWord(Math.min(offset, hw(s, R, r)), e + 1, l + 1, req >>> 3);
  return t;
}

/**
 * ReplicateTo(leader, follower) with the follower HW update of FollowerReplicate / FollowerFetch /
 * FencedFollowerFetch: copy the leader's record at the follower's end offset, then HW = min(leader HW, new end).
 */
export function replicateTo(s: KafkaSpecState, R: number, l: number, f: number): KafkaSpecState | undefined {
  const o = endOffset(s, f);
  if (o >= endOffset(s, l)) return undefined;
  const t = s.slice();
  t[1 + f] = appendedLog(s[1 + f], recordAt(s, l, o));
  t[1 + R + f] = (s[1 + R + f] & ~7) | Math.min(hw(s, R, l), o + 1);
  return t;
}

/** Kip320FirstTry's FollowerTruncate step: TruncateTo(offset) and HW = min(offset, HW), nothing else. */
export function truncateFollower(s: KafkaSpecState, R: number, f: number, offset: number): KafkaSpecState {
  const t = s.slice();
  t[1 + f] = truncatedLog(s[1 + f], offset);
  t[1 + R + f] = (s[1 + R + f] & ~7) | Math.min(offset, hw(s, R, f));
  return t;
}
