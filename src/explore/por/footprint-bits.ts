// Footprints as bit sets over interned part names, so the ample-set search tests overlap with a few word ANDs
// instead of comparing strings. Parts are numbered as they are first seen; sets grow with the part count and a
// missing word reads as zero, so a footprint built early never needs rebuilding.

import type { ActionFootprint } from '../../contract/model.ts';

export interface FootprintBits {
  readonly reads: Uint32Array;
  readonly writes: Uint32Array;
  /** reads ∪ writes. */
  readonly touches: Uint32Array;
}

export class PartNumbers {
  private readonly numbers = new Map<string, number>();

  bits(parts: readonly string[]): Uint32Array {
    const indices = parts.map((part) => {
      let n = this.numbers.get(part);
      if (n === undefined) {
        n = this.numbers.size;
        this.numbers.set(part, n);
      }
      return n;
    });
    const words = new Uint32Array(indices.length === 0 ? 0 : (Math.max(...indices) >>> 5) + 1);
    for (const n of indices) words[n >>> 5] |= 1 << (n & 31);
    return words;
  }

  footprint(fp: ActionFootprint): FootprintBits {
    const reads = this.bits(fp.reads);
    const writes = this.bits(fp.writes);
    const touches = new Uint32Array(Math.max(reads.length, writes.length));
    for (let i = 0; i < touches.length; i++) touches[i] = (reads[i] ?? 0) | (writes[i] ?? 0);
    return { reads, writes, touches };
  }
}

export function overlaps(x: Uint32Array, y: Uint32Array): boolean {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if ((x[i] & y[i]) !== 0) return true;
  return false;
}

/** Dependent: one writes a part the other reads or writes (the relation ample sets must respect). */
export function dependent(x: FootprintBits, y: FootprintBits): boolean {
  return overlaps(x.writes, y.touches) || overlaps(y.writes, x.touches);
}
