// The KRaft leader's high watermark and check-quorum bookkeeping (LeaderState.updateLocalState,
// updateReplicaState, maybeUpdateHighWatermark, updateVoterAndObserverStates, updateCheckQuorumForFollowingVoter).
// HW = the ⌊n/2⌋-th voter end offset in descending order (unknown last), accepted only above epochStartOffset
// — a majority must hold an entry of the leader's own epoch (Raft §5.4.2) — and never lowered.
import { compareReplicaKeys, keyMatches, majoritySize, sameReplicaKey } from './replica-key.ts';
import type { LeaderProgress, QuorumContext, ReplicaKey, ReplicaProgress } from './raft-types.ts';

export interface HighWatermarkOptions {
  /**
   * The classic Raft mistake (§5.4.2, Figure 8): commit by counting replicas, dropping the
   * "> epochStartOffset" condition, so entries of earlier epochs become committed by replica count alone.
   */
  readonly commitByCountingReplicas?: boolean;
}

export interface ProgressUpdate {
  readonly progress: LeaderProgress;
  /** What Kafka's update*State returns: true only when the high watermark moved. */
  readonly highWatermarkChanged: boolean;
  /** A majority of voters fetched in this window, so the check-quorum timer was reset. */
  readonly checkQuorumReset: boolean;
}

/** A fresh LeaderState: every voter's end offset unknown, no high watermark (the old one is not kept). */
export function newLeaderProgress(ctx: QuorumContext, epochStartOffset: number): LeaderProgress {
  return {
    localKey: ctx.local,
    epochStartOffset,
    highWatermark: null,
    voters: ctx.voters.map((key) => ({ key, endOffset: null })),
    observers: [],
    fetchedVoters: [],
  };
}

const voterIndex = (p: LeaderProgress, key: ReplicaKey) =>
  p.voters.findIndex((v) => v.key.id === key.id && keyMatches(v.key, key));
const observerIndex = (p: LeaderProgress, key: ReplicaKey) =>
  p.observers.findIndex((o) => sameReplicaKey(o.key, key));
const sortObservers = (list: readonly ReplicaProgress[]) =>
  [...list].sort((a, b) => compareReplicaKeys(a.key, b.key));

/** getOrCreateReplicaState + the end-offset write: a matching voter, else an observer keyed by (id, dir). */
function setEndOffset(p: LeaderProgress, key: ReplicaKey, endOffset: number): LeaderProgress {
  const vi = voterIndex(p, key);
  if (vi >= 0) {
    return { ...p, voters: p.voters.map((v, i) => (i === vi ? { ...v, endOffset } : v)) };
  }
  const oi = observerIndex(p, key);
  const observers =
    oi >= 0
      ? p.observers.map((o, i) => (i === oi ? { ...o, endOffset } : o))
      : sortObservers([...p.observers, { key, endOffset }]);
  return { ...p, observers };
}

function endOffsetOf(p: LeaderProgress, key: ReplicaKey): number | null {
  const vi = voterIndex(p, key);
  if (vi >= 0) return p.voters[vi].endOffset;
  const oi = observerIndex(p, key);
  return oi >= 0 ? p.observers[oi].endOffset : null;
}

/** ReplicaState.compareTo: equal offsets by key, unknown last, otherwise descending end offset. */
function compareByDescendingOffset(a: ReplicaProgress, b: ReplicaProgress): number {
  if (a.endOffset === b.endOffset) return compareReplicaKeys(a.key, b.key);
  if (a.endOffset === null) return 1;
  if (b.endOffset === null) return -1;
  return b.endOffset - a.endOffset;
}

/** maybeUpdateHighWatermark. Equal offsets never re-set the HW here (the model has no segment metadata). */
function maybeUpdateHighWatermark(p: LeaderProgress, opts: HighWatermarkOptions): ProgressUpdate {
  const unchanged: ProgressUpdate = { progress: p, highWatermarkChanged: false, checkQuorumReset: false };
  const sorted = [...p.voters].sort(compareByDescendingOffset);
  const candidate = sorted[Math.floor(p.voters.length / 2)]?.endOffset ?? null;
  if (candidate === null) return unchanged;
  if (!opts.commitByCountingReplicas && candidate <= p.epochStartOffset) return unchanged;
  if (p.highWatermark !== null && candidate <= p.highWatermark) return unchanged;
  return { progress: { ...p, highWatermark: candidate }, highWatermarkChanged: true, checkQuorumReset: false };
}

