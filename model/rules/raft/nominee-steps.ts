// KafkaRaftClient's election steps around QuorumState: transitionToProspective/transitionToCandidate followed by
// onBecomeProspective/onBecomeCandidate (a lone voter wins at once: Prospective → Candidate → Leader in one step),
// maybeTransitionForward on a granted vote, and pollProspective's give-up when PreVote is lost or times out.
import { leaderEndpointsKnown } from './replica-key.ts';
import {
  transitionToCandidate,
  transitionToFollower,
  transitionToLeader,
  transitionToProspective,
  transitionToUnattached,
} from './quorum-transitions.ts';
import { isVoteGranted } from './vote-tally.ts';
import type { EpochState, ProspectiveState, QuorumContext } from './raft-types.ts';

/**
 * KafkaRaftClient.transitionToCandidate + onBecomeCandidate: Candidate(epoch+1); with a majority already
 * (a single voter) it becomes Leader at `logEndOffset` straight away.
 */
export function becomeCandidate(state: EpochState, ctx: QuorumContext, logEndOffset: number): EpochState {
  const candidate = transitionToCandidate(state, ctx);
  return isVoteGranted(candidate.votes, ctx) ? transitionToLeader(candidate, ctx, logEndOffset) : candidate;
}

/** KafkaRaftClient.transitionToProspective + onBecomeProspective: a lone voter goes on to Candidate (and Leader). */
export function becomeProspective(state: EpochState, ctx: QuorumContext, logEndOffset: number): EpochState {
  const prospective = transitionToProspective(state, ctx);
  return isVoteGranted(prospective.votes, ctx) ? becomeCandidate(prospective, ctx, logEndOffset) : prospective;
}

/** Start an election after a timeout: Candidate(epoch+1) (classic) or Prospective in the same epoch (KIP-996). */
export function startElection(state: EpochState, ctx: QuorumContext, logEndOffset: number): EpochState {
  return ctx.protocol === 'kip996'
    ? becomeProspective(state, ctx, logEndOffset)
    : becomeCandidate(state, ctx, logEndOffset);
}

/**
 * maybeTransitionForward after a granted (Pre)Vote was recorded: a Prospective with a majority becomes
 * Candidate, a Candidate with a majority becomes Leader; otherwise nothing changes.
 */
export function maybeTransitionForward(state: EpochState, ctx: QuorumContext, logEndOffset: number): EpochState {
  if (state.role === 'Prospective' && isVoteGranted(state.votes, ctx)) {
    return becomeCandidate(state, ctx, logEndOffset);
  }
  if (state.role === 'Candidate' && isVoteGranted(state.votes, ctx)) {
    return transitionToLeader(state, ctx, logEndOffset);
  }
  return state;
}

/**
 * pollProspective when the PreVote is lost (isVoteRejected) or the election timeout expires: back to Follower of
 * the known leader if its endpoints are known, else Unattached in the same epoch (keeping leader id and vote).
 */
export function prospectiveElectionLost(state: ProspectiveState, ctx: QuorumContext): EpochState {
  if (state.leaderId !== null && leaderEndpointsKnown(ctx, state.leaderId)) {
    return transitionToFollower(state, ctx, state.epoch, state.leaderId);
  }
  return transitionToUnattached(state, ctx, state.epoch, state.leaderId);
}
