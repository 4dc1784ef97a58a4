// How a kraft-quorum state is fingerprinted (a flat list of integers, no strings), rebuilt from those integers
// (decode keeps the BFS frontier packed). Decoded objects keep the property order the rules create them with.
import type { StateReader, StateWriter } from '../../src/contract/model.ts';
import type { ElectionState, EpochState, QuorumContext, ReplicaKey, VoteTally } from '../rules/raft/index.ts';
import { messageFromCode, type Message } from './kraft-quorum-messages.ts';
import { makeVoter, type KraftQuorumConfig, type KraftQuorumState, type VoterState } from './kraft-quorum-state.ts';

const ROLES = ['Unattached', 'Prospective', 'Candidate', 'Leader', 'Follower', 'Resigned'] as const;
const opt = (n: number | null) => (n === null ? -1 : n);
const unopt = (n: number) => (n < 0 ? null : n);
const keyCode = (k: ReplicaKey | null) => (k === null ? -1 : k.id * 16 + (k.dir === null ? 15 : k.dir));
const keyFrom = (c: number): ReplicaKey | null => (c < 0 ? null : { id: c >> 4, dir: (c & 15) === 15 ? null : c & 15 });
const mask = (ids: readonly number[]) => ids.reduce((m, id) => m | (1 << id), 0);
/** The ids in an 8-bit mask, ascending; shared immutable arrays (a tally never mutates its lists). */
const ID_LISTS: readonly (readonly number[])[] = Array.from({ length: 256 }, (_, m) => [0, 1, 2, 3, 4, 5, 6, 7].filter((id) => (m & (1 << id)) !== 0));
export const ids = (m: number): readonly number[] => ID_LISTS[m];
const tallyCode = (t: VoteTally) => mask(t.granted) | (mask(t.rejected) << 8);
const tallyFrom = (c: number): VoteTally => ({ granted: ids(c & 255), rejected: ids(c >> 8) });

/**
 * Decoded logs are interned (a trie over entries, one shared array per distinct log): the frontier decodes every
 * state it expands, and a fresh array per voter would miss raftLogOf's cache and fill its WeakMap with entries the
 * collector must sweep. Logs are immutable (every step copies), so sharing them changes nothing else.
 */
interface LogNode {
  readonly log: readonly number[];
  readonly next: LogNode[];
}
const LOGS: LogNode = { log: [], next: [] };

function readLog(r: StateReader, n: number): readonly number[] {
  let node = LOGS;
  for (let i = 0; i < n; i++) {
    const e = r.int();
    node = node.next[e] ??= { log: [...node.log, e], next: [] };
  }
  return node.log;
}

function readInts(r: StateReader, n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = r.int();
  return out;
}

function encodeEpochState(es: EpochState, out: StateWriter): void {
  out.int(ROLES.indexOf(es.role) | (es.epoch << 3));
  switch (es.role) {
    case 'Unattached':
      out.int(opt(es.leaderId)), out.int(keyCode(es.votedKey)), out.int(opt(es.highWatermark));
      return;
    case 'Prospective':
      out.int(opt(es.leaderId)), out.int(keyCode(es.votedKey)), out.int(tallyCode(es.votes)), out.int(opt(es.highWatermark));
      return;
    case 'Candidate':
      out.int(tallyCode(es.votes) | (es.backingOff ? 1 << 16 : 0)), out.int(opt(es.highWatermark));
      return;
    case 'Leader': {
      const p = es.progress;
      out.int(p.epochStartOffset), out.int(opt(p.highWatermark));
      for (const r of p.voters) out.int(opt(r.endOffset));
      out.int(p.observers.length);
      for (const o of p.observers) out.int(keyCode(o.key)), out.int(opt(o.endOffset));
      return;
    }
    case 'Follower':
      out.int(es.leaderId | (es.hasFetchedFromLeader ? 8 : 0)), out.int(keyCode(es.votedKey)), out.int(opt(es.highWatermark));
      return;
    case 'Resigned':
      return;
  }
}

