// Unit tests for the nominee side: vote requests sent, and vote responses moving a Prospective or Candidate
// (KafkaRaftClientPreVoteTest: lost PreVote → Follower/Unattached, UNSUPPORTED_VERSION → Candidate; classic
// rejection → backoff), plus BeginQuorumEpoch/EndQuorumEpoch and the common response step.
import { describe, it, expect } from 'vitest';
import {
  buildVoteRequest,
  handleBeginQuorumEpochRequest,
  handleCommonResponse,
  handleEndQuorumEpochRequest,
  handleVoteResponse,
  hasConsistentLeader,
  replicaKey,
  transitionToCandidate,
  transitionToProspective,
  voteRequestTargets,
  type EpochState,
  type QuorumContext,
  type VoteResponseIn,
} from './index.ts';

const ctx = (protocol: QuorumContext['protocol'], voters = [1, 2, 3]): QuorumContext => ({
  local: replicaKey(1),
  voters: voters.map((id) => replicaKey(id)),
  protocol,
});
const k = ctx('kip996');
const end = { offset: 4, epoch: 2 };
const unattached: EpochState = { role: 'Unattached', epoch: 5, leaderId: null, votedKey: null, highWatermark: null };
const answer = (from: number, granted: boolean, epoch = 5, leaderId: number | null = null): VoteResponseIn => ({
  from,
  error: 'NONE',
  granted,
  epoch,
  leaderId,
});

describe('requests', () => {
  it('a Prospective sends PreVotes at its epoch to every other voter, addressed by voter key', () => {
    const p = transitionToProspective(unattached, k);
    expect(voteRequestTargets(p, k)).toEqual([2, 3]);
    expect(buildVoteRequest(p, k, end, 3)).toEqual({ candidate: replicaKey(1), candidateEpoch: 5, lastEpoch: 2, lastOffset: 4, preVote: true, voterKey: replicaKey(3) });
    const c = transitionToCandidate(p, k);
    expect(buildVoteRequest(c, k, end, 2)).toMatchObject({ candidateEpoch: 6, preVote: false });
    expect(voteRequestTargets(unattached, k)).toEqual([]);
  });
});

describe('Prospective', () => {
  const p = transitionToProspective(unattached, k);

  it('one granted PreVote of three voters makes it Candidate(epoch+1)', () => {
    expect(handleVoteResponse(p, k, end, answer(2, true))).toMatchObject({ role: 'Candidate', epoch: 6, votes: { granted: [1], rejected: [] } });
  });

  it('a lost PreVote goes back to Unattached, or to Follower of a known leader (testProspectiveWithLeaderTransitionsToFollower)', () => {
    const once = handleVoteResponse(p, k, end, answer(2, false));
    expect(once).toMatchObject({ role: 'Prospective', votes: { rejected: [2] } });
    expect(handleVoteResponse(once, k, end, answer(3, false))).toEqual(unattached);
    const fromFollower = transitionToProspective({ role: 'Follower', epoch: 5, leaderId: 2, votedKey: null, hasFetchedFromLeader: true, highWatermark: null }, k);
    const lost = handleVoteResponse(handleVoteResponse(fromFollower, k, end, answer(2, false)), k, end, answer(3, false));
    expect(lost).toMatchObject({ role: 'Follower', epoch: 5, leaderId: 2, hasFetchedFromLeader: false });
  });

  it('a fenced answer naming a newer leader makes it that leader’s Follower', () => {
    const r = handleVoteResponse(p, k, end, { from: 2, error: 'FENCED_LEADER_EPOCH', granted: false, epoch: 6, leaderId: 3 });
    expect(r).toMatchObject({ role: 'Follower', epoch: 6, leaderId: 3 });
  });

  it('UNSUPPORTED_VERSION skips the PreVote (testPreVoteNotSupportedByRemote)', () => {
    expect(handleVoteResponse(p, k, end, { from: 2, error: 'UNSUPPORTED_VERSION', granted: false, epoch: 5, leaderId: null })).toMatchObject({ role: 'Candidate', epoch: 6 });
  });

  it('answers arriving after it learnt the leader are ignored (testPreVoteResponseIgnoredAfterBecomingFollower)', () => {
    const follower = handleBeginQuorumEpochRequest(p, k, { leaderId: 3, epoch: 5 }).state;
    expect(follower).toMatchObject({ role: 'Follower', leaderId: 3 });
    expect(handleVoteResponse(follower, k, end, answer(2, true))).toBe(follower);
    expect(handleVoteResponse(follower, k, end, answer(2, true, 5, 3))).toBe(follower);
  });
});

