// Kafka's EpochElection (raft/internals) as data: which voters granted or rejected this node's (Pre)Vote.
// The nominee grants itself at creation; a majority ⌊n/2⌋+1 of granted wins, and the election is lost once
// granted + unrecorded < majority (then a Candidate backs off and a Prospective gives up).
import { majoritySize, voterIds } from './replica-key.ts';
import type { QuorumContext, VoteTally } from './raft-types.ts';

/** A fresh election in which the local node has voted for itself (ProspectiveState / CandidateState ctor). */
export function newVoteTally(ctx: QuorumContext): VoteTally {
  return { granted: [ctx.local.id], rejected: [] };
}

function insertSorted(ids: readonly number[], id: number): readonly number[] {
  if (ids.includes(id)) return ids;
  return [...ids, id].sort((a, b) => a - b);
}

/**
 * EpochElection.recordVote: the latest answer from a voter replaces an earlier one. A rejection from the
 * local node, or any answer from a non-voter, is a programming error in Kafka (IllegalArgumentException).
 */
export function recordVote(tally: VoteTally, ctx: QuorumContext, voterId: number, granted: boolean): VoteTally {
  if (!voterIds(ctx).includes(voterId)) {
    throw new Error(`Attempt to access voter state of non-voter ${voterId}`);
  }
  if (!granted && voterId === ctx.local.id) throw new Error('Attempted to reject vote from ourselves');
  return granted
    ? { granted: insertSorted(tally.granted, voterId), rejected: without(tally.rejected, voterId) }
    : { granted: without(tally.granted, voterId), rejected: insertSorted(tally.rejected, voterId) };
}

const without = (ids: readonly number[], voterId: number): number[] => ids.filter((id) => id !== voterId);

function counted(ids: readonly number[], ctx: QuorumContext): number {
  const voters = voterIds(ctx);
  return ids.filter((id) => voters.includes(id)).length;
}

/** EpochElection.isVoteGranted: granted ≥ majority. */
export function isVoteGranted(tally: VoteTally, ctx: QuorumContext): boolean {
  return counted(tally.granted, ctx) >= majoritySize(ctx.voters.length);
}

/** EpochElection.isVoteRejected: granted + unrecorded < majority, i.e. the election can no longer be won. */
export function isVoteRejected(tally: VoteTally, ctx: QuorumContext): boolean {
  const unrecorded = ctx.voters.length - counted(tally.granted, ctx) - counted(tally.rejected, ctx);
  return counted(tally.granted, ctx) + unrecorded < majoritySize(ctx.voters.length);
}

/** EpochElection.unrecordedVoters: who still gets a (Pre)Vote request, ascending. */
export function unrecordedVoters(tally: VoteTally, ctx: QuorumContext): readonly number[] {
  return voterIds(ctx).filter((id) => !tally.granted.includes(id) && !tally.rejected.includes(id));
}
