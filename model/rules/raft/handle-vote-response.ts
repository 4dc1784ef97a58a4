// The nominee's side of an election (KafkaRaftClient.maybeSendVoteRequests/buildVoteRequest and
// handleVoteResponse, KIP-996 trunk): who gets a (Pre)Vote request, what it carries, and how each answer moves a
// Prospective or Candidate — majority → forward, lost election → backoff (Candidate) or give up (Prospective).
import { handleCommonResponse, type ResponseError } from './handle-common-response.ts';
import type { VoteRequest } from './handle-vote-request.ts';
import { maybeTransitionForward, becomeCandidate, prospectiveElectionLost } from './nominee-steps.ts';
import { startBackingOff } from './quorum-transitions.ts';
import { isVoteRejected, recordVote, unrecordedVoters } from './vote-tally.ts';
import type { EpochState, OffsetAndEpoch, QuorumContext } from './raft-types.ts';

/**
 * Voters that still get a request: only a Prospective or Candidate asks, and only while it can still win
 * (!isVoteRejected); never itself (its self-vote is recorded at creation).
 */
export function voteRequestTargets(state: EpochState, ctx: QuorumContext): readonly number[] {
  if (state.role !== 'Prospective' && state.role !== 'Candidate') return [];
  if (isVoteRejected(state.votes, ctx)) return [];
  return unrecordedVoters(state.votes, ctx);
}

/**
 * buildVoteRequest: the nominee's epoch and its log end (lastFetchedEpoch, LEO); preVote iff Prospective.
 * `to` is the addressed voter's key (voterKey), taken from the voter set.
 */
export function buildVoteRequest(state: EpochState, ctx: QuorumContext, localEnd: OffsetAndEpoch, to: number): VoteRequest {
  if (state.role !== 'Prospective' && state.role !== 'Candidate') {
    throw new Error(`Only a Prospective or Candidate sends Vote requests, not ${state.role}`);
  }
  return {
    candidate: ctx.local,
    candidateEpoch: state.epoch,
    lastEpoch: localEnd.epoch,
    lastOffset: localEnd.offset,
    preVote: state.role === 'Prospective',
    voterKey: ctx.voters.find((v) => v.id === to) ?? null,
  };
}

/** A Vote response as received: partition header plus voteGranted; UNSUPPORTED_VERSION is the top-level error. */
export interface VoteResponseIn {
  readonly from: number;
  readonly error: ResponseError | 'UNSUPPORTED_VERSION';
  readonly granted: boolean;
  readonly epoch: number;
  readonly leaderId: number | null;
}

/**
 * handleVoteResponse. UNSUPPORTED_VERSION to a Prospective means some voter predates PreVote: go to Candidate
 * at once. Then the common response step; with NONE a Leader ignores it and a nominee records the vote:
 * a grant may move it forward (Prospective → Candidate → Leader at `localEnd.offset`); a rejection that makes the
 * election unwinnable starts a Candidate's backoff, or makes a Prospective give up (pollProspective, which runs
 * before the next message). Responses to anything else change nothing.
 */
export function handleVoteResponse(
  state: EpochState,
  ctx: QuorumContext,
  localEnd: OffsetAndEpoch,
  response: VoteResponseIn,
): EpochState {
  if (response.error === 'UNSUPPORTED_VERSION') {
    return state.role === 'Prospective' ? becomeCandidate(state, ctx, localEnd.offset) : state;
  }
  const header = { error: response.error, epoch: response.epoch, leaderId: response.leaderId };
  const common = handleCommonResponse(state, ctx, header);
  if (common.handled || response.error !== 'NONE') return common.state;
  const current = common.state;
  if (current.role !== 'Prospective' && current.role !== 'Candidate') return current;

  const votes = recordVote(current.votes, ctx, response.from, response.granted);
  if (response.granted) {
    return maybeTransitionForward({ ...current, votes }, ctx, localEnd.offset);
  }
  if (current.role === 'Candidate') {
    const recorded = { ...current, votes };
    return isVoteRejected(votes, ctx) && !current.backingOff ? startBackingOff(recorded) : recorded;
  }
  const recorded = { ...current, votes };
  return isVoteRejected(votes, ctx) ? prospectiveElectionLost(recorded, ctx) : recorded;
}
