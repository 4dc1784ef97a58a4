// When a follower that receives a new partition state restarts its fetcher (and so its truncation), per era:
// Partition.makeFollower's return value. 0.10.2–2.0: only when the leader changed; 2.1 (KAFKA-7164, commit
// 69283b4038a, and KIP-320): when the leader or the leader epoch changed; since KAFKA-13790 (b485f92647f, 3.3)
// and at apache/kafka 1eb7644349cb: exactly when the leader epoch went up.

import { eraRules, type Era } from './truncation-era.ts';

/**
 * True when ReplicaManager.makeFollowers would (re)start the fetcher for this partition — the moment an era's
 * become-follower truncation runs (truncate to the HW before KIP-101; OffsetsForLeaderEpoch from KIP-101 on; a
 * Fetch with lastFetchedEpoch in the diverging-epoch era). A broker that just restarted has no previous leader
 * (-1) and no epoch (-1), so it always starts.
 * - `high-watermark`, `kip-101`, `kip-279` (≤ 2.0): `leaderReplicaIdOpt == newLeader` skips the steps, even if
 *   epochs were missed — the hole KAFKA-7164 closed;
 * - `kip-320` (2.1–2.7, KAFKA-7164): skipped only if the leader is the same and the epoch unchanged;
 * - `diverging-epoch` (current): restarted iff the new leader epoch is greater than the local one.
 */
export function restartsFetcherOnBecomeFollower(
  era: Era,
  previousLeader: number,
  previousLeaderEpoch: number,
  newLeader: number,
  newLeaderEpoch: number,
): boolean {
  const r = eraRules(era);
  if (r.restartOnEpochIncrease) return newLeaderEpoch > previousLeaderEpoch;
  if (r.restartOnEpochChange) return previousLeader !== newLeader || previousLeaderEpoch !== newLeaderEpoch;
  return previousLeader !== newLeader;
}
