// The representative of a state's orbit under renaming interchangeable processes (brokers, voters), shared by the
// Kafka models' `canonicalize`: sort processes by a renaming-invariant signature, settle ties by the smallest
// encoding. Exact (the same result for every state of an orbit), so state counts do not depend on search order.
import type { StateWriter } from '../../src/contract/model.ts';

/** One step of an FNV-style hash over 32-bit integers (signatures are order-sensitive mixes of fields). */
export const mix = (h: number, x: number): number => Math.imul(h ^ x, 0x01000193) >>> 0;
export const HASH_SEED = 0x811c9dc5;

export interface Renaming<S> {
  /** The state with process i renamed to[i] everywhere an id appears. */
  rename(s: S, to: readonly number[]): S;
  encode(s: S, out: StateWriter): void;
}

/** Reusable scratch encodings (canonicalize runs on every successor: no allocation per call). */
class Codes implements StateWriter {
  values: number[] = [];
  length = 0;
  int(value: number): void {
    this.values[this.length++] = value;
  }
}
const scratch = [new Codes(), new Codes()];

function encodeInto<S>(r: Renaming<S>, s: S, out: Codes): Codes {
  out.length = 0;
  r.encode(s, out);
  return out;
}

function compareCodes(x: Codes, y: Codes): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x.values[i] !== y.values[i]) return x.values[i] - y.values[i];
  return x.length - y.length;
}

/**
 * `sigs[p]` must not change when processes are renamed (it describes p with other processes' ids left out); equal
 * signatures only tie, so a hash collision costs time, never soundness. The sorted signatures are orbit-invariant,
 * so the candidates (every order of each run of tied processes) and their smallest encoding are too.
 */
export function representative<S>(s: S, sigs: readonly number[], r: Renaming<S>): S {
  const n = sigs.length;
  let sorted = true;
  for (let p = 1; p < n && sorted; p++) sorted = sigs[p - 1] < sigs[p];
  // Most states have no two processes alike and are already in order: the state is its own representative.
  if (sorted) return s;
  // Insertion sort by (signature, id): n is at most 8, and no comparator closure or copy per call.
  const order: number[] = new Array(n);
  for (let p = 0; p < n; p++) {
    let i = p;
    for (; i > 0 && sigs[order[i - 1]] > sigs[p]; i--) order[i] = order[i - 1];
    order[i] = p;
  }
  const runs: [number, number][] = [];
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sigs[order[end]] === sigs[order[start]]) end++;
    if (end - start > 1) runs.push([start, end]);
    start = end;
  }
  if (runs.length === 0) return r.rename(s, inverse(order));
  // Tied processes are usually truly alike: when swapping each adjacent tied pair leaves the state as it is, every
  // candidate is the same state, so the first is the smallest (k - 1 encodings instead of k! for a run of k).
  const base = encodeInto(r, s, scratch[0]);
  let alike = true;
  const swap: number[] = new Array(n);
  for (const [start, end] of runs) {
    for (let i = start; i + 1 < end && alike; i++) {
      for (let p = 0; p < n; p++) swap[p] = p;
      swap[order[i]] = order[i + 1];
      swap[order[i + 1]] = order[i];
      alike = compareCodes(encodeInto(r, r.rename(s, swap), scratch[1]), base) === 0;
    }
  }
  if (alike) return r.rename(s, inverse(order));
  let best: S | null = null;
  let bestCode = new Codes();
  for (const candidate of tieOrders(order, runs)) {
    const image = r.rename(s, inverse(candidate));
    const code = encodeInto(r, image, scratch[1]);
    if (best === null || compareCodes(code, bestCode) < 0) {
      best = image;
      scratch[1] = bestCode;
      bestCode = code;
    }
  }
  return best as S;
}

/** order[fresh] = old → to[old] = fresh. */
function inverse(order: readonly number[]): number[] {
  const to: number[] = new Array(order.length);
  for (let fresh = 0; fresh < order.length; fresh++) to[order[fresh]] = fresh;
  return to;
}

/** Every order permuting each run of tied processes among themselves (at most 120 for 5 processes). */
function tieOrders(order: readonly number[], runs: readonly [number, number][]): number[][] {
  let out: number[][] = [order.slice()];
  for (const [start, end] of runs) {
    const runOrders = permutationsOf(order.slice(start, end));
    out = out.flatMap((o) => runOrders.map((run) => [...o.slice(0, start), ...run, ...o.slice(end)]));
  }
  return out;
}

function permutationsOf(items: readonly number[]): number[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((first, i) => permutationsOf([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [first, ...rest]));
}
