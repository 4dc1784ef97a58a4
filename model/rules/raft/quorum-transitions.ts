// QuorumState's transition methods as pure functions, with Kafka's guards: a transition Kafka refuses with
// IllegalStateException/IllegalArgumentException throws here too (a caller bug, never a protocol outcome).
// Followed: QuorumState @ apache/kafka trunk with KIP-996 (code index; Prospective retries, *AddVotedState),
// and @ 1eb7644349cb for the classic protocol (timeouts go straight to Candidate).
import { highWatermarkOf, leaderIdOf, votedKeyOf } from './election-state.ts';
import { newLeaderProgress } from './leader-high-watermark.ts';
import { isLocalVoter, leaderEndpointsKnown } from './replica-key.ts';
import { isVoteGranted, newVoteTally } from './vote-tally.ts';
import type {
  CandidateState,
  EpochState,
  FollowerState,
  LeaderState,
  ProspectiveState,
  QuorumContext,
  ReplicaKey,
  ResignedState,
  UnattachedState,
} from './raft-types.ts';

function illegal(message: string, state: EpochState): never {
  throw new Error(`${message} from ${state.role}(epoch=${state.epoch})`);
}

/**
 * transitionToUnattached(epoch, leaderId): a higher epoch was seen, or a Prospective gives up in its own epoch
 * (then it keeps its voted key so it never votes twice in one epoch). Durable: no vote, no leader unless given.
 */
export function transitionToUnattached(
  state: EpochState,
  ctx: QuorumContext,
  epoch: number,
  leaderId: number | null = null,
): UnattachedState {
  if (epoch < state.epoch || (epoch === state.epoch && state.role !== 'Prospective')) {
    illegal(`Cannot transition to Unattached with epoch ${epoch}`, state);
  }
  const votedKey = epoch === state.epoch ? votedKeyOf(state, ctx) : null;
  return { role: 'Unattached', epoch, leaderId, votedKey, highWatermark: highWatermarkOf(state) };
}

/** unattachedAddVotedState: a standard vote granted while Unattached without a vote; persisted. */
export function unattachedAddVotedState(
  state: EpochState,
  ctx: QuorumContext,
  epoch: number,
  candidate: ReplicaKey,
): UnattachedState {
  if (candidate.id === ctx.local.id) illegal('Cannot add a voted key matching the local id', state);
  if (state.role !== 'Unattached' || state.votedKey !== null || epoch !== state.epoch) {
    illegal(`Cannot add voted key ${candidate.id} in epoch ${epoch}`, state);
  }
  return { ...state, votedKey: candidate };
}

/**
 * prospectiveAddVotedState: a standard vote granted while Prospective without a vote; persisted. Kafka builds a
 * new ProspectiveState, so the PreVote tally restarts from the self-vote; retries carry over.
 */
export function prospectiveAddVotedState(
  state: EpochState,
  ctx: QuorumContext,
  epoch: number,
  candidate: ReplicaKey,
): ProspectiveState {
  if (candidate.id === ctx.local.id) illegal('Cannot add a voted key matching the local id', state);
  if (state.role !== 'Prospective' || state.votedKey !== null || epoch !== state.epoch) {
    illegal(`Cannot add voted key ${candidate.id} in epoch ${epoch}`, state);
  }
  return { ...state, votedKey: candidate, votes: newVoteTally(ctx) };
}

/**
 * transitionToFollower: the leader of `epoch` is known and reachable. In the same epoch the voted key is kept;
 * a Leader, or a Follower that already knows this leader's endpoints, cannot take it. hasFetchedFromLeader resets.
 */
