// The transition function of the KRaft quorum model: timers (rules/raft timeout-events), the leader's append,
// the follower's fetch, vote resends, crash / restart (QuorumState.initialize) / empty-disk rejoin, and the
// network's faults. Returns undefined when a step is disabled; epochs above maxEpoch are never entered.
import { quorumIsQuiet } from './kraft-quorum-quiet.ts';
import { epochRenumbering, withoutSharedPrefix } from './kraft-quorum-epoch-quotient.ts';
import {
  appendBatch,
  buildVoteRequest,
  initializeQuorumState,
  lastFetchedEpoch,
  onBackoffComplete,
  onCheckQuorumExpired,
  onElectionTimeout,
  onFetchTimeout,
  updateLocalState,
  voteRequestTargets,
  type EpochState,
} from '../rules/raft/index.ts';
import type { KraftQuorumAction } from './kraft-quorum-actions.ts';
import { deliver } from './kraft-quorum-deliver.ts';
import { collectDeadMessages, fetchRoundIsIdle, movesReceiver } from './kraft-quorum-idle.ts';
import { fetchMessage, quorumEpochMessage, voteMessage, type Message } from './kraft-quorum-messages.ts';
import { disconnect, indexOfMessage, isReady, removeAt, send } from './kraft-quorum-network.ts';
import { contextOf, durableOf, logEnd, settle, stepOrHalt, withAt, type KraftEnv } from './kraft-quorum-node.ts';
import { makeVoter, raftLogOf, recordEntry, rememberRaftLog, stateWith, type KraftQuorumState, type VoterState } from './kraft-quorum-state.ts';

type Timer = (es: EpochState, ctx: ReturnType<typeof contextOf>, logEndOffset: number) => EpochState | undefined;

/**
 * The election timer; a classic Candidate's timeout starts its backoff (startBackingOff) and the backoff's end
 * (onBackoffComplete) follows at once: without clocks, "backing off" only delays the next election.
 */
const electionTimeout: Timer = (es, ctx, logEndOffset) => {
  const next = onElectionTimeout(es, ctx, logEndOffset);
  return next !== undefined && next.role === 'Candidate' && next.backingOff ? onBackoffComplete(next, ctx, logEndOffset) : next;
};

/** Epochs stay within maxEpoch; a Prospective runs for Candidate(epoch + 1), so it needs room for that epoch. */
function beyondMaxEpoch(env: KraftEnv, es: EpochState, shift: number): boolean {
  const epoch = es.epoch - shift;
  return epoch > env.config.maxEpoch || (es.role === 'Prospective' && epoch >= env.config.maxEpoch);
}

/**
 * What maxEpoch bounds: the epoch itself, or (epochSpread, liveness runs) the epoch as the liveness quotient
 * renumbers it — the spread above the oldest epoch still in play — so the bound commutes with the renumbering.
 */
const epochShift = (env: KraftEnv, s: KraftQuorumState): number => (env.config.epochSpread === true ? epochRenumbering(withoutSharedPrefix(s)).shift : 0);

/** The roles whose timer the action fires (the rules return undefined for the others; this skips the call). */
const TIMER_ROLES: Record<'ElectionTimeout' | 'FetchTimeout' | 'CheckQuorumResign', readonly EpochState['role'][]> = {
  ElectionTimeout: ['Unattached', 'Prospective', 'Candidate', 'Resigned'],
  FetchTimeout: ['Follower'],
  CheckQuorumResign: ['Leader'],
};

const TIMERS: Record<'ElectionTimeout' | 'FetchTimeout' | 'CheckQuorumResign', Timer> = {
  ElectionTimeout: electionTimeout,
  FetchTimeout: onFetchTimeout,
  CheckQuorumResign: (es) => onCheckQuorumExpired(es),
};

/**
 * The successor, or undefined when the step is disabled. Like a TLC state constraint, a step that would leave more
 * than maxMessages messages in flight is not explored (losing messages is the network's own, bounded, fault).
 */
export function kraftQuorumNext(env: KraftEnv, s: KraftQuorumState, a: KraftQuorumAction): KraftQuorumState | undefined {
  const next = step(env, s, a);
  return next !== undefined && next.network.length <= env.config.maxMessages ? next : undefined;
}

