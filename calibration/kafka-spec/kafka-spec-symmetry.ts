// Symmetry reduction for kafka-spec: the spec treats replica ids as interchangeable (TLC would take Replicas as
// a symmetry set), so a state's representative is the lexicographically smallest packed array over every
// permutation of replica ids. Ids appear in logs' positions, replicaState's leader/ISR and the requests.

import {
  endOffset, epochPlus1, hw, isrOf, leaderOf, nextLeaderEpoch, nextRecordId, quorumIsr, recordAt, replicaStateWord, request,
  wordCount, type KafkaSpecConfig, type KafkaSpecState,
} from './kafka-spec-state.ts';

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const rest of permutations(n - 1)) {
    for (let i = 0; i <= rest.length; i++) out.push([...rest.slice(0, i), n - 1, ...rest.slice(i)]);
  }
  return out;
}

/** Returns canonicalize(state): the smallest image of the state under a renaming of replica ids. */
export function createCanonicalize(c: KafkaSpecConfig): (s: KafkaSpecState) => KafkaSpecState {
  const R = c.replicas;
  const words = wordCount(c);
  const requestsInExtra = Math.max(0, c.maxLeaderEpoch + 1 - 3);
  // Per non-identity permutation: where each id goes, the image of every ISR mask and of every leader code.
  const perms = permutations(R).filter((p) => p.some((to, from) => to !== from));
  const maskMap = perms.map((p) => Array.from({ length: 16 }, (_, m) => p.reduce((acc, to, from) => (m & (1 << from) ? acc | (1 << to) : acc), 0)));
  const codeMap = perms.map((p) => Array.from({ length: 8 }, (_, code) => (code === 0 || code > R ? code : p[code - 1] + 1)));
  const mapRequest = (req: number, masks: number[], codes: number[]): number => codes[req & 7] | (masks[req >>> 3] << 3);
  let best = new Array<number>(words).fill(0);
  let candidate = new Array<number>(words).fill(0);

  return (s) => {
    let improved = false;
    for (let i = 0; i < perms.length; i++) {
      const p = perms[i];
      const masks = maskMap[i];
      const codes = codeMap[i];
      let g = (s[0] & 63) | (masks[(s[0] >>> 6) & 15] << 6);
      const n = Math.min(3, (s[0] >>> 3) & 7);
      for (let e = 0; e < n; e++) g |= mapRequest((s[0] >>> (10 + 7 * e)) & 127, masks, codes) << (10 + 7 * e);
      candidate[0] = g;
      for (let r = 0; r < R; r++) {
        const w = s[1 + R + r];
        candidate[1 + p[r]] = s[1 + r];
        candidate[1 + R + p[r]] = (w & 63) | (codes[(w >>> 6) & 7] << 6) | (masks[(w >>> 9) & 15] << 9);
      }
      if (words > 1 + 2 * R) {
        let extra = 0;
        for (let k = 0; k < requestsInExtra; k++) extra |= mapRequest((s[1 + 2 * R] >>> (7 * k)) & 127, masks, codes) << (7 * k);
        candidate[1 + 2 * R] = extra;
      }
      const reference = improved ? best : s;
      let cmp = 0;
      for (let k = 0; k < words && cmp === 0; k++) cmp = candidate[k] - reference[k];
      if (cmp < 0) {
        const swap = best;
        best = candidate;
        candidate = swap;
        improved = true;
      }
    }
    return improved ? best.slice() : s;
  };
}

/**
 * The state with replica r renamed to p[r], built field by field from the accessors (deliberately not sharing
 * canonicalize's word tricks, so tests can check one against the other).
 */
export function permuteReplicas(c: KafkaSpecConfig, s: KafkaSpecState, p: readonly number[]): KafkaSpecState {
  const R = c.replicas;
  const mask = (m: number): number => p.reduce((acc, to, from) => ((m & (1 << from)) !== 0 ? acc | (1 << to) : acc), 0);
  const code = (leader: number): number => (leader === 0 ? 0 : p[leader - 1] + 1);
  const t = new Array<number>(wordCount(c)).fill(0);
  let g = nextRecordId(s) | (nextLeaderEpoch(s) << 3) | (mask(quorumIsr(s)) << 6);
  for (let e = 0; e < nextLeaderEpoch(s); e++) {
    const req = request(s, R, e);
    const image = code(req & 7) | (mask(req >>> 3) << 3);
    if (e < 3) g |= image << (10 + 7 * e);
    else t[1 + 2 * R] |= image << (7 * (e - 3));
  }
  t[0] = g;
  for (let r = 0; r < R; r++) {
    let log = endOffset(s, r);
    for (let o = 0; o < endOffset(s, r); o++) log |= recordAt(s, r, o) << (3 + 5 * o);
    t[1 + p[r]] = log;
    t[1 + R + p[r]] = replicaStateWord(hw(s, R, r), epochPlus1(s, R, r), code(leaderOf(s, R, r)), mask(isrOf(s, R, r)));
  }
  return t;
}

/** Every permutation of 0..n-1 (for tests and reports). */
export function replicaPermutations(n: number): number[][] {
  return permutations(n);
}
