// Symmetry reduction for kraft-quorum: the voters are interchangeable (every rule quantifies over the voter set;
// ties in the leader's HW median and successor order only decide values or are normalised away), so a state's
// representative renames voters so they sort by a signature that leaves other voters' ids out, ties broken by the
// smallest encoding. Not offered when electionTimers = 'first' or lostContact = 'last' name one voter.
import type { QuorumContext, ReplicaKey, VoteTally } from '../rules/raft/index.ts';
import { encodeKraftQuorum } from './kraft-quorum-codec.ts';
import { isLeaderChange, leaderChangeBy, type KraftQuorumState } from './kraft-quorum-state.ts';
import { renameKraftState } from './kraft-quorum-rename.ts';
import { HASH_SEED, mix, representative, type Renaming } from '../symmetry/representative.ts';

/** How an id looks from voter v: none, v itself, or some other voter (whose name a renaming changes). */
const rel = (id: number | null, v: number): number => (id === null ? -1 : id === v ? 0 : 1);
const keyRel = (k: ReplicaKey | null, v: number): number => (k === null ? -1 : rel(k.id, v) + 2 * (k.dir ?? 15));
const tallyWord = (t: VoteTally, v: number): number => t.granted.length | (t.rejected.length << 4) | (t.granted.includes(v) ? 256 : 0);
const entryRel = (e: number, v: number): number => (isLeaderChange(e) ? e - leaderChangeBy(e) + (leaderChangeBy(e) === v ? 0 : 1) : e);

/**
 * What voter v holds and believes, and the messages to and from it, with other voters' ids left out, hashed to
 * one number (equal hashes only make voters tie, and ties are settled exactly below, so a collision costs time).
 */
function signature(s: KraftQuorumState, v: number): number {
  const x = s.voters[v];
  let h = mix(mix(mix(HASH_SEED, (x.es !== null ? 1 : 0) | (x.halted ? 2 : 0) | (x.disk << 2)), x.hwSeen), x.log.length);
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
        for (const r of p.voters) if (r.key.id !== v) others = (others + mix(HASH_SEED, r.endOffset ?? -1)) >>> 0;
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
    let k = mix(HASH_SEED, (code[0] & 7) | ((code[0] >> 9) << 3) | ((m.from === v ? 1 : 0) << 24) | ((m.to === v ? 1 : 0) << 25));
    const leaderAt = m.kind === 'VoteResponse' || m.kind === 'FetchResponse' ? 2 : -1;
    const recordsFrom = m.kind === 'FetchResponse' ? 7 : code.length;
    for (let i = 1; i < code.length; i++) k = mix(k, i === leaderAt ? rel(code[2] < 0 ? null : code[2], v) : i >= recordsFrom ? entryRel(code[i], v) : code[i]);
    messages = (messages + k) >>> 0;
  }
  return mix(h, messages);
}

/**
 * The representative of a state's orbit under renaming voters (`contexts` as the model builds them). Built once
 * per model: the renaming and the signature buffer are reused by every call (it runs on every successor).
 */
export function kraftQuorumCanonicalizer(contexts: readonly (readonly QuorumContext[])[]): (s: KraftQuorumState) => KraftQuorumState {
  const renaming: Renaming<KraftQuorumState> = { rename: (t, to) => renameKraftState(t, to, contexts), encode: encodeKraftQuorum };
  const sigs: number[] = new Array(contexts.length);
  return (s) => {
    for (let v = 0; v < sigs.length; v++) sigs[v] = signature(s, v);
    return representative(s, sigs, renaming);
  };
}