function step(env: KraftEnv, s: KraftQuorumState, a: KraftQuorumAction): KraftQuorumState | undefined {
  switch (a.type) {
    case 'ElectionTimeout':
    case 'FetchTimeout':
    case 'CheckQuorumResign': {
      const es = s.voters[a.voter].es;
      if (es === null || !TIMER_ROLES[a.type].includes(es.role)) return undefined;
      // Every timer but a Prospective's (which falls back in its epoch) leads towards epoch + 1.
      const shift = epochShift(env, s);
      if (es.epoch - shift >= env.config.maxEpoch && es.role !== 'Prospective' && a.type !== 'CheckQuorumResign') return undefined;
      if (a.type === 'CheckQuorumResign' && s.resignsLeft === 0) return undefined;
      if (a.type === 'ElectionTimeout' && env.config.electionTimers === 'first' && a.voter !== 0) return undefined;
      if (a.type !== 'CheckQuorumResign' && env.config.timers === 'when-quiet' && !quorumIsQuiet(env, s, (t, b) => kraftQuorumNext(env, t, b))) return undefined;
      if (a.type === 'FetchTimeout' && env.config.lostContact === 'last' && a.voter !== env.config.voters - 1) return undefined;
      const log = s.voters[a.voter].log;
      return stepOrHalt(env, s, a.voter, () => {
        const next = TIMERS[a.type](es, contextOf(env, s, a.voter), log.length);
        if (next === undefined || beyondMaxEpoch(env, next, shift)) return undefined;
        const budget = a.type === 'CheckQuorumResign' ? stateWith(s, { resignsLeft: s.resignsLeft - 1 }) : s;
        return settle(env, budget, a.voter, es, { es: next, log });
      });
    }
    case 'AppendRecord':
      return appendRecord(env, s, a.voter);
    case 'SendFetch':
      return sendFetch(env, s, a.voter);
    case 'ResendVote':
      return resendVote(env, s, a.voter, a.to);
    case 'SendBeginQuorumEpoch':
      return sendBeginQuorumEpoch(env, s, a.voter, a.to);
    case 'Crash': {
      const voter = s.voters[a.voter];
      if (voter.es === null || s.restartsLeft === 0) return undefined;
      const down = makeVoter(null, durableOf(env, voter.es, contextOf(env, s, a.voter)), false, voter.disk, voter.log, voter.hwSeen);
      const crashed = stateWith(s, { voters: withAt(s.voters, a.voter, down), network: disconnect(s.network, a.voter), restartsLeft: s.restartsLeft - 1 });
      return collectDeadMessages(env, crashed, a.voter);
    }
    case 'Restart': {
      const voter = s.voters[a.voter];
      if (voter.es !== null || voter.halted) return undefined;
      return stepOrHalt(env, s, a.voter, () => {
        const es = initializeQuorumState(voter.stored, logEnd(voter.log), contextOf(env, s, a.voter));
        return settle(env, s, a.voter, null, { es, log: voter.log });
      });
    }
    case 'RejoinWithEmptyDisk': {
      const voter = s.voters[a.voter];
      if (voter.halted || s.diskLossesLeft === 0) return undefined;
      const fresh = makeVoter(null, null, false, voter.disk + 1, [], -1);
      const wiped = stateWith(s, {
        voters: withAt(s.voters, a.voter, fresh),
        network: disconnect(s.network, a.voter),
        diskLossesLeft: s.diskLossesLeft - 1,
      });
      const es = initializeQuorumState(null, { offset: 0, epoch: 0 }, contextOf(env, wiped, a.voter));
      return settle(env, wiped, a.voter, null, { es, log: [] });
    }
    case 'Deliver':
      return deliver(env, s, a.message);
    case 'Drop': {
      const at = indexOfMessage(s.network, a.message);
      if (at < 0 || s.dropsLeft === 0) return undefined;
      return stateWith(s, { network: removeAt(s.network, at), dropsLeft: s.dropsLeft - 1 });
    }
    case 'Duplicate': {
      const at = indexOfMessage(s.network, a.message);
      if (at < 0 || s.duplicatesLeft === 0) return undefined;
      return stateWith(s, { network: send(s.network, [s.network[at]]), duplicatesLeft: s.duplicatesLeft - 1 });
    }
  }
}

