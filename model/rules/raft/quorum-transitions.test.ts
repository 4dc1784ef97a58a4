// Unit tests for epoch-state transitions, timer events and restart: QuorumStateTest / KafkaRaftClientTest /
// KafkaRaftClientPreVoteTest behaviours for both the classic protocol and KIP-996, plus what is durable.
import { describe, it, expect } from 'vitest';
import {
  electionStateOf,
  initializeQuorumState,
  onBackoffComplete,
  onCheckQuorumExpired,
  onElectionTimeout,
  onFetchTimeout,
  replicaKey,
  resign,
  sameElectionState,
  transitionToCandidate,
  transitionToFollower,
  transitionToLeader,
  transitionToProspective,
  transitionToUnattached,
  updateReplicaState,
  type EpochState,
  type QuorumContext,
} from './index.ts';

const ctx = (protocol: QuorumContext['protocol'], voters = [1, 2, 3], local = 1): QuorumContext => ({
  local: replicaKey(local),
  voters: voters.map((id) => replicaKey(id)),
  protocol,
});
const unattached = (epoch: number, extra: Partial<EpochState> = {}): EpochState =>
  ({ role: 'Unattached', epoch, leaderId: null, votedKey: null, highWatermark: null, ...extra }) as EpochState;

describe('election timeout', () => {
  it('classic: an Unattached voter becomes Candidate(epoch+1) voting for itself', () => {
    const next = onElectionTimeout(unattached(4), ctx('classic'), 0);
    expect(next).toMatchObject({ role: 'Candidate', epoch: 5, retries: 1, votes: { granted: [1], rejected: [] } });
    expect(electionStateOf(next!, ctx('classic'))).toEqual({ epoch: 5, leaderId: null, votedKey: replicaKey(1) });
  });

  it('KIP-996: an Unattached voter becomes Prospective in the same epoch, keeping vote and leader', () => {
    const s = unattached(4, { votedKey: replicaKey(2), leaderId: null });
    expect(onElectionTimeout(s, ctx('kip996'), 0)).toMatchObject({ role: 'Prospective', epoch: 4, votedKey: replicaKey(2), retries: 1 });
  });

  it('observers never time out', () => {
    expect(onElectionTimeout(unattached(4), ctx('kip996', [2, 3]), 0)).toBeUndefined();
    const follower: EpochState = { role: 'Follower', epoch: 4, leaderId: 2, votedKey: null, hasFetchedFromLeader: true, highWatermark: 3 };
    expect(onFetchTimeout(follower, ctx('kip996', [2, 3]), 0)).toBeUndefined();
  });

  it('a voter Follower fetch timeout starts an election (Prospective keeps the leader and the HW)', () => {
    const follower: EpochState = { role: 'Follower', epoch: 4, leaderId: 2, votedKey: null, hasFetchedFromLeader: true, highWatermark: 3 };
    expect(onFetchTimeout(follower, ctx('kip996'), 0)).toMatchObject({ role: 'Prospective', epoch: 4, leaderId: 2, highWatermark: 3 });
    expect(onFetchTimeout(follower, ctx('classic'), 0)).toMatchObject({ role: 'Candidate', epoch: 5, highWatermark: 3 });
  });

  it('a lone voter goes all the way to Leader at the LEO in one step', () => {
    const solo = ctx('kip996', [1]);
    expect(onElectionTimeout(unattached(2), solo, 7)).toMatchObject({ role: 'Leader', epoch: 3, progress: { epochStartOffset: 7, highWatermark: null } });
    expect(onElectionTimeout(unattached(2), ctx('classic', [1]), 7)).toMatchObject({ role: 'Leader', epoch: 3 });
  });

  it('KIP-996 Prospective timeout: Follower of a known leader, else Unattached in the same epoch keeping the vote', () => {
    const k = ctx('kip996');
    const withLeader = transitionToProspective({ role: 'Follower', epoch: 5, leaderId: 2, votedKey: null, hasFetchedFromLeader: true, highWatermark: null }, k);
    expect(onElectionTimeout(withLeader, k, 0)).toMatchObject({ role: 'Follower', epoch: 5, leaderId: 2, hasFetchedFromLeader: false });
    const voted = transitionToProspective(unattached(5, { votedKey: replicaKey(3) }), k);
    expect(onElectionTimeout(voted, k, 0)).toEqual({ role: 'Unattached', epoch: 5, leaderId: null, votedKey: replicaKey(3), highWatermark: null });
    // A leader whose endpoints are unknown (not in the voter set) leaves it Unattached with that leader id.
    const farLeader = transitionToProspective(unattached(5, { leaderId: 9 }), k);
    expect(onElectionTimeout(farLeader, k, 0)).toMatchObject({ role: 'Unattached', epoch: 5, leaderId: 9 });
  });

  it('Candidate timeout: classic backs off then re-runs in epoch+1; KIP-996 goes back to Prospective', () => {
    const classic = ctx('classic');
    const candidate = transitionToCandidate(unattached(1), classic);
    const backingOff = onElectionTimeout(candidate, classic, 0)!;
    expect(backingOff).toMatchObject({ role: 'Candidate', epoch: 2, backingOff: true });
    expect(onElectionTimeout(backingOff, classic, 0)).toBeUndefined();
    expect(onBackoffComplete(backingOff, classic, 0)).toMatchObject({ role: 'Candidate', epoch: 3, retries: 2, backingOff: false });

    const k = ctx('kip996');
    const kCandidate = transitionToCandidate(transitionToProspective(unattached(1), k), k);
    const back = onElectionTimeout(kCandidate, k, 0)!;
    expect(back).toMatchObject({ role: 'Prospective', epoch: 2, retries: 2, votedKey: replicaKey(1), leaderId: null });
    expect(transitionToCandidate(back, k)).toMatchObject({ role: 'Candidate', epoch: 3, retries: 2 });
  });

  it('Resigned timeout: classic → Candidate(epoch+1); KIP-996 → Unattached(epoch+1); non-voters → Unattached', () => {
    const resigned: EpochState = { role: 'Resigned', epoch: 4, preferredSuccessors: [2, 3] };
    expect(onElectionTimeout(resigned, ctx('classic'), 0)).toMatchObject({ role: 'Candidate', epoch: 5 });
    expect(onElectionTimeout(resigned, ctx('kip996'), 0)).toEqual(unattached(5));
    expect(onElectionTimeout(resigned, ctx('classic', [2, 3]), 0)).toEqual(unattached(5));
  });
});

