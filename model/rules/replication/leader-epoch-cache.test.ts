// Epoch cache rules: Kafka's LeaderEpochFileCacheTest scenarios not covered by the vectors, the two older
// endOffsetFor rules, and properties tying endOffsetFor to the log it describes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assign,
  assignAll,
  endOffsetFor,
  endOffsetForKip101,
  endOffsetForKip279,
  epochEntriesOfLog,
  latestEpoch,
  truncateFromEnd,
  UNDEFINED_EPOCH_END_OFFSET,
} from './leader-epoch-cache.ts';

const e = (epoch: number, startOffset: number) => ({ epoch, startOffset });

describe('assign', () => {
  it('never moves an assigned epoch to a later offset', () => {
    expect(assignAll([e(2, 9), e(2, 10)])).toEqual([e(2, 9)]);
  });

  it('replaces an entry when a newer epoch starts at the same offset', () => {
    expect(assignAll([e(2, 9), e(3, 9)])).toEqual([e(3, 9)]);
  });

  it('removes later epochs when an older epoch is re-assigned further on (shouldEnforceMonotonicallyIncreasingEpochs)', () => {
    const entries = assignAll([e(1, 5), e(2, 6), e(1, 7)]);
    expect(entries).toEqual([e(1, 7)]);
    expect(endOffsetFor(entries, 1, 8)).toEqual({ epoch: 1, endOffset: 8 });
    expect(endOffsetFor(entries, 2, 8)).toEqual(UNDEFINED_EPOCH_END_OFFSET);
  });

  it('removes an entry whose offset the new epoch goes back before', () => {
    expect(assignAll([e(2, 6), e(3, 5)])).toEqual([e(3, 5)]);
  });

  it('returns the same array when nothing changes, and rejects negative input as Kafka does', () => {
    const entries = [e(2, 6)];
    expect(assign(entries, 2, 7)).toBe(entries);
    expect(() => assign(entries, -1, 3)).toThrow(RangeError);
  });

  it('keeps entries strictly ascending in epoch and offset whatever is assigned', () => {
    const call = fc.record({ epoch: fc.integer({ min: 0, max: 6 }), startOffset: fc.integer({ min: 0, max: 12 }) });
    fc.assert(
      fc.property(fc.array(call, { maxLength: 12 }), (calls) => {
        const entries = assignAll(calls);
        for (let i = 1; i < entries.length; i++) {
          expect(entries[i].epoch).toBeGreaterThan(entries[i - 1].epoch);
          expect(entries[i].startOffset).toBeGreaterThan(entries[i - 1].startOffset);
        }
        if (calls.length > 0) {
          // The last call always ends up as (or is absorbed by) the latest entry of its epoch.
          const last = calls[calls.length - 1];
          expect(latestEpoch(entries)).toBe(last.epoch);
          expect(entries[entries.length - 1].startOffset).toBeLessThanOrEqual(last.startOffset);
        }
      }),
    );
  });
});

describe('truncateFromEnd', () => {
  const entries = [e(2, 6), e(3, 8), e(4, 11)];
  it('removes every entry starting at or after the offset', () => {
    expect(truncateFromEnd(entries, 8)).toEqual([e(2, 6)]);
    expect(truncateFromEnd(entries, 9)).toEqual([e(2, 6), e(3, 8)]);
  });
  it('leaves the cache alone for an offset past the latest start or a negative one', () => {
    expect(truncateFromEnd(entries, 12)).toBe(entries);
    expect(truncateFromEnd(entries, -1)).toBe(entries);
  });
});

describe('endOffsetFor', () => {
  it('answers undefined for an empty cache and for epoch -1', () => {
    expect(endOffsetFor([], 0, 0)).toEqual(UNDEFINED_EPOCH_END_OFFSET);
    expect(endOffsetFor([], -1, 73)).toEqual(UNDEFINED_EPOCH_END_OFFSET);
  });

  it('answers (requested, first start above) below the first epoch; KIP-101 and KIP-279 leaders said undefined', () => {
    const entries = assignAll([e(5, 11), e(6, 12), e(7, 13)]);
    expect(endOffsetFor(entries, 4, 0)).toEqual({ epoch: 4, endOffset: 11 });
    expect(endOffsetForKip279(entries, 4, 0)).toEqual(UNDEFINED_EPOCH_END_OFFSET);
    expect(endOffsetForKip101(entries, 4, 0)).toBe(-1);
  });

  it('agrees across eras wherever the requested epoch is not below the first one, KIP-101 without the epoch', () => {
    const entries = [e(1, 0), e(3, 4), e(4, 6)];
    for (let requested = 1; requested <= 6; requested++) {
      expect(endOffsetForKip279(entries, requested, 9)).toEqual(endOffsetFor(entries, requested, 9));
      expect(endOffsetForKip101(entries, requested, 9)).toBe(endOffsetFor(entries, requested, 9).endOffset);
    }
  });

  it('on a log, ends an epoch at the first record of a later epoch (or the LEO for the latest)', () => {
    const log = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 10 }).map((steps) => {
      let epoch = 1;
      return steps.map((step) => (epoch += step));
    });
    fc.assert(
      fc.property(log, fc.integer({ min: 0, max: 40 }), (recordEpochs, requested) => {
        const entries = epochEntriesOfLog(recordEpochs);
        const answer = endOffsetFor(entries, requested, recordEpochs.length);
        const firstAbove = recordEpochs.findIndex((x) => x > requested);
        if (requested === latestEpoch(entries)) {
          expect(answer).toEqual({ epoch: requested, endOffset: recordEpochs.length });
        } else if (firstAbove < 0) {
          expect(answer).toEqual(UNDEFINED_EPOCH_END_OFFSET);
        } else {
          const atOrBelow = recordEpochs.filter((x) => x <= requested);
          const epoch = atOrBelow.length === 0 ? requested : Math.max(...atOrBelow);
          expect(answer).toEqual({ epoch, endOffset: firstAbove });
        }
      }),
    );
  });
});
