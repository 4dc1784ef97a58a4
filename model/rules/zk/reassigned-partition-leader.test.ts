// moveReassignedPartitionLeaderIfRequired: a live leader kept in the target replicas gets a new epoch (no leader or
// ISR change), otherwise the first live ISR member of the targets is elected.
import { describe, expect, it } from 'vitest';
import { moveReassignedPartitionLeaderIfRequired } from './reassigned-partition-leader.ts';
import type { LeaderAndIsr } from './zk-state.ts';

const state = (leader: number, isr: number[]): LeaderAndIsr => ({ leader, leaderEpoch: 4, isr, leaderRecoveryState: 'RECOVERED', partitionEpoch: 9 });

describe('moveReassignedPartitionLeaderIfRequired', () => {
  it('keeps a live leader that stays a replica and bumps only the leader epoch (a reorder)', () => {
    expect(moveReassignedPartitionLeaderIfRequired(state(0, [0, 1]), [1, 0], [0, 1])).toEqual({ ...state(0, [0, 1]), leaderEpoch: 5 });
  });
  it('elects from the targets when the leader leaves the replica set', () => {
    expect(moveReassignedPartitionLeaderIfRequired(state(0, [0, 1, 2]), [2, 1], [0, 1, 2])).toEqual({ ...state(2, [0, 1, 2]), leaderEpoch: 5 });
  });
  it('elects from the targets when the leader is dead, and gives up when no target is a live ISR member', () => {
    expect(moveReassignedPartitionLeaderIfRequired(state(0, [0, 1]), [1, 0], [1])).toEqual({ ...state(1, [0, 1]), leaderEpoch: 5 });
    expect(moveReassignedPartitionLeaderIfRequired(state(0, [0]), [1, 0], [1])).toBeNull();
  });
});
