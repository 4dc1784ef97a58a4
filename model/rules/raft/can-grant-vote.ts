// EpochState.canGrantVote per role (KIP-996 trunk: QuorumState.unattachedOrProspectiveCanGrantVote,
// FollowerState, CandidateState, ResignedState, LeaderState) and the Raft log comparison it is fed
// (OffsetAndEpoch.compareTo: epoch first, then offset).
import { keyMatches } from './replica-key.ts';
import type { EpochState, OffsetAndEpoch, ReplicaKey } from './raft-types.ts';

/** OffsetAndEpoch.compareTo: by epoch, then by offset. */
export function compareOffsetAndEpoch(a: OffsetAndEpoch, b: OffsetAndEpoch): number {
  if (a.epoch !== b.epoch) return a.epoch - b.epoch;
  return a.offset - b.offset;
}

/**
 * handleVoteRequest's upToDate: the requester's (lastEpoch, lastOffset) ≥ this node's (lastFetchedEpoch, LEO).
 * A longer log with an older last epoch loses.
 */
export function isLogUpToDate(requesterLast: OffsetAndEpoch, localEnd: OffsetAndEpoch): boolean {
  return compareOffsetAndEpoch(requesterLast, localEnd) >= 0;
}

/**
 * The grant table.
 * | state                    | standard vote                                                  | PreVote      |
 * | Unattached / Prospective | voted → same key only; else known leader → no; else upToDate    | upToDate     |
 * | Follower                 | no                                                             | upToDate and not yet fetched from the leader |
 * | Candidate                | no (its self-vote is implicit, never "granted")                | upToDate     |
 * | Resigned                 | no                                                             | upToDate     |
 * | Leader                   | no                                                             | no           |
 * Resigned grants an up-to-date PreVote in Kafka (ResignedState.canGrantVote with KIP-996, and
 * KafkaRaftClientPreVoteTest#testHandlePreVoteRequestAsResigned); the shared reference's table says "reject".
 */
export function canGrantVote(
  state: EpochState,
  candidate: ReplicaKey,
  isUpToDate: boolean,
  isPreVote: boolean,
): boolean {
  switch (state.role) {
    case 'Unattached':
    case 'Prospective':
      if (isPreVote) return isUpToDate;
      if (state.votedKey !== null) return keyMatches(state.votedKey, candidate);
      if (state.leaderId !== null) return false;
      return isUpToDate;
    case 'Follower':
      return isPreVote && !state.hasFetchedFromLeader && isUpToDate;
    case 'Candidate':
    case 'Resigned':
      return isPreVote && isUpToDate;
    case 'Leader':
      return false;
    default: {
      const never: never = state;
      return never;
    }
  }
}
