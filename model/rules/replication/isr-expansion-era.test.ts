// isrExpansionEpochStartOffset: before KAFKA-7128 a follower joined the ISR once its LEO reached the leader's HW,
// even if it had not reached the start of the leader's epoch; since 2.0.1/2.1.0 it must.
import { describe, expect, it } from 'vitest';
import { isFollowerInSync } from './isr-eligibility.ts';
import { isrExpansionEpochStartOffset } from './isr-expansion-era.ts';

describe('isrExpansionEpochStartOffset', () => {
  it('drops the epoch-start condition before KAFKA-7128', () => {
    for (const era of ['high-watermark', 'kip-101', 'kip-279'] as const) {
      // Leader HW 1, its epoch began at offset 3: a follower at LEO 1 joins.
      expect(isFollowerInSync(1, 1, isrExpansionEpochStartOffset(era, 3))).toBe(true);
    }
  });
  it('keeps it from KIP-320 (2.1) on', () => {
    for (const era of ['kip-320', 'diverging-epoch'] as const) {
      expect(isrExpansionEpochStartOffset(era, 3)).toBe(3);
      expect(isFollowerInSync(1, 1, isrExpansionEpochStartOffset(era, 3))).toBe(false);
      expect(isFollowerInSync(3, 1, isrExpansionEpochStartOffset(era, 3))).toBe(true);
    }
  });
});
