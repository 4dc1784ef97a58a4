// Which leader-epoch start offset the ISR expansion check uses, per era. KAFKA-7128 (commit 70c51633f2f, shipped in
// 2.0.1 and 2.1.0) made a follower reach the start offset of the leader's current epoch before it may join the
// ISR; from 0.10 to 2.0.0 Partition.maybeExpandIsr only required its LEO to reach the leader's high watermark.

import { eraRules, type Era } from './truncation-era.ts';

/**
 * The `leaderEpochStartOffset` to hand isFollowerInSync / maybeExpandIsr in `era`: the leader's real epoch start
 * from kip-320 (2.1) on; 0 — no constraint beyond LEO ≥ HW — for high-watermark, kip-101 and kip-279 (≤ 2.0.0),
 * where Kafka did not check it. (A negative start still means "unknown: nobody joins" in the current rule.)
 */
export function isrExpansionEpochStartOffset(era: Era, leaderEpochStartOffset: number): number {
  return eraRules(era).expansionNeedsEpochStart ? leaderEpochStartOffset : 0;
}
