// Follower truncation per era: getOffsetTruncationState's branches, each era on the scenarios that separate them
// (kafka-bugs.md 1 and 2, KIP-279's iteration, KAFKA-7415), the Fetch-path divergence check, KIP-320 fencing, and a
// property: with fencing-era leaders the loop stops exactly where the two logs diverge.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, epochEntriesOfLog, type EpochEntries } from './leader-epoch-cache.ts';
import { getOffsetTruncationState } from './offset-truncation-state.ts';
import { applyTruncation, truncateFollower, truncationRound, type FollowerLog, type LeaderLog } from './follower-truncation.ts';
import { validateFetchEpoch } from './diverging-epoch.ts';
import { checkCurrentLeaderEpoch, checkLeaderRequest, requestCurrentLeaderEpoch } from './leader-epoch-fencing.ts';
import { eraRules, TRUNCATION_ERAS } from './truncation-era.ts';

const e = (epoch: number, startOffset: number) => ({ epoch, startOffset });
const follower = (entries: EpochEntries, logEndOffset: number, highWatermark: number): FollowerLog => ({ entries, logEndOffset, highWatermark });
const leader = (entries: EpochEntries, logEndOffset: number): LeaderLog => ({ entries, logEndOffset });

describe('getOffsetTruncationState', () => {
  const entries = [e(1, 0), e(3, 100)];
  it('falls back to the fetch offset (the HW) when the leader has no end offset', () => {
    expect(getOffsetTruncationState({ epoch: 2, endOffset: -1 }, entries, 140, 37)).toEqual({ truncateTo: 37, truncationCompleted: true });
  });
  it('uses min(leader offset, LEO) for a reply without an epoch (pre-2.0 leader)', () => {
    expect(getOffsetTruncationState({ epoch: -1, endOffset: 120 }, entries, 140, 0)).toEqual({ truncateTo: 120, truncationCompleted: true });
  });
  it('differs between the 2.0 and current follower lookup for an epoch below its first one', () => {
    const reply = { epoch: 0, endOffset: 50 };
    expect(getOffsetTruncationState(reply, [e(1, 10)], 80, 0, 'current')).toEqual({ truncateTo: 10, truncationCompleted: true });
    expect(getOffsetTruncationState(reply, [e(1, 10)], 80, 0, 'kip-279')).toEqual({ truncateTo: 50, truncationCompleted: true });
  });
});

describe('truncation eras', () => {
  it('has the features each era shipped with', () => {
    expect(TRUNCATION_ERAS.filter((era) => eraRules(era).fencesCurrentLeaderEpoch)).toEqual(['kip-320', 'diverging-epoch']);
    expect(TRUNCATION_ERAS.filter((era) => eraRules(era).truncatesOnFetch)).toEqual(['diverging-epoch']);
  });

  it('bug 1: before KIP-101 a follower drops a record it has that its own HW does not cover yet', () => {
    // Leader and follower hold the same two records of epoch 1; the leader's HW is 2, the follower's still 1.
    const logs = [leader([e(1, 0)], 2), follower([e(1, 0)], 2, 1)] as const;
    expect(truncateFollower('high-watermark', ...logs).truncateTo).toBe(1);
    for (const era of ['kip-101', 'kip-279', 'kip-320', 'diverging-epoch'] as const) {
      expect(truncateFollower(era, ...logs).truncateTo).toBe(2);
    }
  });

  it('bug 2: a follower epoch unknown to a leader with nothing later sends KIP-101 (and 2.0) back to the HW', () => {
    // Offset 0 (epoch 1) is committed; the follower also wrote offset 1 as zombie leader of epoch 2 and its HW is 0.
    // The new leader (epoch 3) has written nothing yet.
    const newLeader = leader([e(1, 0)], 1);
    const zombie = follower([e(1, 0), e(2, 1)], 2, 0);
    expect(truncateFollower('kip-101', newLeader, zombie).truncateTo).toBe(0);
    expect(truncateFollower('kip-279', newLeader, zombie).truncateTo).toBe(0);
    // KAFKA-7415 (with KIP-320 in 2.1): the leader caches epoch 3 at its LEO on election, so epoch 2 has an answer.
    const cached = leader(assign(newLeader.entries, 3, 1), 1);
    expect(truncateFollower('kip-320', cached, zombie).truncateTo).toBe(1);
    expect(truncateFollower('diverging-epoch', cached, zombie).truncateTo).toBe(1);
  });

  it('KIP-279 iterates: an intermediate truncation, then a second OffsetsForLeaderEpoch', () => {
    const l = leader([e(1, 0), e(3, 2), e(5, 4)], 6);
    const f = follower([e(1, 0), e(2, 2), e(4, 3)], 5, 1);
    const first = truncationRound('kip-279', l, f);
    expect(first).toEqual({ requestedEpoch: 4, leaderReply: { epoch: 3, endOffset: 4 }, truncateTo: 3, truncationCompleted: false });
    const second = truncationRound('kip-279', l, applyTruncation(f, first.truncateTo));
    expect(second).toEqual({ requestedEpoch: 2, leaderReply: { epoch: 1, endOffset: 2 }, truncateTo: 2, truncationCompleted: true });
    expect(truncateFollower('kip-279', l, f)).toEqual({ follower: follower([e(1, 0)], 2, 1), truncateTo: 2, rounds: 2 });
    // KIP-101 asks once with epoch 4 and stops at the start of epoch 5: offsets 2-3 diverge but are kept.
    expect(truncateFollower('kip-101', l, f).truncateTo).toBe(4);
    // On the Fetch path: two diverging fetches, then one that reads.
    expect(truncateFollower('diverging-epoch', l, f)).toMatchObject({ truncateTo: 2, rounds: 3 });
  });

  it('applyTruncation caps the HW and drops an epoch entry that has no records', () => {
    expect(applyTruncation(follower([e(1, 0), e(2, 3)], 5, 4), 2)).toEqual(follower([e(1, 0)], 2, 2));
    expect(applyTruncation(follower([e(1, 0), e(2, 3)], 3, 1), 7)).toEqual(follower([e(1, 0)], 3, 1));
  });

  /** Two logs sharing a prefix, each side's later epochs its own (one epoch has one leader). */
  const divergedLogs = fc
    .record({
      prefix: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 5 }),
      followerSteps: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 4 }),
      leaderSteps: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 4 }),
      followerContinues: fc.boolean(),
      followerHw: fc.nat(),
    })
    .map(({ prefix, followerSteps, leaderSteps, followerContinues, followerHw }) => {
      let epoch = 1;
      const common = prefix.map((step) => (epoch += step));
      // Follower-only epochs are odd and leader-only epochs even above the prefix, so no epoch is shared.
      const base = epoch + (epoch % 2);
      let f = base + 1;
      let l = base + 2;
      const followerTail = followerSteps.map((step, i) => (i === 0 && followerContinues && common.length > 0 ? epoch : (f += 2 * step)));
      const leaderTail = leaderSteps.map((step) => (l += 2 * step));
      const followerLog = [...common, ...followerTail];
      const leaderLog = [...common, ...leaderTail];
      const newEpoch = Math.max(f, l) + 1;
      return {
        divergence: common.length,
        leader: leader(assign(epochEntriesOfLog(leaderLog), newEpoch, leaderLog.length), leaderLog.length),
        follower: follower(epochEntriesOfLog(followerLog), followerLog.length, Math.min(followerHw, common.length)),
      };
    });

  it('with KIP-320-era leaders, truncation stops exactly at the divergence point (or the follower LEO)', () => {
    fc.assert(
      fc.property(divergedLogs, ({ divergence, leader: l, follower: f }) => {
        const expected = Math.min(divergence, f.logEndOffset);
        expect(truncateFollower('kip-320', l, f).truncateTo).toBe(expected);
        expect(truncateFollower('diverging-epoch', l, f).truncateTo).toBe(expected);
      }),
    );
  });
});

