// KRaft Fetch (KafkaRaftClient.handleFetchRequest / tryCompleteFetchRequest / handleFetchResponse): the leader's
// epoch checks and log validation, the voter's progress it records, and the follower's bookkeeping after a
// successful fetch (hasFetchedFromLeader, a monotonic high watermark capped at its own LEO).
import { leaderIdOf } from './election-state.ts';
import { updateReplicaState, type HighWatermarkOptions } from './leader-high-watermark.ts';
import { validateOffsetAndEpoch, type ValidOffsetAndEpoch } from './validate-offset-and-epoch.ts';
import type { RaftLog } from './raft-log.ts';
import type { EpochState, FollowerState, QuorumContext, ReplicaKey } from './raft-types.ts';

export type FetchError =
  | 'NONE'
  | 'INVALID_REQUEST'
  | 'FENCED_LEADER_EPOCH'
  | 'UNKNOWN_LEADER_EPOCH'
  | 'NOT_LEADER_OR_FOLLOWER';

/** validateLeaderOnlyRequest: an older epoch is fenced, a newer one unknown, and only the Leader serves it. */
export function validateLeaderOnlyRequest(state: EpochState, requestEpoch: number): FetchError {
  if (requestEpoch < state.epoch) return 'FENCED_LEADER_EPOCH';
  if (requestEpoch > state.epoch) return 'UNKNOWN_LEADER_EPOCH';
  return state.role === 'Leader' ? 'NONE' : 'NOT_LEADER_OR_FOLLOWER';
}

export interface FetchRequest {
  readonly replica: ReplicaKey;
  readonly fetchOffset: number;
  readonly lastFetchedEpoch: number;
  readonly currentLeaderEpoch: number;
}

export interface FetchResponse {
  readonly error: FetchError;
  readonly epoch: number;
  readonly leaderId: number | null;
  /** Null with an error. VALID: send the records from fetchOffset up to the LEO. */
  readonly validation: ValidOffsetAndEpoch | null;
  readonly highWatermark: number | null;
}

export interface FetchRequestResult {
  readonly state: EpochState;
  readonly response: FetchResponse;
  readonly highWatermarkChanged: boolean;
}

/** The bootstrap checkpoint 0-0.checkpoint (Snapshots.BOOTSTRAP_SNAPSHOT_ID). */
const BOOTSTRAP_SNAPSHOT = { offset: 0, epoch: 0 };

/**
 * The leader's side of a Fetch: malformed offsets/epochs → INVALID_REQUEST; epoch checks; an empty follower log
 * with a non-bootstrap snapshot → SNAPSHOT; else validateOffsetAndEpoch. Only a VALID fetch records the
 * replica's end offset (= fetchOffset), which may move the HW and count toward check-quorum.
 */
export function handleFetchRequest(
  state: EpochState,
  ctx: QuorumContext,
  log: RaftLog,
  request: FetchRequest,
  opts: HighWatermarkOptions = {},
): FetchRequestResult {
  const { fetchOffset, lastFetchedEpoch, currentLeaderEpoch } = request;
  if (fetchOffset < 0 || lastFetchedEpoch < 0 || lastFetchedEpoch > currentLeaderEpoch) return empty(state, ctx, 'INVALID_REQUEST');
  const error = validateLeaderOnlyRequest(state, currentLeaderEpoch);
  if (error !== 'NONE' || state.role !== 'Leader') return empty(state, ctx, error);

  const snap = log.latestSnapshot;
  const validation: ValidOffsetAndEpoch =
    fetchOffset === 0 && snap !== null && !(snap.offset === BOOTSTRAP_SNAPSHOT.offset && snap.epoch === BOOTSTRAP_SNAPSHOT.epoch)
      ? { kind: 'SNAPSHOT', offsetAndEpoch: snap }
      : validateOffsetAndEpoch(log, fetchOffset, lastFetchedEpoch);

  let next = state;
  let highWatermarkChanged = false;
  if (validation.kind === 'VALID') {
    const update = updateReplicaState(state.progress, request.replica, fetchOffset, opts);
    next = { ...state, progress: update.progress };
    highWatermarkChanged = update.highWatermarkChanged;
  }
  return {
    state: next,
    response: {
      error: 'NONE',
      epoch: next.epoch,
      leaderId: ctx.local.id,
      validation,
      highWatermark: next.progress.highWatermark,
    },
    highWatermarkChanged,
  };
}

/** FollowerState.resetFetchTimeoutForSuccessfulFetch: from now on this follower refuses PreVotes. */
export function onSuccessfulFetch(state: EpochState): EpochState {
  if (state.role !== 'Follower' || state.hasFetchedFromLeader) return state;
  return { ...state, hasFetchedFromLeader: true };
}

export type FollowerHighWatermarkResult =
  | { readonly kind: 'ok'; readonly state: FollowerState; readonly changed: boolean }
  /** FollowerState.updateHighWatermark throws: the HW would go backwards (or negative). */
  | { readonly kind: 'fatal'; readonly reason: string };

/**
 * updateFollowerHighWatermark: the follower takes min(leader's HW, own LEO); an absent HW changes nothing; a
 * lower value than the current one is fatal in Kafka (non-monotonic update).
 */
export function updateFollowerHighWatermark(
  state: FollowerState,
  leaderHighWatermark: number | null,
  localEndOffset: number,
): FollowerHighWatermarkResult {
  if (leaderHighWatermark === null) return { kind: 'ok', state, changed: false };
  const next = Math.min(localEndOffset, leaderHighWatermark);
  if (state.highWatermark !== null) {
    if (next < 0) return { kind: 'fatal', reason: `Illegal negative (${next}) high watermark update` };
    if (state.highWatermark > next) {
      return { kind: 'fatal', reason: `Non-monotonic update of high watermark from ${state.highWatermark} to ${next}` };
    }
    if (state.highWatermark === next) return { kind: 'ok', state, changed: false };
  }
  return { kind: 'ok', state: { ...state, highWatermark: next }, changed: true };
}

/** A refused fetch: no records, no validation (module-level: a closure per call costs a defineProperty under tsx). */
function empty(state: EpochState, ctx: QuorumContext, error: FetchError): FetchRequestResult {
  return {
    state,
    response: { error, epoch: state.epoch, leaderId: leaderIdOf(state, ctx), validation: null, highWatermark: null },
    highWatermarkChanged: false,
  };
}