/**
 * updateVoterAndObserverStates: the voter set is refreshed only here. A replica keeps its end offset when it
 * moves between observers and voters; a removed voter (the leader included) becomes an observer.
 */
function refreshVoters(p: LeaderProgress, voters: readonly ReplicaKey[]): LeaderProgress {
  let observers = [...p.observers];
  const oldVoters = [...p.voters];
  const newVoters: ReplicaProgress[] = [];
  for (const key of [...voters].sort(compareReplicaKeys)) {
    const vi = oldVoters.findIndex((v) => v.key.id === key.id);
    const oi = observers.findIndex((o) => sameReplicaKey(o.key, key));
    const existing = vi >= 0 && keyMatches(oldVoters[vi].key, key) ? oldVoters[vi] : oi >= 0 ? observers[oi] : null;
    if (vi >= 0) oldVoters.splice(vi, 1);
    if (oi >= 0) observers.splice(oi, 1);
    newVoters.push({ key, endOffset: existing?.endOffset ?? null });
  }
  for (const removed of oldVoters) {
    if (!observers.some((o) => sameReplicaKey(o.key, removed.key))) observers.push(removed);
  }
  observers = sortObservers(observers);
  // Kafka leaves fetchedVoters alone here; the window is only cleared by a check-quorum reset.
  return { ...p, voters: newVoters, observers };
}

/**
 * LeaderState.updateLocalState(LEO, lastVoterSet): the leader's own end offset (must not go backwards),
 * then the voter-set refresh, then the HW. `voters` defaults to the current voter set.
 */
export function updateLocalState(
  p: LeaderProgress,
  endOffset: number,
  voters: readonly ReplicaKey[] = p.voters.map((v) => v.key),
  opts: HighWatermarkOptions = {},
): ProgressUpdate {
  const current = endOffsetOf(p, p.localKey);
  if (current !== null && current > endOffset) {
    throw new Error(`Detected non-monotonic update of local end offset: ${current} -> ${endOffset}`);
  }
  return maybeUpdateHighWatermark(refreshVoters(setEndOffset(p, p.localKey, endOffset), voters), opts);
}

/**
 * LeaderState.updateReplicaState for a Fetch at `endOffset` from `key`: negative ids (consumers) are
 * ignored; a fetch from the leader's own id is a programming error. Only a voter's fetch can move the HW
 * (a lower offset is accepted — Kafka only logs it) and count toward check-quorum.
 */
export function updateReplicaState(
  p: LeaderProgress,
  key: ReplicaKey,
  endOffset: number,
  opts: HighWatermarkOptions = {},
): ProgressUpdate {
  if (key.id < 0) return { progress: p, highWatermarkChanged: false, checkQuorumReset: false };
  if (key.id === p.localKey.id) throw new Error(`Remote replica ID ${key.id} matches the local leader ID`);
  let next = setEndOffset(p, key, endOffset);
  const isVoter = voterIndex(next, key) >= 0;
  let checkQuorumReset = false;
  if (isVoter) {
    const fetched = next.fetchedVoters.includes(key.id)
      ? next.fetchedVoters
      : [...next.fetchedVoters, key.id].sort((a, b) => a - b);
    // The leader counts implicitly toward the majority while it is a voter (updateCheckQuorumForFollowingVoter).
    const leaderIsVoter = next.voters.some((v) => v.key.id === next.localKey.id);
    const needed = majoritySize(next.voters.length) - (leaderIsVoter ? 1 : 0);
    checkQuorumReset = fetched.length >= needed;
    next = { ...next, fetchedVoters: checkQuorumReset ? [] : fetched };
  }
  if (!isVoter) return { progress: next, highWatermarkChanged: false, checkQuorumReset };
  return { ...maybeUpdateHighWatermark(next, opts), checkQuorumReset };
}

/** LeaderState.nonLeaderVotersByDescendingFetchOffset: the preferred successors a resigning leader names. */
export function nonLeaderVotersByDescendingFetchOffset(p: LeaderProgress): readonly number[] {
  return [...p.voters]
    .sort(compareByDescendingOffset)
    .filter((v) => !keyMatches(v.key, p.localKey))
    .map((v) => v.key.id);
}

/** LeaderState.timeUntilCheckQuorumExpires: a single voter never loses its quorum. */
export function checkQuorumCanExpire(p: LeaderProgress): boolean {
  return p.voters.length > 1;
}
