// NOT Kafka: the election rule some articles attribute to Kafka — "the follower with the largest log end offset
// becomes leader". Kafka's controllers pick the first live replica in assignment order that is in the ISR (ZK
// PartitionLeaderElectionAlgorithms) or follow PartitionChangeBuilder's ISR/ELR rules; LEO plays no part. The
// `largest-leo-election` preset runs this rule in place of the ZK offline election to show what it would break.

import type { LeaderAndIsr } from '../rules/zk/zk-state.ts';

/**
 * The live assigned replica with the largest LEO (ties: assignment order), ignoring the ISR. The ISR then follows
 * ZK's leaderForOffline shape: the live ISR members if the winner was one of them, else just the winner.
 */
export function largestLeoElection(
  current: LeaderAndIsr,
  assignment: readonly number[],
  online: readonly number[],
  logEndOffset: (replica: number) => number,
): LeaderAndIsr | null {
  let leader = -1;
  for (const r of assignment) {
    if (!online.includes(r)) continue;
    if (leader < 0 || logEndOffset(r) > logEndOffset(leader)) leader = r;
  }
  if (leader < 0) return null;
  const isr = current.isr.includes(leader) ? current.isr.filter((r) => online.includes(r)) : [leader];
  return { ...current, leader, leaderEpoch: current.leaderEpoch + 1, isr };
}
