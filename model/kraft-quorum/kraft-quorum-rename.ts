// Renames the voters of a kraft-quorum state (voter i becomes to[i]) everywhere an id appears: the voter array,
// leader ids, voted keys, vote tallies, the leader's replica progress, LeaderChange records in logs and in the
// committed ghost, and the messages in flight (re-sorted, since the network is a sorted multiset). The symmetry
// reduction builds its representatives with it; its test checks that `next` commutes with it.
import { compareReplicaKeys, type EpochState, type QuorumContext, type ReplicaKey, type ReplicaProgress, type VoteTally } from '../rules/raft/index.ts';
import type { KraftQuorumAction } from './kraft-quorum-actions.ts';
import { ids } from './kraft-quorum-codec.ts';
import { compareMessages, messageFromCode, type Message } from './kraft-quorum-messages.ts';
import { isLeaderChange, leaderChangeBy, makeVoter, type KraftQuorumState, type VoterState } from './kraft-quorum-state.ts';

type Ids = readonly number[];

const renameId = (id: number | null, to: Ids): number | null => (id === null ? null : to[id]);
const renameKey = (k: ReplicaKey | null, to: Ids): ReplicaKey | null => (k === null ? null : { id: to[k.id], dir: k.dir });

/** An ascending id list renamed and re-sorted, through a bit mask: the shared immutable list of the codec. */
function renameList(list: Ids, to: Ids): Ids {
  let m = 0;
  for (let i = 0; i < list.length; i++) m |= 1 << to[list[i]];
  return ids(m);
}
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

/**
 * The epoch state of voter `to[old]`; `ctx` is the renamed voter's context (its own key, the voter set). Written
 * out field by field in the rules' property order (raft-types.ts), not as spreads: spreading over six shapes of
 * epoch state cost more than the rest of the renaming, and this runs on nearly every successor under --symmetry.
 */
function renameEpochState(es: EpochState, to: Ids, ctx: QuorumContext): EpochState {
  switch (es.role) {
    case 'Unattached':
      return { role: 'Unattached', epoch: es.epoch, leaderId: renameId(es.leaderId, to), votedKey: renameKey(es.votedKey, to), highWatermark: es.highWatermark };
    case 'Prospective':
      return {
        role: 'Prospective',
        epoch: es.epoch,
        leaderId: renameId(es.leaderId, to),
        votedKey: renameKey(es.votedKey, to),
        retries: es.retries,
        votes: renameTally(es.votes, to),
        highWatermark: es.highWatermark,
      };
    case 'Candidate':
      return { role: 'Candidate', epoch: es.epoch, retries: es.retries, votes: renameTally(es.votes, to), backingOff: es.backingOff, highWatermark: es.highWatermark };
    case 'Follower':
      return {
        role: 'Follower',
        epoch: es.epoch,
        leaderId: to[es.leaderId],
        votedKey: renameKey(es.votedKey, to),
        hasFetchedFromLeader: es.hasFetchedFromLeader,
        highWatermark: es.highWatermark,
      };
    case 'Resigned':
      return { role: 'Resigned', epoch: es.epoch, preferredSuccessors: es.preferredSuccessors.map((id) => to[id]) };
    case 'Leader': {
      const p = es.progress;
      // Voter progress is in voter-set order (ascending id): the entry of voter i moves to position to[i].
      const voters: ReplicaProgress[] = new Array(p.voters.length);
      for (let i = 0; i < voters.length; i++) voters[to[i]] = { key: ctx.voters[to[i]], endOffset: p.voters[i].endOffset };
      const observers =
        p.observers.length === 0
          ? p.observers
          : p.observers.map((o) => ({ key: renameKey(o.key, to) as ReplicaKey, endOffset: o.endOffset })).sort((a, b) => compareReplicaKeys(a.key, b.key));
      const fetchedVoters = p.fetchedVoters.length === 0 ? p.fetchedVoters : renameList(p.fetchedVoters, to);
      const progress = { localKey: ctx.local, epochStartOffset: p.epochStartOffset, highWatermark: p.highWatermark, voters, observers, fetchedVoters };
      return { role: 'Leader', epoch: es.epoch, progress };
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
  for (let i = 0; i < voters.length; i++) voters[to[i]] = renameVoter(s.voters[i], to, contexts[to[i]][s.voters[i].disk]);
  const network: Message[] = new Array(s.network.length);
  for (let i = 0; i < network.length; i++) network[i] = renameMessage(s.network[i], to);
  network.sort(compareMessages);
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