function decodeEpochState(r: StateReader, ctx: QuorumContext): EpochState {
  const word = r.int();
  const epoch = word >> 3;
  switch (ROLES[word & 7]) {
    case 'Unattached':
      return { role: 'Unattached', epoch, leaderId: unopt(r.int()), votedKey: keyFrom(r.int()), highWatermark: unopt(r.int()) };
    case 'Prospective':
      return { role: 'Prospective', epoch, leaderId: unopt(r.int()), votedKey: keyFrom(r.int()), retries: 1, votes: tallyFrom(r.int()), highWatermark: unopt(r.int()) };
    case 'Candidate': {
      const c = r.int();
      return { role: 'Candidate', epoch, retries: 1, votes: tallyFrom(c & 0xffff), backingOff: (c >> 16) === 1, highWatermark: unopt(r.int()) };
    }
    case 'Leader': {
      const epochStartOffset = r.int();
      const highWatermark = unopt(r.int());
      const voters = ctx.voters.map((key) => ({ key, endOffset: unopt(r.int()) }));
      const observers = Array.from({ length: r.int() }, () => ({ key: keyFrom(r.int()) as ReplicaKey, endOffset: unopt(r.int()) }));
      return { role: 'Leader', epoch, progress: { localKey: ctx.local, epochStartOffset, highWatermark, voters, observers, fetchedVoters: [] } };
    }
    case 'Follower': {
      const w = r.int();
      const votedKey = keyFrom(r.int());
      // Same property order as the rules' transitionToFollower, so both kinds of objects share one shape.
      return { role: 'Follower', epoch, leaderId: w & 7, votedKey, hasFetchedFromLeader: (w & 8) !== 0, highWatermark: unopt(r.int()) };
    }
    case 'Resigned':
      return { role: 'Resigned', epoch, preferredSuccessors: [] };
  }
}

function encodeVoter(v: VoterState, out: StateWriter): void {
  out.int((v.es !== null ? 1 : 0) | (v.halted ? 2 : 0) | (v.disk << 2));
  if (v.es !== null) encodeEpochState(v.es, out);
  else if (v.stored === null) out.int(-1);
  else out.int(v.stored.epoch), out.int(opt(v.stored.leaderId)), out.int(keyCode(v.stored.votedKey));
  out.int(v.log.length);
  for (const e of v.log) out.int(e);
  out.int(v.hwSeen);
}

function decodeVoter(r: StateReader, contexts: readonly QuorumContext[]): VoterState {
  const flags = r.int();
  const disk = flags >> 2;
  let es: EpochState | null = null;
  let stored: ElectionState | null = null;
  if ((flags & 1) === 1) es = decodeEpochState(r, contexts[disk]);
  else {
    const epoch = r.int();
    if (epoch >= 0) stored = { epoch, leaderId: unopt(r.int()), votedKey: keyFrom(r.int()) };
  }
  const log = readLog(r, r.int());
  return makeVoter(es, stored, (flags & 2) === 2, disk, log, r.int());
}

export function encodeKraftQuorum(s: KraftQuorumState, out: StateWriter): void {
  for (const v of s.voters) encodeVoter(v, out);
  out.int(s.network.length);
  for (const m of s.network) {
    out.int(m.code.length);
    for (const x of m.code) out.int(x);
  }
  out.int(s.appended), out.int(s.restartsLeft), out.int(s.resignsLeft), out.int(s.dropsLeft), out.int(s.duplicatesLeft), out.int(s.diskLossesLeft);
  out.int(s.committed.length);
  for (const c of s.committed) out.int(c);
  out.int(s.truncated);
}

export function decodeKraftQuorum(r: StateReader, config: KraftQuorumConfig, contexts: readonly (readonly QuorumContext[])[]): KraftQuorumState {
  const voters: VoterState[] = [];
  for (const ctx of contexts) voters.push(decodeVoter(r, ctx));
  const network: Message[] = [];
  for (let n = r.int(); n > 0; n--) network.push(messageFromCode(readInts(r, r.int())));
  const [appended, restartsLeft, resignsLeft, dropsLeft, duplicatesLeft, diskLossesLeft] = [r.int(), r.int(), r.int(), r.int(), r.int(), r.int()];
  const committed = readInts(r, r.int());
  const truncated = r.int();
  return { voters, network, appended, restartsLeft, resignsLeft, dropsLeft, duplicatesLeft, diskLossesLeft, committed, truncated };
}
