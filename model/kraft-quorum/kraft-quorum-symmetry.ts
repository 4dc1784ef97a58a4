// Symmetry reduction for kraft-quorum: the voters are interchangeable (every rule quantifies over the voter set;
// ties in the leader's HW median and successor order only decide values or are normalised away), so a state's
// representative renames voters so they sort by a signature that leaves other voters' ids out, ties broken by the
// smallest encoding. Not offered when electionTimers = 'first' or lostContact = 'last' name one voter.
import type { QuorumContext, ReplicaKey, VoteTally } from '../rules/raft/index.ts';
import { encodeKraftQuorum } from './kraft-quorum-codec.ts';
import { isLeaderChange, leaderChangeBy, type KraftQuorumState } from './kraft-quorum-state.ts';
import { renameKraftState } from './kraft-quorum-rename.ts';

/** How an id looks from voter v: none, v itself, or some other voter (whose name a renaming changes). */
const rel = (id: number | null, v: number): number => (id === null ? -1 : id === v ? 0 : 1);
const keyRel = (k: ReplicaKey | null, v: number): number => (k === null ? -1 : rel(k.id, v) + 2 * (k.dir ?? 15));
const tallyWord = (t: VoteTally, v: number): number => t.granted.length | (t.rejected.length << 4) | (t.granted.includes(v) ? 256 : 0);
const entryRel = (e: number, v: number): number => (isLeaderChange(e) ? e - leaderChangeBy(e) + (leaderChangeBy(e) === v ? 0 : 1) : e);
const mix = (h: number, x: number): number => Math.imul(h ^ x, 0x01000193) >>> 0;

/**
 * What voter v holds and believes, and the messages to and from it, with other voters' ids left out, hashed to
 * one number (equal hashes only make voters tie, and ties are settled exactly below, so a collision costs time).
 */
function signature(s: KraftQuorumState, v: number): number {
  const x = s.voters[v];
  let h = mix(mix(mix(0x811c9dc5, (x.es !== null ? 1 : 0) | (x.halted ? 2 : 0) | (x.disk << 2)), x.hwSeen), x.log.length);
  const es = x.es;
  if (es !== null) {
    h = mix(mix(h, es.role.length * 8 + es.role.charCodeAt(0)), es.epoch);
    switch (es.role) {
      case 'Unattached':
        h = mix(mix(mix(h, rel(es.leaderId, v)), keyRel(es.votedKey, v)), es.highWatermark ?? -1);
        break;
      case 'Prospective':
        h = mix(mix(mix(mix(h, rel(es.leaderId, v)), keyRel(es.votedKey, v)), tallyWord(es.votes, v)), es.highWatermark ?? -1);
        break;
      case 'Candidate':
        h = mix(mix(h, tallyWord(es.votes, v)), es.highWatermark ?? -1);
        break;
      case 'Follower':
        h = mix(mix(mix(mix(h, rel(es.leaderId, v)), keyRel(es.votedKey, v)), es.highWatermark ?? -1), es.hasFetchedFromLeader ? 1 : 0);
        break;
      case 'Leader': {
        const p = es.progress;
        h = mix(mix(mix(mix(h, p.epochStartOffset), p.highWatermark ?? -1), p.voters[v]?.endOffset ?? -2), p.observers.length);
        // Other voters' progress as a multiset of end offsets: an order-free sum.
        let others = 0;
        for (const r of p.voters) if (r.key.id !== v) others = (others + mix(0x811c9dc5, r.endOffset ?? -1)) >>> 0;
        h = mix(h, others);
        break;
      }
      case 'Resigned':
        break;
    }
  } else if (x.stored !== null) h = mix(mix(mix(h, x.stored.epoch), rel(x.stored.leaderId, v)), keyRel(x.stored.votedKey, v));
  for (const e of x.log) h = mix(h, entryRel(e, v));
  // The messages to and from v, as an order-free sum of hashes (the network is a multiset).
  let messages = 0;
  for (const m of s.network) {
    if (m.from !== v && m.to !== v) continue;
    const code = m.code;
    let k = mix(0x811c9dc5, (code[0] & 7) | ((code[0] >> 9) << 3) | ((m.from === v ? 1 : 0) << 24) | ((m.to === v ? 1 : 0) << 25));
    const leaderAt = m.kind === 'VoteResponse' || m.kind === 'FetchResponse' ? 2 : -1;
    const recordsFrom = m.kind === 'FetchResponse' ? 7 : code.length;
    for (let i = 1; i < code.length; i++) k = mix(k, i === leaderAt ? rel(code[2] < 0 ? null : code[2], v) : i >= recordsFrom ? entryRel(code[i], v) : code[i]);
    messages = (messages + k) >>> 0;
  }
  return mix(h, messages);
}

function compare(x: readonly number[], y: readonly number[]): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** The representative of s's orbit under renaming voters (`contexts` as the model builds them). */
export function canonicalizeKraftQuorum(s: KraftQuorumState, contexts: readonly (readonly QuorumContext[])[]): KraftQuorumState {
  const n = s.voters.length;
  const sigs: number[] = new Array(n);
  for (let v = 0; v < n; v++) sigs[v] = signature(s, v);
  // Most states have no two voters alike and already sorted: then the state is its own representative.
  let sorted = true;
  for (let v = 1; v < n && sorted; v++) sorted = sigs[v - 1] < sigs[v];
  if (sorted) return s;
  const order = sigs.map((_, v) => v).sort((x, y) => sigs[x] - sigs[y] || x - y);
  // Voters with equal signatures may go in any order: try each and keep the smallest encoding. The sorted
  // signatures are orbit-invariant, so the candidates, and their minimum, are the same for the whole orbit.
  const candidates = tieOrders(order, (x, y) => sigs[x] === sigs[y]);
  if (candidates.length === 1) return renameKraftState(s, inverse(candidates[0]), contexts);
  let best: KraftQuorumState | null = null;
  let bestCode: number[] = [];
  for (const candidate of candidates) {
    const image = renameKraftState(s, inverse(candidate), contexts);
    const code: number[] = [];
    encodeKraftQuorum(image, { int: (x) => void code.push(x) });
    if (best === null || compare(code, bestCode) < 0) {
      best = image;
      bestCode = code;
    }
  }
  return best as KraftQuorumState;
}

/** order[fresh] = old → to[old] = fresh. */
function inverse(order: readonly number[]): number[] {
  const to: number[] = new Array(order.length);
  for (let fresh = 0; fresh < order.length; fresh++) to[order[fresh]] = fresh;
  return to;
}

/** Every order permuting runs of tied voters in `order` among themselves (at most 120 for 5 voters). */
function tieOrders(order: number[], tied: (x: number, y: number) => boolean): number[][] {
  let anyTie = false;
  for (let i = 1; i < order.length && !anyTie; i++) anyTie = tied(order[i - 1], order[i]);
  if (!anyTie) return [order];
  let out: number[][] = [[]];
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && tied(order[start], order[end])) end++;
    const runOrders = permutationsOf(order.slice(start, end));
    out = out.flatMap((prefix) => runOrders.map((r) => [...prefix, ...r]));
    start = end;
  }
  return out;
}

function permutationsOf(items: readonly number[]): number[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((first, i) => permutationsOf([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [first, ...rest]));
}
