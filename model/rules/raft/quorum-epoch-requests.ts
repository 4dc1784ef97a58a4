// BeginQuorumEpoch and EndQuorumEpoch on the receiving side (KafkaRaftClient.handleBeginQuorumEpochRequest /
// handleEndQuorumEpochRequest): validateVoterOnlyRequest, then maybeTransition to the named leader and epoch.
// BeginQuorumEpoch is how voters learn the new leader; EndQuorumEpoch only shortens a follower's fetch timer.
import { maybeTransition } from './handle-common-response.ts';
import { keyMatches } from './replica-key.ts';
import type { EpochState, QuorumContext, ReplicaKey } from './raft-types.ts';

export type QuorumEpochError = 'NONE' | 'FENCED_LEADER_EPOCH' | 'INVALID_REQUEST' | 'INVALID_VOTER_KEY';

export interface BeginQuorumEpochRequest {
  readonly leaderId: number;
  readonly epoch: number;
  /** The receiver key the leader addressed (KIP-853); absent or null = not sent. */
  readonly voterKey?: ReplicaKey | null;
}

export interface QuorumEpochResult {
  readonly state: EpochState;
  readonly error: QuorumEpochError;
}

/** validateVoterOnlyRequest(remoteId, epoch): an older epoch is fenced; a negative id is invalid. */
export function validateVoterOnlyRequest(state: EpochState, remoteId: number, epoch: number): QuorumEpochError {
  if (epoch < state.epoch) return 'FENCED_LEADER_EPOCH';
  if (remoteId < 0) return 'INVALID_REQUEST';
  return 'NONE';
}

/**
 * The transition happens before the voter-key check (as in Kafka), so a misaddressed request still moves the
 * receiver to the leader's epoch and then answers INVALID_VOTER_KEY.
 */
export function handleBeginQuorumEpochRequest(
  state: EpochState,
  ctx: QuorumContext,
  request: BeginQuorumEpochRequest,
): QuorumEpochResult {
  const error = validateVoterOnlyRequest(state, request.leaderId, request.epoch);
  if (error !== 'NONE') return { state, error };
  const next = maybeTransition(state, ctx, request.leaderId, request.epoch);
  if (request.voterKey && !keyMatches(request.voterKey, ctx.local)) return { state: next, error: 'INVALID_VOTER_KEY' };
  return { state: next, error: 'NONE' };
}

export interface EndQuorumEpochRequest {
  readonly leaderId: number;
  readonly epoch: number;
  readonly preferredSuccessors: readonly number[];
}

export interface EndQuorumEpochResult extends QuorumEpochResult {
  /**
   * The receiver follows the resigning leader, so its fetch timer is cut to the successor backoff
   * (strictExponentialElectionBackoffMs(position, successors)): the model may fire onFetchTimeout now.
   */
  readonly fetchTimeoutOverridden: boolean;
  /** Index of this node in preferredSuccessors, -1 if absent (position 0 → no wait at all). */
  readonly successorPosition: number;
}

export function handleEndQuorumEpochRequest(
  state: EpochState,
  ctx: QuorumContext,
  request: EndQuorumEpochRequest,
): EndQuorumEpochResult {
  const successorPosition = request.preferredSuccessors.indexOf(ctx.local.id);
  const error = validateVoterOnlyRequest(state, request.leaderId, request.epoch);
  if (error !== 'NONE') return { state, error, fetchTimeoutOverridden: false, successorPosition };
  const next = maybeTransition(state, ctx, request.leaderId, request.epoch);
  const overridden = next.role === 'Follower' && next.leaderId === request.leaderId;
  return { state: next, error: 'NONE', fetchTimeoutOverridden: overridden, successorPosition };
}