/** appendAsLeader of the next client record, then updateLocalState with the new log end (may move the HW). */
function appendRecord(env: KraftEnv, s: KraftQuorumState, v: number): KraftQuorumState | undefined {
  const es = s.voters[v].es;
  if (es === null || es.role !== 'Leader' || s.appended >= env.config.records) return undefined;
  const log = s.voters[v].log;
  return stepOrHalt(env, s, v, () => {
    const raft = appendBatch(raftLogOf(log), es.epoch, 1);
    const appended = [...log, recordEntry(es.epoch, s.appended + 1)];
    rememberRaftLog(appended, raft);
    const update = updateLocalState(es.progress, raft.endOffset, undefined, env.hwOptions);
    const next = settle(env, s, v, es, { es: { ...es, progress: update.progress }, log: appended });
    return stateWith(next, { appended: s.appended + 1 });
  });
}

/** A follower fetches from its leader when RequestManager is ready (no fetch of its own awaiting an answer). */
function sendFetch(env: KraftEnv, s: KraftQuorumState, v: number): KraftQuorumState | undefined {
  const voter = s.voters[v];
  const es = voter.es;
  if (es === null || es.role !== 'Follower') return undefined;
  const leader = es.leaderId;
  if (s.voters[leader].es === null || s.network.length >= env.config.maxMessages || !isReady(s.network, v, leader)) return undefined;
  const m = fetchMessage({
    from: v,
    to: leader,
    fromDir: voter.disk,
    epoch: es.epoch,
    fetchOffset: voter.log.length,
    lastFetchedEpoch: lastFetchedEpoch(raftLogOf(voter.log)),
    orphan: false,
  });
  const withFetch = stateWith(s, { network: send(s.network, [m]) });
  return fetchRoundIsIdle(env, s, es, withFetch, m, deliverer(env)) ? undefined : withFetch;
}

/** maybeSendVoteRequests: an unrecorded voter is asked again once its earlier request is gone (lost or crashed). */
function resendVote(env: KraftEnv, s: KraftQuorumState, v: number, to: number): KraftQuorumState | undefined {
  const voter = s.voters[v];
  const es = voter.es;
  if (es === null || (es.role !== 'Prospective' && es.role !== 'Candidate') || s.voters[to].es === null) return undefined;
  if (s.network.length >= env.config.maxMessages || es.votes.granted.includes(to) || es.votes.rejected.includes(to)) return undefined;
  if (!isReady(s.network, v, to)) return undefined;
  const ctx = contextOf(env, s, v);
  if (!voteRequestTargets(es, ctx).includes(to)) return undefined;
  const r = buildVoteRequest(es, ctx, logEnd(voter.log), to);
  const m = voteMessage({ from: v, to, fromDir: voter.disk, epoch: r.candidateEpoch, lastEpoch: r.lastEpoch, lastOffset: r.lastOffset, preVote: r.preVote, orphan: false });
  return stateWith(s, { network: send(s.network, [m]) });
}

/**
 * LeaderState's BeginQuorumEpoch to a voter that has not acknowledged the leader yet (it would still move it:
 * movesReceiver), when none is in flight to it — after a loss, or when the first broadcast did not fit.
 */
function sendBeginQuorumEpoch(env: KraftEnv, s: KraftQuorumState, v: number, to: number): KraftQuorumState | undefined {
  const es = s.voters[v].es;
  if (es === null || es.role !== 'Leader' || s.voters[to].es === null || s.network.length >= env.config.maxMessages) return undefined;
  for (const m of s.network) if (m.kind === 'BeginQuorumEpoch' && m.from === v && m.to === to) return undefined;
  const m = quorumEpochMessage('BeginQuorumEpoch', v, to, es.epoch);
  return movesReceiver(env, s, m) ? stateWith(s, { network: send(s.network, [m]) }) : undefined;
}

const deliverers = new WeakMap<KraftEnv, (s: KraftQuorumState, m: Message) => KraftQuorumState | undefined>();

/** The model's delivery bound to its env, created once (fetchRoundIsIdle replays a round with it). */
function deliverer(env: KraftEnv): (s: KraftQuorumState, m: Message) => KraftQuorumState | undefined {
  let d = deliverers.get(env);
  if (d === undefined) {
    d = (s, m) => deliver(env, s, m);
    deliverers.set(env, d);
  }
  return d;
}
