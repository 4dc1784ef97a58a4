// Unit tests for the leader's high watermark beyond the raft.json steps: the own-epoch rule and its §5.4.2
// counting variant, observers, check-quorum resets, successor order, and properties (HW monotonic; by default
// never at or below epochStartOffset; always replicated on a majority of voters).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  checkQuorumCanExpire,
  newLeaderProgress,
  nonLeaderVotersByDescendingFetchOffset,
  replicaKey,
  updateLocalState,
  updateReplicaState,
  type LeaderProgress,
  type QuorumContext,
} from './index.ts';

const ctx = (voters: number[], local = 0): QuorumContext => ({ local: replicaKey(local), voters: voters.map((id) => replicaKey(id)), protocol: 'kip996' });

describe('the own-epoch commit rule (Raft §5.4.2)', () => {
  it('a majority at epochStartOffset is not enough; the counting variant commits it anyway', () => {
    let p = newLeaderProgress(ctx([0, 1, 2]), 10);
    p = updateLocalState(p, 10).progress;
    const strict = updateReplicaState(p, replicaKey(1), 10);
    expect(strict).toMatchObject({ highWatermarkChanged: false, progress: { highWatermark: null } });
    const counting = updateReplicaState(p, replicaKey(1), 10, { commitByCountingReplicas: true });
    expect(counting).toMatchObject({ highWatermarkChanged: true, progress: { highWatermark: 10 } });
    // Once the LeaderChange record (offset 10) is replicated, the strict rule commits too.
    const after = updateReplicaState(updateLocalState(p, 11).progress, replicaKey(1), 11);
    expect(after.progress.highWatermark).toBe(11);
  });

  it('observers never move the HW, and their offsets carry over when they join', () => {
    let p = newLeaderProgress(ctx([0, 1]), 0);
    p = updateLocalState(p, 5).progress;
    const obs = updateReplicaState(p, replicaKey(7), 5);
    expect(obs).toMatchObject({ highWatermarkChanged: false, checkQuorumReset: false, progress: { observers: [{ key: replicaKey(7), endOffset: 5 }] } });
    const joined = updateLocalState(obs.progress, 5, [replicaKey(0), replicaKey(1), replicaKey(7)]);
    expect(joined).toMatchObject({ highWatermarkChanged: true, progress: { highWatermark: 5, observers: [] } });
  });

  it('a fetch from the leader id is a programming error; a negative id (a consumer) is ignored', () => {
    const p = newLeaderProgress(ctx([0, 1]), 0);
    expect(() => updateReplicaState(p, replicaKey(0), 1)).toThrow(/matches the local leader/);
    expect(updateReplicaState(p, replicaKey(-1), 1).progress).toBe(p);
    expect(() => updateLocalState(updateLocalState(p, 5).progress, 4)).toThrow(/non-monotonic/);
  });
});

describe('check-quorum', () => {
  it('resets once a majority (leader included) fetched in the window', () => {
    let p = newLeaderProgress(ctx([0, 1, 2, 3, 4]), 0);
    const first = updateReplicaState(p, replicaKey(1), 0);
    expect(first).toMatchObject({ checkQuorumReset: false, progress: { fetchedVoters: [1] } });
    p = updateReplicaState(first.progress, replicaKey(1), 0).progress;
    const second = updateReplicaState(p, replicaKey(3), 0);
    expect(second).toMatchObject({ checkQuorumReset: true, progress: { fetchedVoters: [] } });
    expect(checkQuorumCanExpire(p)).toBe(true);
    expect(checkQuorumCanExpire(newLeaderProgress(ctx([0]), 0))).toBe(false);
  });

  it('without the leader in the voter set, the fetched voters alone must be a majority', () => {
    let p = newLeaderProgress(ctx([0, 1, 2]), 0);
    p = updateLocalState(p, 0, [replicaKey(1), replicaKey(2), replicaKey(3)]).progress;
    const one = updateReplicaState(p, replicaKey(1), 0);
    expect(one.checkQuorumReset).toBe(false);
    expect(updateReplicaState(one.progress, replicaKey(2), 0).checkQuorumReset).toBe(true);
  });

  it('names successors by descending fetch offset, unknown last, ties by id', () => {
    let p = newLeaderProgress(ctx([0, 1, 2, 3, 4]), 0);
    p = updateReplicaState(p, replicaKey(3), 4).progress;
    p = updateReplicaState(p, replicaKey(1), 2).progress;
    p = updateReplicaState(p, replicaKey(2), 4).progress;
    expect(nonLeaderVotersByDescendingFetchOffset(p)).toEqual([2, 3, 1, 4]);
  });
});

describe('properties', () => {
  type Op = { local: true; offset: number } | { local: false; node: number; offset: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ local: fc.constant(true), offset: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ local: fc.constant(false), node: fc.integer({ min: 1, max: 4 }), offset: fc.integer({ min: 0, max: 3 }) }),
  );
  // Followers fetch forward (a follower that lost committed data is a different, fatal story): each replica op
  // advances that follower by `offset`, capped at the leader's LEO.
  const run = (ops: readonly Op[], counting: boolean) => {
    let p: LeaderProgress = newLeaderProgress(ctx([0, 1, 2, 3]), 5);
    let leo = 5;
    const fetched = new Map<number, number>();
    const seen: (number | null)[] = [];
    for (const o of ops) {
      if (o.local) leo += o.offset;
      else fetched.set(o.node, Math.min((fetched.get(o.node) ?? 0) + o.offset, leo));
      const u = o.local
        ? updateLocalState(p, leo, undefined, { commitByCountingReplicas: counting })
        : updateReplicaState(p, replicaKey(o.node), fetched.get(o.node)!, { commitByCountingReplicas: counting });
      expect(u.highWatermarkChanged).toBe(u.progress.highWatermark !== p.highWatermark);
      p = u.progress;
      seen.push(p.highWatermark);
    }
    return { p, seen };
  };

  it('the HW never decreases and, with Kafka’s rule, only exceeds epochStartOffset', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { p, seen } = run(ops, false);
        const known = seen.filter((hw): hw is number => hw !== null);
        expect(known).toEqual([...known].sort((a, b) => a - b));
        for (const hw of known) expect(hw).toBeGreaterThan(5);
        if (p.highWatermark !== null) {
          const holders = p.voters.filter((v) => v.endOffset !== null && v.endOffset >= p.highWatermark!).length;
          expect(holders).toBeGreaterThanOrEqual(3);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the counting variant can commit at or below epochStartOffset', () => {
    const ops = [{ local: false, node: 1, offset: 3 }, { local: false, node: 1, offset: 2 }, { local: false, node: 2, offset: 3 }, { local: false, node: 2, offset: 2 }, { local: true, offset: 0 }] as const;
    expect(run(ops, true).seen.at(-1)).toBe(5);
    expect(run(ops, false).seen.at(-1)).toBeNull();
  });
});
