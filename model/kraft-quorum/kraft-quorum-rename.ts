// Renames the voters of a kraft-quorum state (voter i becomes to[i]) everywhere an id appears: the voter array,
// leader ids, voted keys, vote tallies, the leader's replica progress, LeaderChange records in logs and in the
// committed ghost, and the messages in flight (re-sorted, since the network is a sorted multiset). The symmetry
// reduction builds its representatives with it; its test checks that `next` commutes with it.
import { compareReplicaKeys, type EpochState, type QuorumContext, type ReplicaKey, type ReplicaProgress, type VoteTally } from '../rules/raft/index.ts';
import type { KraftQuorumAction } from './kraft-quorum-actions.ts';
import { compareMessages, messageFromCode, type Message } from './kraft-quorum-messages.ts';
import { isLeaderChange, leaderChangeBy, makeVoter, type KraftQuorumState, type VoterState } from './kraft-quorum-state.ts';

type Ids = readonly number[];

const renameId = (id: number | null, to: Ids): number | null => (id === null ? null : to[id]);
const renameKey = (k: ReplicaKey | null, to: Ids): ReplicaKey | null => (k === null ? null : { id: to[k.id], dir: k.dir });
const renameList = (ids: Ids, to: Ids): number[] => ids.map((id) => to[id]).sort((a, b) => a - b);
const renameTally = (t: VoteTally, to: Ids): VoteTally => ({ granted: renameList(t.granted, to), rejected: renameList(t.rejected, to) });

/** A LeaderChange entry names its leader in its low bits; metadata records carry no voter id. */
export const renameEntry = (e: number, to: Ids): number => (isLeaderChange(e) ? e - leaderChangeBy(e) + to[leaderChangeBy(e)] : e);

function renameLog(log: readonly number[], to: Ids): readonly number[] {
  let out: number[] | null = null;
  for (let i = 0; i < log.length; i++) {
    const e = renameEntry(log[i], to);
    if (e !== log[i] && out === null) out = log.slice(0, i);
    if (out !== null) out.push(e);
  }
  return out ?? log;
}

/** The epoch state of voter `to[old]`; `ctx` is the renamed voter's context (its own key, the voter set). */
function renameEpochState(es: EpochState, to: Ids, ctx: QuorumContext): EpochState {
  switch (es.role) {
    case 'Unattached':
      return { ...es, leaderId: renameId(es.leaderId, to), votedKey: renameKey(es.votedKey, to) };
    case 'Prospective':
      return { ...es, leaderId: renameId(es.leaderId, to), votedKey: renameKey(es.votedKey, to), votes: renameTally(es.votes, to) };
    case 'Candidate':
      return { ...es, votes: renameTally(es.votes, to) };
    case 'Follower':
      return { ...es, leaderId: to[es.leaderId], votedKey: renameKey(es.votedKey, to) };
    case 'Resigned':
      return { ...es, preferredSuccessors: es.preferredSuccessors.map((id) => to[id]) };
    case 'Leader': {
      const p = es.progress;
      // Voter progress is in voter-set order (ascending id): the entry of voter i moves to position to[i].
      const voters: ReplicaProgress[] = new Array(p.voters.length);
      p.voters.forEach((r, i) => (voters[to[i]] = { ...r, key: ctx.voters[to[i]] }));
      const observers = p.observers.map((o) => ({ ...o, key: renameKey(o.key, to) as ReplicaKey })).sort((a, b) => compareReplicaKeys(a.key, b.key));
      return { ...es, progress: { ...p, localKey: ctx.local, voters, observers, fetchedVoters: renameList(p.fetchedVoters, to) } };
    }
  }
}

function renameVoter(v: VoterState, to: Ids, ctx: QuorumContext): VoterState {
  const es = v.es === null ? null : renameEpochState(v.es, to, ctx);
  const stored = v.stored === null ? null : { ...v.stored, leaderId: renameId(v.stored.leaderId, to), votedKey: renameKey(v.stored.votedKey, to) };
  return makeVoter(es, stored, v.halted, v.disk, renameLog(v.log, to), v.hwSeen);
}

/** A message's code with its ids renamed (from/to in the head word, a leader id, records), rebuilt from it. */
export function renameMessage(m: Message, to: Ids): Message {
  const code = m.code.slice();
  code[0] = (code[0] & ~(63 << 3)) | (to[m.from] << 3) | (to[m.to] << 6);
  if (m.kind === 'VoteResponse' || m.kind === 'FetchResponse') code[2] = code[2] < 0 ? code[2] : to[code[2]];
  if (m.kind === 'FetchResponse') for (let i = 7; i < code.length; i++) code[i] = renameEntry(code[i], to);
  return messageFromCode(code);
}

/** The state with voter i renamed to[i]; `contexts[voter][disk]` as the model builds them. */
export function renameKraftState(s: KraftQuorumState, to: Ids, contexts: readonly (readonly QuorumContext[])[]): KraftQuorumState {
  const voters: VoterState[] = new Array(s.voters.length);
  s.voters.forEach((v, i) => (voters[to[i]] = renameVoter(v, to, contexts[to[i]][v.disk])));
  const network = s.network.map((m) => renameMessage(m, to)).sort(compareMessages);
  return { ...s, voters, network, committed: renameLog(s.committed, to) };
}

/** The same step taken by the renamed voters (used by the equivariance test). */
export function renameKraftAction(a: KraftQuorumAction, to: Ids): KraftQuorumAction {
  switch (a.type) {
    case 'Deliver':
    case 'Drop':
    case 'Duplicate':
      return { ...a, message: renameMessage(a.message, to) };
    case 'ResendVote':
    case 'SendBeginQuorumEpoch':
      return { ...a, voter: to[a.voter], to: to[a.to] };
    default:
      return { ...a, voter: to[a.voter] };
  }
}