describe('Candidate', () => {
  const five = ctx('classic', [1, 2, 3, 4, 5]);
  const c = transitionToCandidate(unattached, five);

  it('becomes Leader at the LEO on the majority-making grant', () => {
    const one = handleVoteResponse(c, five, end, answer(2, true, 6));
    expect(one).toMatchObject({ role: 'Candidate' });
    expect(handleVoteResponse(one, five, end, answer(3, true, 6))).toMatchObject({ role: 'Leader', epoch: 6, progress: { epochStartOffset: 4 } });
  });

  it('backs off once the election is lost (granted + unrecorded < majority)', () => {
    const r1 = handleVoteResponse(c, five, end, answer(2, false, 6));
    const r2 = handleVoteResponse(r1, five, end, answer(3, false, 6));
    expect(r2).toMatchObject({ role: 'Candidate', backingOff: false });
    expect(handleVoteResponse(r2, five, end, answer(4, false, 6))).toMatchObject({ role: 'Candidate', backingOff: true, votes: { rejected: [2, 3, 4] } });
  });

  it('a higher epoch in an answer makes it Unattached; an older one is dropped', () => {
    expect(handleVoteResponse(c, five, end, answer(2, false, 8))).toMatchObject({ role: 'Unattached', epoch: 8, votedKey: null });
    expect(handleVoteResponse(c, five, end, answer(2, true, 4))).toBe(c);
  });
});

describe('common response step and quorum-epoch requests', () => {
  it('flags a second leader in the same epoch as inconsistent', () => {
    const follower: EpochState = { role: 'Follower', epoch: 5, leaderId: 2, votedKey: null, hasFetchedFromLeader: false, highWatermark: null };
    expect(hasConsistentLeader(follower, k, 5, 3)).toBe(false);
    expect(hasConsistentLeader(follower, k, 5, 1)).toBe(false);
    expect(() => handleCommonResponse(follower, k, { error: 'FENCED_LEADER_EPOCH', epoch: 5, leaderId: 3 })).toThrow(/inconsistent/);
    expect(handleCommonResponse(follower, k, { error: 'NONE', epoch: 5, leaderId: 2 })).toEqual({ state: follower, handled: false });
  });

  it('BeginQuorumEpoch: an older epoch is fenced; a newer one makes the receiver follow', () => {
    expect(handleBeginQuorumEpochRequest(unattached, k, { leaderId: 2, epoch: 4 })).toEqual({ state: unattached, error: 'FENCED_LEADER_EPOCH' });
    expect(handleBeginQuorumEpochRequest(unattached, k, { leaderId: 2, epoch: 7 }).state).toMatchObject({ role: 'Follower', epoch: 7, leaderId: 2 });
    const misaddressed = handleBeginQuorumEpochRequest(unattached, k, { leaderId: 2, epoch: 7, voterKey: replicaKey(3) });
    expect(misaddressed).toMatchObject({ error: 'INVALID_VOTER_KEY', state: { role: 'Follower', epoch: 7 } });
  });

  it('EndQuorumEpoch cuts the fetch timer of the resigning leader’s followers', () => {
    const follower: EpochState = { role: 'Follower', epoch: 5, leaderId: 2, votedKey: null, hasFetchedFromLeader: true, highWatermark: null };
    expect(handleEndQuorumEpochRequest(follower, k, { leaderId: 2, epoch: 5, preferredSuccessors: [3, 1] })).toEqual({
      state: follower,
      error: 'NONE',
      fetchTimeoutOverridden: true,
      successorPosition: 1,
    });
    expect(handleEndQuorumEpochRequest(unattached, k, { leaderId: 2, epoch: 6, preferredSuccessors: [1] })).toMatchObject({ state: { role: 'Follower', epoch: 6 }, fetchTimeoutOverridden: true, successorPosition: 0 });
  });
});
