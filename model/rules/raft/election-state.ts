// What is durable: each EpochState's election() — the (epoch, leaderId, votedKey) record QuorumState writes to
// the quorum-state file before a durable transition (durableTransitionTo). Transitions to Prospective and
// Resigned are memory-only in Kafka; they never change this record, so "quorum-state = electionStateOf(state)
// after every step" is exact. Also the accessors every handler needs (leaderIdOrSentinel, votedKey, HW).
import { sameReplicaKey } from './replica-key.ts';
import type { ElectionState, EpochState, QuorumContext, ReplicaKey } from './raft-types.ts';

/** ElectionState.withUnknownLeader(0): what QuorumState.initialize assumes when no quorum-state file exists. */
export const NO_ELECTION_STATE: ElectionState = { epoch: 0, leaderId: null, votedKey: null };

/**
 * EpochState.election(). Candidate: voted for itself (ElectionState.withVotedCandidate). Leader and Resigned:
 * elected leader = self with no voted key (withElectedLeader), which is why a restarted leader comes back Resigned.
 */
export function electionStateOf(state: EpochState, ctx: QuorumContext): ElectionState {
  switch (state.role) {
    case 'Unattached':
    case 'Prospective':
      return { epoch: state.epoch, leaderId: state.leaderId, votedKey: state.votedKey };
    case 'Follower':
      return { epoch: state.epoch, leaderId: state.leaderId, votedKey: state.votedKey };
    case 'Candidate':
      return { epoch: state.epoch, leaderId: null, votedKey: ctx.local };
    case 'Leader':
    case 'Resigned':
      return { epoch: state.epoch, leaderId: ctx.local.id, votedKey: null };
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** QuorumState.leaderIdOrSentinel() as null: the leader id a response carries (Leader/Resigned: self). */
export function leaderIdOf(state: EpochState, ctx: QuorumContext): number | null {
  return electionStateOf(state, ctx).leaderId;
}

/** QuorumState.votedKey(). */
export function votedKeyOf(state: EpochState, ctx: QuorumContext): ReplicaKey | null {
  return electionStateOf(state, ctx).votedKey;
}

/**
 * EpochState.highWatermark(): what the next state inherits. Resigned has none (EpochState default); the
 * Leader's is LeaderState's computed HW.
 */
export function highWatermarkOf(state: EpochState): number | null {
  switch (state.role) {
    case 'Leader':
      return state.progress.highWatermark;
    case 'Resigned':
      return null;
    default:
      return state.highWatermark;
  }
}

export function sameElectionState(a: ElectionState, b: ElectionState): boolean {
  return a.epoch === b.epoch && a.leaderId === b.leaderId && sameReplicaKey(a.votedKey, b.votedKey);
}
