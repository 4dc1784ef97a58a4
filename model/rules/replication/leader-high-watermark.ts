// The partition leader's high watermark (Partition.maybeIncrementLeaderHW and effectiveMinIsr at apache/kafka
// 1eb7644349cb), with switches for the older rules so a model can show what each fix prevents.

import { isCaughtUp, type FollowerReplica } from './replica-state.ts';
import { hasReplica, type ReplicaSet } from './replica-set.ts';

/**
 * Which replicas hold the HW back and when it may move at all.
 * - `isr`: `maximal` (KIP-497, Kafka ≥ 2.7: committed ∪ pending addition) or `committed` (the committed ISR only —
 *   the "no maximal ISR" mutation, bug 7 of kafka-bugs.md).
 * - `waitForCaughtUpEligible`: also wait for caught-up, ISR-eligible replicas outside the ISR (KAFKA-15021, 3.6).
 * - `minIsrGate`: no advance while |committed ISR| < effectiveMinIsr (KAFKA-15583, 3.7).
 */
export interface HighWatermarkRule {
  readonly isr: 'maximal' | 'committed';
  readonly waitForCaughtUpEligible: boolean;
  readonly minIsrGate: boolean;
}

/** Kafka as of the vectors' commit. */
export const HW_RULE_CURRENT: HighWatermarkRule = { isr: 'maximal', waitForCaughtUpEligible: true, minIsrGate: true };

/** Bug 7: the HW computed over the committed ISR only (as before KIP-497), all else current. */
export const HW_RULE_COMMITTED_ISR_ONLY: HighWatermarkRule = { isr: 'committed', waitForCaughtUpEligible: false, minIsrGate: true };

/** Partition.effectiveMinIsr: min(min.insync.replicas, replication factor (assigned replicas)). */
export function effectiveMinIsr(minInsyncReplicas: number, replicationFactor: number): number {
  return Math.min(minInsyncReplicas, replicationFactor);
}

export interface LeaderHighWatermarkInput {
  readonly highWatermark: number;
  readonly leaderLogEndOffset: number;
  readonly isr: ReplicaSet;
  readonly maximalIsr: ReplicaSet;
  /** Every remote assigned replica (Partition.remoteReplicasMap). */
  readonly followers: readonly FollowerReplica[];
  /** The followers that are ISR-eligible now (see isReplicaIsrEligible). */
  readonly isrEligible: ReplicaSet;
  readonly effectiveMinIsr: number;
  readonly nowMs: number;
  readonly replicaLagTimeMaxMs: number;
}

/** Partition.isUnderMinIsr for a leader: |committed ISR| < effectiveMinIsr. */
export function isUnderMinIsr(isr: ReplicaSet, minIsr: number): boolean {
  return isr.length < minIsr;
}

/**
 * maybeIncrementLeaderHW: unless gated by min ISR, the candidate is the minimum of the leader's LEO and the LEO of
 * every remote replica that is in the (maximal) ISR, or caught up and ISR-eligible; an unknown LEO (-1) holds it at
 * the current value. UnifiedLog.maybeIncrementHighWatermark only moves it forward. Returns the new HW.
 */
export function maybeIncrementLeaderHW(input: LeaderHighWatermarkInput, rule: HighWatermarkRule = HW_RULE_CURRENT): number {
  if (rule.minIsrGate && isUnderMinIsr(input.isr, input.effectiveMinIsr)) return input.highWatermark;
  const counted = rule.isr === 'maximal' ? input.maximalIsr : input.isr;
  let candidate = input.leaderLogEndOffset;
  for (const follower of input.followers) {
    const leo = follower.state.logEndOffset;
    if (leo >= candidate) continue;
    const waits =
      hasReplica(counted, follower.replicaId) ||
      (rule.waitForCaughtUpEligible &&
        hasReplica(input.isrEligible, follower.replicaId) &&
        isCaughtUp(follower.state, input.leaderLogEndOffset, input.nowMs, input.replicaLagTimeMaxMs));
    if (waits) candidate = leo;
  }
  return Math.max(input.highWatermark, candidate);
}
