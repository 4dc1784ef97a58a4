// The leader's per-follower bookkeeping: ReplicaTest cases the vectors leave out (stale broker epochs, a new leader
// with an out-of-sync follower) and properties of lastCaughtUp that the ISR rules rely on.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_REPLICA_STATE, isCaughtUp, resetReplicaState, updateFetchState, type FollowerFetch, type ReplicaState } from './replica-state.ts';

const fetch = (fetchOffset: number, fetchTimeMs: number, leaderEndOffset: number, brokerEpoch = 2): FollowerFetch => ({
  fetchOffset,
  logStartOffset: 0,
  fetchTimeMs,
  leaderEndOffset,
  brokerEpoch,
});

function apply(state: ReplicaState, f: FollowerFetch, cached: number | null = null): ReplicaState {
  const result = updateFetchState(state, f, cached);
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

describe('updateFetchState', () => {
  it('fences a KRaft fetch carrying an older broker epoch, but not -1 or ZK (testFenceStaleUpdates)', () => {
    const state = apply(EMPTY_REPLICA_STATE, fetch(5, 1, 10, 2), 2);
    expect(updateFetchState(state, fetch(5, 3, 10, 1), 2)).toEqual({ ok: false, error: 'NOT_LEADER_OR_FOLLOWER' });
    expect(updateFetchState(state, fetch(5, 3, 10, 1), null).ok).toBe(true);
    expect(updateFetchState(state, fetch(5, 4, 10, -1), 2).ok).toBe(true);
  });

  it('credits a follower that reached the LEO the leader had at its previous fetch with that fetch time', () => {
    let state = apply(EMPTY_REPLICA_STATE, fetch(5, 100, 10));
    state = apply(state, fetch(10, 200, 12)); // 10 ≥ lastFetchLeaderLEO (10): caught up as of t=100
    expect(state.lastCaughtUpTimeMs).toBe(100);
    state = apply(state, fetch(11, 300, 13)); // 11 < 12: no credit
    expect(state.lastCaughtUpTimeMs).toBe(100);
  });

  it('never moves lastCaughtUp backwards nor beyond the latest fetch time', () => {
    const step = fc.record({ offset: fc.nat(20), dt: fc.nat(50), leaderEnd: fc.nat(20) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 10 }), (steps) => {
        let state = EMPTY_REPLICA_STATE;
        let now = 0;
        for (const s of steps) {
          now += s.dt;
          const next = apply(state, fetch(s.offset, now, Math.max(s.leaderEnd, state.lastFetchLeaderLogEndOffset)));
          expect(next.lastCaughtUpTimeMs).toBeGreaterThanOrEqual(state.lastCaughtUpTimeMs);
          expect(next.lastCaughtUpTimeMs).toBeLessThanOrEqual(now);
          expect(next.lastFetchLeaderLogEndOffset).toBeGreaterThanOrEqual(state.lastFetchLeaderLogEndOffset);
          state = next;
        }
      }),
    );
  });
});

describe('resetReplicaState', () => {
  const prior = apply(EMPTY_REPLICA_STATE, fetch(10, 500, 10, 7));
  it('a new leader forgets an out-of-sync follower entirely', () => {
    expect(resetReplicaState(prior, 1000, 11, true, false)).toEqual({
      logStartOffset: -1,
      logEndOffset: -1,
      lastFetchLeaderLogEndOffset: -1,
      lastFetchTimeMs: 0,
      lastCaughtUpTimeMs: 0,
      brokerEpoch: null,
    });
  });
  it('a re-elected leader keeps the follower offsets and broker epoch', () => {
    expect(resetReplicaState(prior, 1000, 11, false, true)).toMatchObject({ logEndOffset: 10, brokerEpoch: 7, lastFetchTimeMs: 1000 });
  });
});

describe('isCaughtUp', () => {
  it('holds at the leader LEO however old the last catch-up, and within the lag otherwise', () => {
    const state = { ...EMPTY_REPLICA_STATE, logEndOffset: 8, lastCaughtUpTimeMs: 1000 };
    expect(isCaughtUp(state, 8, 1_000_000, 30_000)).toBe(true);
    expect(isCaughtUp(state, 9, 31_000, 30_000)).toBe(true);
    expect(isCaughtUp(state, 9, 31_001, 30_000)).toBe(false);
  });
});
