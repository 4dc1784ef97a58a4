// KafkaRaftClient.handleVoteRequest (KIP-996 trunk) for Vote and PreVote, in Kafka's order: request validation,
// FENCED_LEADER_EPOCH, raising the epoch (PreVotes too), the voter-key check, the grant decision, and persisting a
// granted standard vote. Returns the state after and the response; the response carries the epoch and leader
// id *after* any transition. Cluster-id and topic-partition checks are not modelled (one cluster, one partition).
import { canGrantVote, isLogUpToDate } from './can-grant-vote.ts';
import { leaderIdOf } from './election-state.ts';
import { keyMatches } from './replica-key.ts';
import { prospectiveAddVotedState, transitionToUnattached, unattachedAddVotedState } from './quorum-transitions.ts';
import type { EpochState, OffsetAndEpoch, QuorumContext, ReplicaKey } from './raft-types.ts';

export interface VoteRequest {
  /** replicaId + replicaDirectoryId of the Candidate (or Prospective, for a PreVote). */
  readonly candidate: ReplicaKey;
  /** replicaEpoch: the Candidate's new epoch, or the Prospective's current epoch. */
  readonly candidateEpoch: number;
  readonly lastEpoch: number;
  readonly lastOffset: number;
  readonly preVote: boolean;
  /** The receiver key the sender addressed (KIP-853 voterKey); absent or null = not sent. */
  readonly voterKey?: ReplicaKey | null;
}

export type VoteRequestError = 'NONE' | 'INVALID_REQUEST' | 'FENCED_LEADER_EPOCH' | 'INVALID_VOTER_KEY';

export interface VoteResponse {
  readonly error: VoteRequestError;
  readonly granted: boolean;
  /** The responder's epoch after handling the request. */
  readonly epoch: number;
  /** The responder's leader id (null = -1 on the wire); Leader and Resigned answer with themselves. */
  readonly leaderId: number | null;
}

export interface VoteHandlingOptions {
  /** Bug variant (kafka-bugs.md item 9): grant without the log up-to-date check. */
  readonly ignoreLogUpToDate?: boolean;
}

export interface VoteRequestResult {
  readonly state: EpochState;
  readonly response: VoteResponse;
}

/**
 * `localEnd` = this node's (LEO, lastFetchedEpoch). With a granted standard vote the new state carries the
 * voted key: quorum-state must hold it (electionStateOf) before the response leaves.
 */
export function handleVoteRequest(
  state: EpochState,
  ctx: QuorumContext,
  localEnd: OffsetAndEpoch,
  request: VoteRequest,
  opts: VoteHandlingOptions = {},
): VoteRequestResult {
  const { candidate, candidateEpoch, lastEpoch, lastOffset, preVote } = request;

  // 1. A Candidate has bumped its epoch past its log; a Prospective has not (its log may end in its epoch).
  const illegalEpoch = preVote ? lastEpoch > candidateEpoch : lastEpoch >= candidateEpoch;
  if (lastOffset < 0 || lastEpoch < 0 || illegalEpoch) return answer(ctx, state, 'INVALID_REQUEST', false);

  // 2. validateVoterOnlyRequest.
  if (candidateEpoch < state.epoch) return answer(ctx, state, 'FENCED_LEADER_EPOCH', false);
  if (candidate.id < 0) return answer(ctx, state, 'INVALID_REQUEST', false);

  // 3. A higher epoch moves this node to Unattached(epoch) with no leader and no vote — PreVotes included.
  let next: EpochState = candidateEpoch > state.epoch ? transitionToUnattached(state, ctx, candidateEpoch) : state;

  // 4. isValidVoterKey: the request must be addressed to this node (id, and directory id if given).
  if (request.voterKey && !keyMatches(request.voterKey, ctx.local)) return answer(ctx, next, 'INVALID_VOTER_KEY', false);

  // 5. The grant decision, then persist a granted standard vote (Unattached or Prospective without a vote).
  const upToDate =
    opts.ignoreLogUpToDate === true || isLogUpToDate({ offset: lastOffset, epoch: lastEpoch }, localEnd);
  const granted = canGrantVote(next, candidate, upToDate, preVote);
  if (!preVote && granted) {
    if (next.role === 'Unattached' && next.votedKey === null) {
      next = unattachedAddVotedState(next, ctx, candidateEpoch, candidate);
    } else if (next.role === 'Prospective' && next.votedKey === null) {
      next = prospectiveAddVotedState(next, ctx, candidateEpoch, candidate);
    }
  }
  return answer(ctx, next, 'NONE', granted);
}

/** The result with its response (a module-level function: a closure per call costs a defineProperty under tsx). */
function answer(ctx: QuorumContext, s: EpochState, error: VoteRequestError, granted: boolean): VoteRequestResult {
  return { state: s, response: { error, granted, epoch: s.epoch, leaderId: leaderIdOf(s, ctx) } };
}
