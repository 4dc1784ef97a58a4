// Who led which epoch, read from the state itself (no ghost): a voter that is Leader or Resigned in an epoch, a
// stopped voter whose quorum-state file names itself leader, and every LeaderChange record in any log (Kafka's
// LeaderChangeMessage names the leader that wrote it at the start of its epoch).
import { entryEpoch, isLeaderChange, leaderChangeBy, type KraftQuorumState } from './kraft-quorum-state.ts';

/** leaders[e] = bitmask of the voters known to have led epoch e. */
export function leadersByEpoch(s: KraftQuorumState, maxEpoch: number): number[] {
  const leaders = new Array<number>(maxEpoch + 1).fill(0);
  for (let id = 0; id < s.voters.length; id++) {
    const v = s.voters[id];
    if (v.es !== null && (v.es.role === 'Leader' || v.es.role === 'Resigned')) markLeader(leaders, v.es.epoch, id);
    if (v.es === null && v.stored !== null && v.stored.leaderId === id) markLeader(leaders, v.stored.epoch, id);
    for (const e of v.log) if (isLeaderChange(e)) markLeader(leaders, entryEpoch(e), leaderChangeBy(e));
  }
  for (const e of s.committed) if (isLeaderChange(e)) markLeader(leaders, entryEpoch(e), leaderChangeBy(e));
  return leaders;
}

function markLeader(leaders: number[], epoch: number, id: number): void {
  if (epoch < leaders.length) leaders[epoch] |= 1 << id;
}
