// Unit tests for Vote/PreVote request handling beyond the raft.json vectors: KafkaRaftClientPreVoteTest cases
// (voted follower, Resigned, invalid PreVotes, voter keys), Prospective persisting a standard vote, the
// ignore-log bug variant, and a property that a node never grants two standard votes in one epoch.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  electionStateOf,
  handleVoteRequest,
  initializeQuorumState,
  onSuccessfulFetch,
  replicaKey,
  transitionToProspective,
  type EpochState,
  type QuorumContext,
  type VoteRequest,
} from './index.ts';

const withDirs: QuorumContext = {
  local: replicaKey(1, 101),
  voters: [replicaKey(1, 101), replicaKey(2, 102), replicaKey(3, 103)],
  protocol: 'kip996',
};
const empty = { offset: 0, epoch: 0 };
const preVote = (epoch: number, from = 2, lastEpoch = epoch, lastOffset = 1): VoteRequest => ({
  candidate: replicaKey(from, 100 + from),
  candidateEpoch: epoch,
  lastEpoch,
  lastOffset,
  preVote: true,
});
const vote = (epoch: number, from = 2, lastEpoch = epoch - 1, lastOffset = 1): VoteRequest => ({ ...preVote(epoch, from, lastEpoch, lastOffset), preVote: false });

describe('PreVote handling', () => {
  it('a Follower that voted grants PreVotes until it fetches from the leader (testHandlePreVoteRequestAsFollowerWithVotedCandidate)', () => {
    const follower: EpochState = { role: 'Follower', epoch: 2, leaderId: 3, votedKey: replicaKey(3, 103), hasFetchedFromLeader: false, highWatermark: null };
    expect(handleVoteRequest(follower, withDirs, empty, preVote(2)).response).toEqual({ error: 'NONE', granted: true, epoch: 2, leaderId: 3 });
    const fetched = onSuccessfulFetch(follower);
    const r = handleVoteRequest(fetched, withDirs, empty, preVote(2));
    expect(r.response.granted).toBe(false);
    expect(r.state).toBe(fetched);
  });

  it('Resigned grants an up-to-date PreVote in its epoch and moves on at a higher one (testHandlePreVoteRequestAsResigned)', () => {
    const resigned: EpochState = { role: 'Resigned', epoch: 3, preferredSuccessors: [2] };
    expect(handleVoteRequest(resigned, withDirs, { offset: 1, epoch: 3 }, preVote(3, 2, 3, 1)).response).toEqual({ error: 'NONE', granted: true, epoch: 3, leaderId: 1 });
    expect(handleVoteRequest(resigned, withDirs, { offset: 1, epoch: 3 }, preVote(3, 2, 3, 0)).response.granted).toBe(false);
    const up = handleVoteRequest(resigned, withDirs, { offset: 1, epoch: 3 }, preVote(4, 2, 3, 1));
    expect(up.response).toEqual({ error: 'NONE', granted: true, epoch: 4, leaderId: null });
    expect(up.state).toEqual({ role: 'Unattached', epoch: 4, leaderId: null, votedKey: null, highWatermark: null });
  });

  it('invalid PreVotes are rejected without a state change (testInvalidPreVoteRequest)', () => {
    const follower: EpochState = { role: 'Follower', epoch: 5, leaderId: 2, votedKey: null, hasFetchedFromLeader: false, highWatermark: null };
    for (const bad of [preVote(5, 2, 0, -5), preVote(5, 2, -1, 0), preVote(5, 2, 6, 0)]) {
      const r = handleVoteRequest(follower, withDirs, empty, bad);
      expect(r.response).toEqual({ error: 'INVALID_REQUEST', granted: false, epoch: 5, leaderId: 2 });
      expect(r.state).toBe(follower);
    }
    // A PreVote may carry a last epoch equal to its epoch; a standard vote may not.
    expect(handleVoteRequest(follower, withDirs, empty, preVote(5, 2, 5, 0)).response.error).toBe('NONE');
    expect(handleVoteRequest(follower, withDirs, empty, vote(6, 2, 6, 0)).response.error).toBe('INVALID_REQUEST');
  });

  it('rejects an older log and an older epoch (testRejectPreVoteIfRemoteLogIsNotUpToDate)', () => {
    const u: EpochState = { role: 'Unattached', epoch: 2, leaderId: null, votedKey: null, highWatermark: null };
    const end = { offset: 3, epoch: 2 };
    expect(handleVoteRequest(u, withDirs, end, preVote(1, 2, 1, 0)).response).toMatchObject({ error: 'FENCED_LEADER_EPOCH', granted: false, epoch: 2 });
    expect(handleVoteRequest(u, withDirs, end, preVote(2, 2, 1, 2)).response).toMatchObject({ error: 'NONE', granted: false });
  });
});

