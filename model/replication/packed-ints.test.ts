// The codec's packed words round-trip, fall back to the long form for lists they cannot hold, and refuse values
// outside a field rather than alias two states.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrayReader, StateEncoder } from '../../src/explore/state-encoder.ts';
import { at5, field5, pack5, readRecords, unpack5, writeRecords } from './packed-ints.ts';

describe('packed ints', () => {
  it('pack5 / at5 round-trip values from -1 to 30 and throw outside', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 30 }), { minLength: 1, maxLength: 6 }), (values) => {
        expect(unpack5(pack5(values), values.length)).toEqual(values);
        const word = values.reduce((w, v, i) => w | at5(v, i), 0);
        values.forEach((v, i) => expect(field5(word, i)).toBe(v));
      }),
    );
    expect(() => pack5([31])).toThrow(/does not fit/);
    expect(() => at5(-2, 0)).toThrow(/does not fit/);
  });

  it('record lists round-trip in one word up to four codes below 128, in the long form otherwise', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 7 }), (codes) => {
        const out = new StateEncoder();
        writeRecords(out, codes);
        out.int(-5); // what follows must still be read where it was written
        const short = codes.length <= 4 && codes.every((c) => c < 128);
        expect(out.length).toBe(short ? 2 : codes.length + 3);
        const reader = new ArrayReader(out.snapshot(), 0);
        expect(readRecords(reader)).toEqual(codes);
        expect(reader.int()).toBe(-5);
      }),
    );
  });
});
