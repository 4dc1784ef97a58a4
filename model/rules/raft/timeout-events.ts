// Timers as events (KafkaRaftClient.poll*): the model decides when a timer fires; these say what firing does.
// Each returns the next EpochState, or undefined when that timer does not run in the state (the action is not
// enabled): observers never time out, a backing-off Candidate waits for its backoff, a lone voter never resigns.
import { checkQuorumCanExpire, nonLeaderVotersByDescendingFetchOffset } from './leader-high-watermark.ts';
import { becomeCandidate, becomeProspective, prospectiveElectionLost, startElection } from './nominee-steps.ts';
import { isLocalVoter } from './replica-key.ts';
import { startBackingOff, transitionToResigned, transitionToUnattached } from './quorum-transitions.ts';
import type { EpochState, QuorumContext } from './raft-types.ts';

/**
 * The election timer expires (pollUnattachedAsVoter, pollProspective, pollCandidate, pollResigned).
 * - Unattached voter: start an election (Candidate(epoch+1) classic; Prospective KIP-996).
 * - Prospective: the PreVote timed out → Follower / Unattached in the same epoch.
 * - Candidate: classic starts the random backoff; KIP-996 goes back to Prospective (retries + 1).
 * - Resigned: classic → Candidate(epoch+1), or Unattached(epoch+1) if no longer a voter. KIP-996 (trunk
 *   QuorumState: "Resigned → Unattached … or expiration of the election timeout") → Unattached(epoch+1), whose
 *   own timer then starts the PreVote.
 * `logEndOffset` is needed because a lone voter's election ends with it Leader at LEO.
 */
export function onElectionTimeout(state: EpochState, ctx: QuorumContext, logEndOffset: number): EpochState | undefined {
  switch (state.role) {
    case 'Unattached':
      return isLocalVoter(ctx) ? startElection(state, ctx, logEndOffset) : undefined;
    case 'Prospective':
      return prospectiveElectionLost(state, ctx);
    case 'Candidate':
      if (state.backingOff) return undefined;
      return ctx.protocol === 'kip996' ? becomeProspective(state, ctx, logEndOffset) : startBackingOff(state);
    case 'Resigned':
      if (ctx.protocol === 'classic' && isLocalVoter(ctx)) return becomeCandidate(state, ctx, logEndOffset);
      return transitionToUnattached(state, ctx, state.epoch + 1);
    case 'Leader':
    case 'Follower':
      return undefined;
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** A voter Follower's fetch timer expires (pollFollowerAsVoter): start an election. Observers only re-bootstrap. */
export function onFetchTimeout(state: EpochState, ctx: QuorumContext, logEndOffset: number): EpochState | undefined {
  if (state.role !== 'Follower' || !isLocalVoter(ctx)) return undefined;
  return startElection(state, ctx, logEndOffset);
}

/**
 * A Candidate's election backoff completes (pollCandidate): classic re-runs as Candidate(epoch+1) with
 * retries + 1; KIP-996 goes to Prospective with retries + 1.
 */
export function onBackoffComplete(state: EpochState, ctx: QuorumContext, logEndOffset: number): EpochState | undefined {
  if (state.role !== 'Candidate' || !state.backingOff) return undefined;
  return ctx.protocol === 'kip996'
    ? becomeProspective(state, ctx, logEndOffset)
    : becomeCandidate(state, ctx, logEndOffset);
}

/**
 * The leader's check-quorum timer (1.5 × fetch timeout) expires without a majority of voters fetching
 * (pollLeader): Resigned in the same epoch, naming the other voters by descending fetch offset.
 */
export function onCheckQuorumExpired(state: EpochState): EpochState | undefined {
  if (state.role !== 'Leader' || !checkQuorumCanExpire(state.progress)) return undefined;
  return transitionToResigned(state, nonLeaderVotersByDescendingFetchOffset(state.progress));
}

/** Graceful shutdown or a requested resignation (pollLeader): a Leader resigns, even a lone voter. */
export function resign(state: EpochState): EpochState | undefined {
  if (state.role !== 'Leader') return undefined;
  return transitionToResigned(state, nonLeaderVotersByDescendingFetchOffset(state.progress));
}