describe('guards (Kafka IllegalStateException)', () => {
  it('refuses impossible transitions', () => {
    const k = ctx('kip996');
    expect(() => transitionToCandidate(unattached(1), k)).toThrow(/Only a Prospective/);
    expect(() => transitionToUnattached(unattached(3), k, 3)).toThrow(/Unattached with epoch 3/);
    expect(() => transitionToFollower(unattached(3), k, 2, 2)).toThrow(/older epoch/);
    expect(() => transitionToFollower(unattached(3), k, 3, 1)).toThrow(/local node/);
    expect(() => transitionToFollower(unattached(3), k, 3, 9)).toThrow(/without a leader endpoint/);
    expect(() => transitionToLeader(transitionToCandidate(transitionToProspective(unattached(1), k), k), k, 0)).toThrow(/majority/);
    expect(() => transitionToProspective(unattached(1), ctx('kip996', [2, 3]))).toThrow(/observer/);
  });

  it('a higher epoch drops leader and vote; the same epoch keeps the vote', () => {
    const k = ctx('kip996');
    const voted = unattached(3, { votedKey: replicaKey(2), highWatermark: 4 });
    expect(transitionToUnattached(voted, k, 4)).toEqual(unattached(4, { highWatermark: 4 }));
    expect(transitionToFollower(voted, k, 3, 2)).toMatchObject({ votedKey: replicaKey(2), epoch: 3, highWatermark: 4 });
    expect(transitionToFollower(voted, k, 4, 2)).toMatchObject({ votedKey: null, epoch: 4 });
  });
});

