// How any message's (epoch, leaderId) moves a node: KafkaRaftClient.maybeTransition (for BeginQuorumEpoch,
// EndQuorumEpoch and responses), hasConsistentLeader, and maybeHandleCommonResponse (the shared first step of
// Vote, Fetch, BeginQuorumEpoch and EndQuorumEpoch responses). A higher epoch always wins: Follower if the leader
// is known and reachable, else Unattached(epoch, leaderId).
import { leaderIdOf } from './election-state.ts';
import { leaderEndpointsKnown } from './replica-key.ts';
import { transitionToFollower, transitionToUnattached } from './quorum-transitions.ts';
import type { EpochState, QuorumContext } from './raft-types.ts';

export type ResponseError =
  | 'NONE'
  | 'FENCED_LEADER_EPOCH'
  | 'UNKNOWN_LEADER_EPOCH'
  | 'NOT_LEADER_OR_FOLLOWER'
  | 'BROKER_NOT_AVAILABLE'
  | 'INVALID_VOTER_KEY'
  | 'INVALID_REQUEST';

/** The partition-level header every KRaft response carries. */
export interface ResponseHeader {
  readonly error: ResponseError;
  readonly epoch: number;
  readonly leaderId: number | null;
}

export interface CommonResponseOutcome {
  readonly state: EpochState;
  /** true: the response is fully handled here; false: go on with the API-specific handling. */
  readonly handled: boolean;
}

/**
 * hasConsistentLeader: a message naming this node as leader is only consistent if it is Leader; in the current
 * epoch a named leader must equal the known one. Kafka throws IllegalStateException otherwise — with correct
 * rules it cannot happen (at most one leader per epoch), so a model may treat `false` as a safety violation.
 */
export function hasConsistentLeader(state: EpochState, ctx: QuorumContext, epoch: number, leaderId: number | null): boolean {
  if (leaderId !== null && leaderId === ctx.local.id) return state.role === 'Leader';
  const known = leaderIdOf(state, ctx);
  return epoch !== state.epoch || leaderId === null || known === null || leaderId === known;
}

/** Does the current state already hold the leader's endpoints (EpochState.leaderEndpoints non-empty)? */
function holdsLeaderEndpoints(state: EpochState, ctx: QuorumContext): boolean {
  switch (state.role) {
    case 'Follower':
    case 'Leader':
    case 'Resigned':
      return true;
    case 'Prospective':
      return state.leaderId !== null && leaderEndpointsKnown(ctx, state.leaderId);
    default:
      return false;
  }
}

/**
 * KafkaRaftClient.maybeTransition(leaderId, epoch): a higher epoch → Follower (leader known with endpoints) or
 * Unattached(epoch, leaderId); the same epoch with a newly learnt (or newly reachable) leader → Follower.
 */
export function maybeTransition(state: EpochState, ctx: QuorumContext, leaderId: number | null, epoch: number): EpochState {
  if (!hasConsistentLeader(state, ctx, epoch, leaderId)) {
    throw new Error(
      `Received leader ${leaderId} and epoch ${epoch}, inconsistent with leader ${leaderIdOf(state, ctx)} ` +
        `and epoch ${state.epoch}`,
    );
  }
  if (epoch > state.epoch) {
    return leaderId !== null && leaderEndpointsKnown(ctx, leaderId)
      ? transitionToFollower(state, ctx, epoch, leaderId)
      : transitionToUnattached(state, ctx, epoch, leaderId);
  }
  if (
    leaderId !== null &&
    (leaderIdOf(state, ctx) === null || (leaderEndpointsKnown(ctx, leaderId) && !holdsLeaderEndpoints(state, ctx)))
  ) {
    return transitionToFollower(state, ctx, epoch, leaderId);
  }
  return state;
}

/**
 * KafkaRaftClient.resetConnections: every transition that changes role or epoch (onBecomeLeader/Candidate/
 * Prospective/Follower, transitionToUnattached/Resigned) forgets all in-flight requests, and a response is only
 * handled if its request is still expected (RequestManager.isResponseExpected). Adding a vote does not reset.
 * A model must therefore drop responses to requests sent before such a step — and, likewise, before a restart.
 */
export function resetsConnections(before: EpochState, after: EpochState): boolean {
  return before.role !== after.role || before.epoch !== after.epoch;
}

/**
 * maybeHandleCommonResponse: older epochs and UNKNOWN_LEADER_EPOCH are dropped; a newer epoch or an epoch
 * error triggers maybeTransition; learning the leader of the current epoch makes this node its Follower (and,
 * without an error, lets the API handler continue); BROKER_NOT_AVAILABLE and INVALID_VOTER_KEY end handling.
 * INVALID_REQUEST throws, as in Kafka ("Received unexpected invalid request error").
 */
export function handleCommonResponse(state: EpochState, ctx: QuorumContext, header: ResponseHeader): CommonResponseOutcome {
  const { error, epoch, leaderId } = header;
  if (epoch < state.epoch || error === 'UNKNOWN_LEADER_EPOCH') return { state, handled: true };
  if (epoch > state.epoch || error === 'FENCED_LEADER_EPOCH' || error === 'NOT_LEADER_OR_FOLLOWER') {
    return { state: maybeTransition(state, ctx, leaderId, epoch), handled: true };
  }
  if (leaderId !== null && leaderIdOf(state, ctx) === null) {
    return { state: transitionToFollower(state, ctx, epoch, leaderId), handled: error !== 'NONE' };
  }
  if (error === 'BROKER_NOT_AVAILABLE' || error === 'INVALID_VOTER_KEY') return { state, handled: true };
  if (error === 'INVALID_REQUEST') throw new Error('Received unexpected invalid request error');
  return { state, handled: false };
}