describe('standard votes', () => {
  it('a voter key for another node or directory is INVALID_VOTER_KEY, after the epoch bump', () => {
    const u: EpochState = { role: 'Unattached', epoch: 2, leaderId: null, votedKey: null, highWatermark: null };
    for (const voterKey of [replicaKey(9, 101), replicaKey(1, 999)]) {
      const r = handleVoteRequest(u, withDirs, empty, { ...vote(3), voterKey });
      expect(r.response).toEqual({ error: 'INVALID_VOTER_KEY', granted: false, epoch: 3, leaderId: null });
      expect(r.state).toMatchObject({ role: 'Unattached', epoch: 3, votedKey: null });
    }
    expect(handleVoteRequest(u, withDirs, empty, { ...vote(3), voterKey: replicaKey(1) }).response.granted).toBe(true);
  });

  it('a vote stored with a directory id only matches that directory', () => {
    const voted: EpochState = { role: 'Unattached', epoch: 3, leaderId: null, votedKey: replicaKey(2, 102), highWatermark: null };
    expect(handleVoteRequest(voted, withDirs, empty, vote(3)).response.granted).toBe(true);
    expect(handleVoteRequest(voted, withDirs, empty, { ...vote(3), candidate: replicaKey(2, 555) }).response.granted).toBe(false);
    const noDir: EpochState = { ...voted, votedKey: replicaKey(2) };
    expect(handleVoteRequest(noDir, withDirs, empty, { ...vote(3), candidate: replicaKey(2, 555) }).response.granted).toBe(true);
  });

  it('a Prospective grants a standard vote, persists it and restarts its PreVote tally', () => {
    const p = transitionToProspective({ role: 'Unattached', epoch: 3, leaderId: null, votedKey: null, highWatermark: null }, withDirs);
    const withGrant = { ...p, votes: { granted: [1, 3], rejected: [] } } as EpochState;
    const r = handleVoteRequest(withGrant, withDirs, empty, vote(3, 2, 2, 0));
    expect(r.response.granted).toBe(true);
    expect(r.state).toMatchObject({ role: 'Prospective', votedKey: replicaKey(2, 102), votes: { granted: [1], rejected: [] } });
    expect(electionStateOf(r.state, withDirs)).toEqual({ epoch: 3, leaderId: null, votedKey: replicaKey(2, 102) });
  });

  it('an Unattached node that knows a leader refuses standard votes but not PreVotes', () => {
    const u: EpochState = { role: 'Unattached', epoch: 3, leaderId: 9, votedKey: null, highWatermark: null };
    expect(handleVoteRequest(u, withDirs, empty, vote(3, 2, 2, 0)).response).toEqual({ error: 'NONE', granted: false, epoch: 3, leaderId: 9 });
    expect(handleVoteRequest(u, withDirs, empty, preVote(3)).response.granted).toBe(true);
  });

  it('bug variant: ignoreLogUpToDate grants a vote to a shorter log', () => {
    const u: EpochState = { role: 'Unattached', epoch: 3, leaderId: null, votedKey: null, highWatermark: null };
    const end = { offset: 10, epoch: 2 };
    const stale = vote(4, 2, 1, 3);
    expect(handleVoteRequest(u, withDirs, end, stale).response.granted).toBe(false);
    expect(handleVoteRequest(u, withDirs, end, stale, { ignoreLogUpToDate: true }).response.granted).toBe(true);
  });
});

describe('property: one standard vote per epoch', () => {
  // Random requests from nodes 2..4 with random epochs and logs, interleaved with restarts from the persisted
  // quorum-state: no epoch ever sees standard votes granted to two different candidates.
  const ctx: QuorumContext = { local: replicaKey(1), voters: [1, 2, 3, 4].map((id) => replicaKey(id)), protocol: 'kip996' };
  const step = fc.oneof(
    fc.record({ kind: fc.constant('restart' as const) }),
    fc.record({
      kind: fc.constant('request' as const),
      from: fc.integer({ min: 2, max: 4 }),
      epoch: fc.integer({ min: 0, max: 4 }),
      lastEpoch: fc.integer({ min: 0, max: 4 }),
      lastOffset: fc.integer({ min: 0, max: 3 }),
      preVote: fc.boolean(),
    }),
  );
  it('holds across restarts', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const end = { offset: 1, epoch: 0 };
        let state = initializeQuorumState(null, end, ctx);
        let persisted = electionStateOf(state, ctx);
        const grants = new Map<number, number>();
        for (const s of steps) {
          if (s.kind === 'restart') {
            state = initializeQuorumState(persisted, end, ctx);
            continue;
          }
          const req = { candidate: replicaKey(s.from), candidateEpoch: s.epoch, lastEpoch: s.lastEpoch, lastOffset: s.lastOffset, preVote: s.preVote };
          const r = handleVoteRequest(state, ctx, end, req);
          state = r.state;
          persisted = electionStateOf(state, ctx);
          if (!s.preVote && r.response.granted) {
            const earlier = grants.get(r.response.epoch);
            expect(earlier === undefined || earlier === s.from).toBe(true);
            grants.set(r.response.epoch, s.from);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