describe('leader resignation', () => {
  const k = ctx('kip996');
  const leader = transitionToLeader({ role: 'Candidate', epoch: 5, retries: 1, votes: { granted: [1, 2], rejected: [] }, backingOff: false, highWatermark: 2 }, k, 10);

  it('becomes Leader with epochStartOffset = LEO and no high watermark (the old one is not kept)', () => {
    expect(leader).toMatchObject({ role: 'Leader', epoch: 5, progress: { epochStartOffset: 10, highWatermark: null } });
  });

  it('check-quorum expiry resigns in the same epoch naming successors by descending fetch offset', () => {
    if (leader.role !== 'Leader') throw new Error('unreachable');
    const fetched = updateReplicaState(updateReplicaState(leader.progress, replicaKey(2), 3).progress, replicaKey(3), 8).progress;
    expect(onCheckQuorumExpired({ ...leader, progress: fetched })).toEqual({ role: 'Resigned', epoch: 5, preferredSuccessors: [3, 2] });
    const solo = transitionToLeader({ role: 'Candidate', epoch: 1, retries: 1, votes: { granted: [1], rejected: [] }, backingOff: false, highWatermark: null }, ctx('kip996', [1]), 0);
    expect(onCheckQuorumExpired(solo)).toBeUndefined();
    expect(resign(solo)).toMatchObject({ role: 'Resigned', epoch: 1 });
  });
});

describe('durability: quorum-state = electionStateOf(state)', () => {
  it('memory-only transitions (to Prospective, to Resigned) never change the persisted record', () => {
    const k = ctx('kip996');
    const sources: EpochState[] = [
      unattached(3, { votedKey: replicaKey(2) }),
      { role: 'Follower', epoch: 3, leaderId: 2, votedKey: replicaKey(2), hasFetchedFromLeader: true, highWatermark: 1 },
      { role: 'Candidate', epoch: 3, retries: 2, votes: { granted: [1], rejected: [2, 3] }, backingOff: true, highWatermark: null },
    ];
    for (const s of sources) {
      expect(sameElectionState(electionStateOf(transitionToProspective(s, k), k), electionStateOf(s, k))).toBe(true);
    }
    const leader = transitionToLeader({ role: 'Candidate', epoch: 3, retries: 1, votes: { granted: [1, 2], rejected: [] }, backingOff: false, highWatermark: null }, k, 0);
    expect(electionStateOf(resign(leader)!, k)).toEqual(electionStateOf(leader, k));
    expect(electionStateOf(leader, k)).toEqual({ epoch: 3, leaderId: 1, votedKey: null });
  });
});

describe('restart (QuorumState.initialize)', () => {
  const k = ctx('kip996');
  const end = { offset: 10, epoch: 3 };

  it('no file → Unattached(0); an epoch behind the log → Unattached(log epoch) with no vote', () => {
    expect(initializeQuorumState(null, { offset: 0, epoch: 0 }, k)).toEqual(unattached(0));
    expect(initializeQuorumState({ epoch: 2, leaderId: null, votedKey: replicaKey(2) }, end, k)).toEqual(unattached(3));
  });

  it('a leader restarts Resigned in its epoch; a candidate restarts Candidate', () => {
    expect(initializeQuorumState({ epoch: 4, leaderId: 1, votedKey: null }, end, k)).toEqual({ role: 'Resigned', epoch: 4, preferredSuccessors: [] });
    expect(initializeQuorumState({ epoch: 4, leaderId: null, votedKey: replicaKey(1) }, end, k)).toMatchObject({ role: 'Candidate', epoch: 4, retries: 1 });
  });

  it('a known leader → Follower (Unattached when its endpoints are unknown); otherwise the vote is kept', () => {
    expect(initializeQuorumState({ epoch: 4, leaderId: 2, votedKey: replicaKey(3) }, end, k)).toMatchObject({ role: 'Follower', leaderId: 2, votedKey: replicaKey(3), hasFetchedFromLeader: false });
    expect(initializeQuorumState({ epoch: 4, leaderId: 9, votedKey: null }, end, k)).toEqual(unattached(4, { leaderId: 9 }));
    expect(initializeQuorumState({ epoch: 4, leaderId: null, votedKey: replicaKey(2) }, end, k)).toEqual(unattached(4, { votedKey: replicaKey(2) }));
  });

  it('a vote for this id with another directory is not a self-vote (KIP-853 directory ids)', () => {
    const withDir: QuorumContext = { local: replicaKey(1, 7), voters: [replicaKey(1, 7), replicaKey(2, 8), replicaKey(3, 9)], protocol: 'kip996' };
    expect(initializeQuorumState({ epoch: 4, leaderId: null, votedKey: replicaKey(1, 6) }, end, withDir)).toMatchObject({ role: 'Unattached' });
    expect(initializeQuorumState({ epoch: 4, leaderId: null, votedKey: replicaKey(1) }, end, withDir)).toMatchObject({ role: 'Candidate' });
  });
});