describe('Fetch-path divergence check (leader side)', () => {
  const entries = [e(1, 0), e(3, 4)];
  it('reads when the last fetched epoch matches, including a fetch with no epoch', () => {
    expect(validateFetchEpoch(entries, 6, 3, 5)).toEqual({ kind: 'read' });
    expect(validateFetchEpoch(entries, 6, -1, 2)).toEqual({ kind: 'read' });
  });
  it('answers a divergingEpoch when the epoch ended before the fetch offset or is unknown', () => {
    expect(validateFetchEpoch(entries, 6, 1, 5)).toEqual({ kind: 'diverging', divergingEpoch: { epoch: 1, endOffset: 4 } });
    expect(validateFetchEpoch(entries, 6, 2, 3)).toEqual({ kind: 'diverging', divergingEpoch: { epoch: 1, endOffset: 4 } });
  });
  it('is out of range for an epoch above every cached one, or an offset past the LEO', () => {
    expect(validateFetchEpoch(entries, 6, 4, 6)).toEqual({ kind: 'offset-out-of-range' });
    expect(validateFetchEpoch(entries, 6, -1, 7)).toEqual({ kind: 'offset-out-of-range' });
  });
  it('checks the epoch before the offset: past the LEO in the latest epoch is a divergence at the LEO', () => {
    expect(validateFetchEpoch(entries, 6, 3, 7)).toEqual({ kind: 'diverging', divergingEpoch: { epoch: 3, endOffset: 6 } });
  });
});

describe('KIP-320 current leader epoch fencing', () => {
  it('fences an older epoch, calls a newer one unknown, and accepts equal or absent epochs', () => {
    expect(checkCurrentLeaderEpoch(5, 4)).toBe('FENCED_LEADER_EPOCH');
    expect(checkCurrentLeaderEpoch(5, 6)).toBe('UNKNOWN_LEADER_EPOCH');
    expect(checkCurrentLeaderEpoch(5, 5)).toBe('NONE');
    expect(checkCurrentLeaderEpoch(5, -1)).toBe('NONE');
  });
  it('pre-KIP-320 requests carry no epoch, so a stale follower is served', () => {
    expect(checkLeaderRequest(true, 5, requestCurrentLeaderEpoch(false, 3))).toBe('NONE');
    expect(checkLeaderRequest(true, 5, requestCurrentLeaderEpoch(true, 3))).toBe('FENCED_LEADER_EPOCH');
    expect(checkLeaderRequest(false, 5, requestCurrentLeaderEpoch(true, 5))).toBe('NOT_LEADER_OR_FOLLOWER');
  });
});
