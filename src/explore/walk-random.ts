// The seeded generator behind random walks (splitmix32): one stream per walk, derived from the run's seed and the
// walk's number, so walk 31,204 of seed 7 is the same walk on every machine and in every run, and any single walk
// can be re-run without the ones before it.

import { fmix } from './state-encoder.ts';

export class WalkRandom {
  private state: number;

  constructor(seed: number, walk: number) {
    // Two rounds of mixing so neighbouring (seed, walk) pairs start far apart.
    this.state = fmix((fmix(seed >>> 0) ^ Math.imul(walk + 1, 0x9e3779b9)) >>> 0);
  }

  /** The next 32-bit unsigned value. */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    return fmix(this.state);
  }

  /** A uniform integer in [0, n) (n ≤ 2^32; the modulo bias of multiply-shift is below 2^-32 · n). */
  below(n: number): number {
    return Math.floor((this.next() / 0x100000000) * n);
  }
}
