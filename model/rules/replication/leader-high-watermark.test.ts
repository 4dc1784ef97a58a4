// The leader HW (min-ISR gate, maximal ISR, caught-up replicas outside the ISR, monotonicity) and the acks rules
// built on it, including the "committed ISR only" mutation the model uses for bug 7.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  effectiveMinIsr,
  HW_RULE_COMMITTED_ISR_ONLY,
  HW_RULE_CURRENT,
  maybeIncrementLeaderHW,
  type LeaderHighWatermarkInput,
} from './leader-high-watermark.ts';
import { acknowledgedOnAppend, appendAdmission, checkEnoughReplicasReachOffset } from './produce-acks.ts';
import { EMPTY_REPLICA_STATE, type FollowerReplica } from './replica-state.ts';

const NOW = 100_000;
const follower = (replicaId: number, logEndOffset: number, lastCaughtUpTimeMs = NOW): FollowerReplica => ({
  replicaId,
  state: { ...EMPTY_REPLICA_STATE, logEndOffset, lastCaughtUpTimeMs, brokerEpoch: 1 },
});

const input = (over: Partial<LeaderHighWatermarkInput>): LeaderHighWatermarkInput => ({
  highWatermark: 0,
  leaderLogEndOffset: 10,
  isr: [0, 1, 2],
  maximalIsr: [0, 1, 2],
  followers: [follower(1, 10), follower(2, 10)],
  isrEligible: [1, 2],
  effectiveMinIsr: 1,
  nowMs: NOW,
  replicaLagTimeMaxMs: 30_000,
  ...over,
});

describe('maybeIncrementLeaderHW', () => {
  it('is the minimum LEO over the leader and the ISR', () => {
    expect(maybeIncrementLeaderHW(input({ followers: [follower(1, 7), follower(2, 9)] }))).toBe(7);
  });

  it('does not move under min ISR (KAFKA-15583); the older rule did', () => {
    const under = input({ isr: [0], maximalIsr: [0], effectiveMinIsr: 2, followers: [follower(1, 4, 0), follower(2, 4, 0)] });
    expect(maybeIncrementLeaderHW(under)).toBe(0);
    expect(maybeIncrementLeaderHW(under, { ...HW_RULE_CURRENT, minIsrGate: false })).toBe(10);
  });

  it('caps min.insync.replicas at the replication factor', () => {
    expect(effectiveMinIsr(3, 2)).toBe(2);
    expect(effectiveMinIsr(2, 3)).toBe(2);
  });

  it('bug 7: a pending ISR addition holds the HW only under the maximal-ISR rule', () => {
    const pending = input({ isr: [0, 1], maximalIsr: [0, 1, 2], followers: [follower(1, 10), follower(2, 3, 0)], isrEligible: [1] });
    expect(maybeIncrementLeaderHW(pending, HW_RULE_CURRENT)).toBe(3);
    expect(maybeIncrementLeaderHW(pending, HW_RULE_COMMITTED_ISR_ONLY)).toBe(10);
  });

  it('waits for a caught-up, ISR-eligible replica outside the ISR (KAFKA-15021), and only for such a one', () => {
    const outside = (over: Partial<LeaderHighWatermarkInput>) =>
      input({ isr: [0, 1], maximalIsr: [0, 1], followers: [follower(1, 10), follower(2, 6)], ...over });
    expect(maybeIncrementLeaderHW(outside({}))).toBe(6);
    expect(maybeIncrementLeaderHW(outside({ isrEligible: [1] }))).toBe(10);
    expect(maybeIncrementLeaderHW(outside({ followers: [follower(1, 10), follower(2, 6, 0)] }))).toBe(10);
  });

  it('is held by an ISR member whose LEO is unknown, and never decreases nor passes the leader LEO', () => {
    expect(maybeIncrementLeaderHW(input({ highWatermark: 4, followers: [follower(1, -1), follower(2, 10)] }))).toBe(4);
    const leo = fc.integer({ min: -1, max: 12 });
    fc.assert(
      fc.property(fc.nat(12), leo, leo, fc.boolean(), fc.nat(4), (hw, leo1, leo2, pending, minIsr) => {
        const leaderLogEndOffset = 12;
        for (const rule of [HW_RULE_CURRENT, HW_RULE_COMMITTED_ISR_ONLY]) {
          const next = maybeIncrementLeaderHW(
            input({
              highWatermark: hw,
              leaderLogEndOffset,
              isr: [0, 1],
              maximalIsr: pending ? [0, 1, 2] : [0, 1],
              followers: [follower(1, leo1), follower(2, leo2)],
              effectiveMinIsr: minIsr,
            }),
            rule,
          );
          expect(next).toBeGreaterThanOrEqual(hw);
          expect(next).toBeLessThanOrEqual(Math.max(hw, leaderLogEndOffset));
          if (next > hw) expect(next).toBeLessThanOrEqual(Math.max(leo1, hw));
        }
      }),
    );
  });
});

describe('acks', () => {
  it('rejects acks=all before appending when the ISR is under min ISR; acks 0/1 ignore it', () => {
    expect(appendAdmission(-1, 1, 2)).toBe('NOT_ENOUGH_REPLICAS');
    expect(appendAdmission(1, 1, 2)).toBe('APPEND');
    expect(appendAdmission(0, 1, 2)).toBe('APPEND');
    expect(appendAdmission(-1, 2, 2)).toBe('APPEND');
  });
  it('completes acks=all once the HW reaches the offset, flagging a maximal ISR that shrank below min ISR', () => {
    expect(checkEnoughReplicasReachOffset(4, 5, 3, 2)).toEqual({ done: false, error: 'NONE' });
    expect(checkEnoughReplicasReachOffset(5, 5, 2, 2)).toEqual({ done: true, error: 'NONE' });
    expect(checkEnoughReplicasReachOffset(5, 5, 1, 2)).toEqual({ done: true, error: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' });
  });
  it('acknowledges acks=1 on the leader append alone (bug 5), and never answers acks=0', () => {
    expect(acknowledgedOnAppend(1)).toBe(true);
    expect(acknowledgedOnAppend(0)).toBe(false);
    expect(acknowledgedOnAppend(-1)).toBe(false);
  });
});