export function transitionToFollower(
  state: EpochState,
  ctx: QuorumContext,
  epoch: number,
  leaderId: number,
): FollowerState {
  if (!leaderEndpointsKnown(ctx, leaderId)) illegal(`Cannot follow ${leaderId} without a leader endpoint`, state);
  if (leaderId === ctx.local.id) illegal(`Cannot follow leader ${leaderId}, the local node`, state);
  if (epoch < state.epoch) illegal(`Cannot transition to Follower in older epoch ${epoch}`, state);
  if (epoch === state.epoch && (state.role === 'Follower' || state.role === 'Leader')) {
    illegal(`Cannot transition to Follower of ${leaderId} in epoch ${epoch}`, state);
  }
  const votedKey = epoch === state.epoch ? votedKeyOf(state, ctx) : null;
  return {
    role: 'Follower',
    epoch,
    leaderId,
    votedKey,
    hasFetchedFromLeader: false,
    highWatermark: highWatermarkOf(state),
  };
}

/**
 * transitionToProspective (KIP-996): same epoch, keeps leader and voted key, self-vote only. Memory-only.
 * Retries: a Candidate's + 1, otherwise 1.
 */
export function transitionToProspective(state: EpochState, ctx: QuorumContext): ProspectiveState {
  if (!isLocalVoter(ctx)) illegal('Cannot transition to Prospective as an observer', state);
  if (state.role === 'Leader' || state.role === 'Prospective') illegal('Cannot transition to Prospective', state);
  return {
    role: 'Prospective',
    epoch: state.epoch,
    leaderId: leaderIdOf(state, ctx),
    votedKey: votedKeyOf(state, ctx),
    retries: state.role === 'Candidate' ? state.retries + 1 : 1,
    votes: newVoteTally(ctx),
    highWatermark: highWatermarkOf(state),
  };
}

/**
 * transitionToCandidate: epoch + 1, voting for itself (durable). KIP-996: only from Prospective, keeping its
 * retries. Classic: from anything but Leader; retries = a Candidate's + 1, otherwise 1.
 */
export function transitionToCandidate(state: EpochState, ctx: QuorumContext): CandidateState {
  if (!isLocalVoter(ctx)) illegal('Cannot transition to Candidate as an observer', state);
  if (ctx.protocol === 'kip996' && state.role !== 'Prospective') {
    illegal('Only a Prospective may transition to Candidate', state);
  }
  if (state.role === 'Leader') illegal('Cannot transition to Candidate', state);
  const retries = state.role === 'Prospective' ? state.retries : state.role === 'Candidate' ? state.retries + 1 : 1;
  return {
    role: 'Candidate',
    epoch: state.epoch + 1,
    retries,
    votes: newVoteTally(ctx),
    backingOff: false,
    highWatermark: highWatermarkOf(state),
  };
}

/**
 * transitionToLeader(epochStartOffset): a Candidate with a majority becomes Leader at epochStartOffset = LEO,
 * with no high watermark. The caller then appends the LeaderChange control record at (epochStartOffset, epoch)
 * (appendLeaderChangeRecord, as KafkaRaftClient.onBecomeLeader does) and reports the new LEO by updateLocalState.
 */
export function transitionToLeader(state: EpochState, ctx: QuorumContext, logEndOffset: number): LeaderState {
  if (!isLocalVoter(ctx)) illegal('Cannot transition to Leader as an observer', state);
  if (state.role !== 'Candidate') illegal('Cannot transition to Leader', state);
  if (!isVoteGranted(state.votes, ctx)) illegal('Cannot become leader without majority votes granted', state);
  return { role: 'Leader', epoch: state.epoch, progress: newLeaderProgress(ctx, logEndOffset) };
}

/** transitionToResigned: only a Leader; same epoch, memory-only. */
export function transitionToResigned(state: EpochState, preferredSuccessors: readonly number[]): ResignedState {
  if (state.role !== 'Leader') illegal('Invalid transition to Resigned', state);
  return { role: 'Resigned', epoch: state.epoch, preferredSuccessors };
}

/** CandidateState.startBackingOff (the backoff length is a timer: see binaryExponentialElectionBackoffMs). */
export function startBackingOff(state: EpochState): CandidateState {
  if (state.role !== 'Candidate') illegal('Only a Candidate backs off', state);
  return { ...state, backingOff: true };
}
