// Restart: QuorumState.initialize(logEndOffsetAndEpoch) rebuilds the epoch state from the quorum-state file
// (ElectionState) and the log (trunk with KIP-996; same order at 1eb7644349cb). Nothing memory-only survives:
// no high watermark, no PreVote tally, hasFetchedFromLeader = false, and a Prospective comes back as what it
// was persisted as (its record equals that of the state it came from).
import { NO_ELECTION_STATE } from './election-state.ts';
import { keyMatches, leaderEndpointsKnown } from './replica-key.ts';
import { newVoteTally } from './vote-tally.ts';
import type { ElectionState, EpochState, OffsetAndEpoch, QuorumContext } from './raft-types.ts';

/**
 * In Kafka's order:
 * 1. stored epoch below the log's last epoch → Unattached(log epoch), no leader and no vote;
 * 2. stored leader = self → Resigned in the same epoch (never votes in, or rewrites, that epoch again);
 * 3. voted for self → Candidate(same epoch, retries 1);
 * 4. a leader known → Follower, or Unattached(leaderId) when its endpoints are unknown — both keep the vote;
 * 5. otherwise Unattached keeping the voted key.
 * `persisted: null` = no quorum-state file (epoch 0, unknown leader). `logEnd` = (LEO, lastFetchedEpoch).
 */
export function initializeQuorumState(
  persisted: ElectionState | null,
  logEnd: OffsetAndEpoch,
  ctx: QuorumContext,
): EpochState {
  const election = persisted ?? NO_ELECTION_STATE;
  if (election.epoch < logEnd.epoch) {
    return { role: 'Unattached', epoch: logEnd.epoch, leaderId: null, votedKey: null, highWatermark: null };
  }
  if (election.leaderId === ctx.local.id) {
    return { role: 'Resigned', epoch: election.epoch, preferredSuccessors: [] };
  }
  if (election.votedKey !== null && keyMatches(election.votedKey, ctx.local)) {
    return {
      role: 'Candidate',
      epoch: election.epoch,
      retries: 1,
      votes: newVoteTally(ctx),
      backingOff: false,
      highWatermark: null,
    };
  }
  if (election.leaderId !== null && leaderEndpointsKnown(ctx, election.leaderId)) {
    return {
      role: 'Follower',
      epoch: election.epoch,
      leaderId: election.leaderId,
      votedKey: election.votedKey,
      hasFetchedFromLeader: false,
      highWatermark: null,
    };
  }
  return {
    role: 'Unattached',
    epoch: election.epoch,
    leaderId: election.leaderId,
    votedKey: election.votedKey,
    highWatermark: null,
  };
}
