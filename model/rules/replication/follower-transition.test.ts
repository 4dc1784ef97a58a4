// restartsFetcherOnBecomeFollower per era: the ≤ 2.0 "same leader, skip" shortcut (missed epochs ignored), the
// KAFKA-7164 fix in 2.1, and today's epoch-only rule (KAFKA-13790), as Partition.makeFollower returned them.

import { describe, expect, it } from 'vitest';
import { restartsFetcherOnBecomeFollower } from './follower-transition.ts';

describe('restartsFetcherOnBecomeFollower', () => {
  it('before 2.1 restarts only when the leader changes, even after missed epochs', () => {
    for (const era of ['high-watermark', 'kip-101', 'kip-279'] as const) {
      expect(restartsFetcherOnBecomeFollower(era, 1, 3, 1, 5)).toBe(false);
      expect(restartsFetcherOnBecomeFollower(era, 1, 3, 2, 4)).toBe(true);
    }
  });

  it('KAFKA-7164 (2.1) also restarts when the epoch changed under the same leader', () => {
    expect(restartsFetcherOnBecomeFollower('kip-320', 1, 3, 1, 5)).toBe(true);
    expect(restartsFetcherOnBecomeFollower('kip-320', 1, 3, 1, 3)).toBe(false);
  });

  it('today restarts exactly when the leader epoch goes up', () => {
    expect(restartsFetcherOnBecomeFollower('diverging-epoch', 1, 3, 1, 4)).toBe(true);
    expect(restartsFetcherOnBecomeFollower('diverging-epoch', 1, 3, 2, 3)).toBe(false);
  });

  it('a restarted broker (no leader, no epoch yet) always starts its fetcher', () => {
    for (const era of ['high-watermark', 'kip-101', 'kip-279', 'kip-320', 'diverging-epoch'] as const) {
      expect(restartsFetcherOnBecomeFollower(era, -1, -1, 0, 0)).toBe(true);
    }
  });
});
