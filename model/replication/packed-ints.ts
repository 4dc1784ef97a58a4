// Small-integer packing for the replication codec: the model's bounds keep epochs, offsets, broker ids and record
// codes tiny, so several fit in one 32-bit word. Fewer words per state mean less hashing per successor and a
// smaller packed frontier; a value outside its field throws, so the encoding stays injective or fails loudly.

import type { StateReader, StateWriter } from '../../src/contract/model.ts';

const FIELD = 5;
const FIELD_MASK = (1 << FIELD) - 1;

/** Up to six values from -1 to 30, five bits each (stored plus one). */
export function pack5(values: readonly number[]): number {
  let word = 0;
  for (let i = 0; i < values.length; i++) word |= at5(values[i], i);
  return word;
}

/** One integer from -1 to 30 in field `i` of a pack5 word (no array: the encoder calls this per successor). */
export function at5(value: number, i: number): number {
  const v = value + 1;
  if (v < 0 || v > FIELD_MASK || (v | 0) !== v) throw new Error(`replication codec: ${value} does not fit a packed field`);
  return v << (FIELD * i);
}

/** The `count` values pack5 stored in `word`. */
export function unpack5(word: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(field5(word, i));
  return out;
}

/** The `i`-th value pack5 stored in `word`. */
export function field5(word: number, i: number): number {
  return ((word >>> (FIELD * i)) & FIELD_MASK) - 1;
}

const LONG = 7;

/**
 * A list of record codes (or 0 for "none"): up to four codes below 128 in one word (length in 3 bits, 7 bits per
 * code); anything longer or larger in a long form after the marker length 7.
 */
export function writeRecords(out: StateWriter, codes: readonly number[]): void {
  const n = codes.length;
  let word = n;
  let short = n <= 4;
  for (let i = 0; short && i < n; i++) {
    const c = codes[i];
    if (c < 0 || c > 127) short = false;
    else word |= c << (3 + 7 * i);
  }
  if (short) {
    out.int(word);
    return;
  }
  out.int(LONG);
  out.int(n);
  for (const c of codes) out.int(c);
}

export function readRecords(r: StateReader): number[] {
  const word = r.int();
  const out: number[] = [];
  if ((word & 7) === LONG) {
    const n = r.int();
    for (let i = 0; i < n; i++) out.push(r.int());
    return out;
  }
  const n = word & 7;
  for (let i = 0; i < n; i++) out.push((word >>> (3 + 7 * i)) & 127);
  return out;
}
