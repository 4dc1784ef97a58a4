// Exact reductions of traffic that can no longer change anything: dead messages are removed as soon as they are
// dead, and a fetch round that would change nothing is not sent (Kafka's long poll). Both rest on monotonic facts:
// epochs never go down (an emptied disk disconnects first), a leader learnt in an epoch stays known, and a
// Leader/Resigned voter keeps itself as leader of its epoch.
import {
  handleBeginQuorumEpochRequest,
  handleEndQuorumEpochRequest,
  type EpochState,
  type FollowerState,
  type ReplicaKey,
  type ReplicaProgress,
} from '../rules/raft/index.ts';
import { encodeKraftQuorum } from './kraft-quorum-codec.ts';
import type { FetchMessage, Message, QuorumEpochMessage } from './kraft-quorum-messages.ts';
import { contextOf, highWatermarkOfVoter, type KraftEnv } from './kraft-quorum-node.ts';
import { stateWith, type KraftQuorumState } from './kraft-quorum-state.ts';

/** Would delivering this BeginQuorumEpoch/EndQuorumEpoch now change its receiver? (Kafka's own handler decides.) */
export function movesReceiver(env: KraftEnv, s: KraftQuorumState, m: QuorumEpochMessage): boolean {
  const es = s.voters[m.to].es;
  if (es === null) return false;
  const ctx = contextOf(env, s, m.to);
  try {
    const after: EpochState =
      m.kind === 'BeginQuorumEpoch'
        ? handleBeginQuorumEpochRequest(es, ctx, { leaderId: m.from, epoch: m.epoch, voterKey: ctx.voters[m.to] }).state
        : handleEndQuorumEpochRequest(es, ctx, { leaderId: m.from, epoch: m.epoch, preferredSuccessors: [] }).state;
    return after !== es;
  } catch {
    return true; // Kafka would fail on it (inconsistent leader): that is news
  }
}

/**
 * In its own epoch, will this voter refuse every standard vote for ever? A Follower, or anyone knowing the leader,
 * always does (the leader id is durable); Leader and Resigned name themselves; a Candidate or a voter that voted
 * only while the vote is durable (with the forget-vote bug a restart wipes it).
 */
function refusesVotesForEver(env: KraftEnv, es: EpochState): boolean {
  switch (es.role) {
    case 'Follower':
    case 'Leader':
    case 'Resigned':
      return true;
    case 'Candidate':
      return env.config.persistVote;
    case 'Unattached':
    case 'Prospective':
      return es.leaderId !== null || (env.config.persistVote && es.votedKey !== null);
  }
}

function isDead(env: KraftEnv, s: KraftQuorumState, m: Message): boolean {
  const es = s.voters[m.to].es;
  if (es === null) return false;
  switch (m.kind) {
    case 'BeginQuorumEpoch':
    case 'EndQuorumEpoch':
      return !movesReceiver(env, s, m);
    case 'Vote':
      // An older epoch is fenced; a PreVote in the receiver's epoch changes nothing (only its answer matters).
      if (!m.orphan || m.epoch > es.epoch) return false;
      return m.epoch < es.epoch || m.preVote || refusesVotesForEver(env, es);
    case 'Fetch':
      // Fenced, or sent to a leader that has resigned that epoch (it answers NOT_LEADER_OR_FOLLOWER for ever).
      return m.orphan && (m.epoch < es.epoch || (m.epoch === es.epoch && es.role === 'Resigned'));
    default:
      return false;
  }
}

/**
 * Removes the dead messages to or from voter v (the only ones v's step can have killed): a BeginQuorumEpoch or
 * EndQuorumEpoch that no longer moves its receiver, or a request nobody awaits the answer to (an orphan) that its
 * receiver will refuse for ever.
 */
export function collectDeadMessages(env: KraftEnv, s: KraftQuorumState, v: number): KraftQuorumState {
  let kept: Message[] | null = null;
  const network = s.network;
  for (let i = 0; i < network.length; i++) {
    const m = network[i];
    const dead = (m.to === v || m.from === v) && isDead(env, s, m);
    if (dead && kept === null) kept = network.slice(0, i);
    else if (!dead && kept !== null) kept.push(m);
  }
  return kept === null ? s : stateWith(s, { network: kept });
}

/** Fingerprint-level equality: the two states encode to the same integers. */
function sameState(a: KraftQuorumState, b: KraftQuorumState): boolean {
  const x: number[] = [];
  const y: number[] = [];
  encodeKraftQuorum(a, { int: (n) => void x.push(n) });
  encodeKraftQuorum(b, { int: (n) => void y.push(n) });
  return x.length === y.length && x.every((n, i) => n === y[i]);
}

const sameLog = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((e, i) => e === b[i]);

/** A follower of a live Leader in its epoch with the same log, whose offset and HW the round would not change. */
function caughtUp(env: KraftEnv, s: KraftQuorumState, v: number, es: FollowerState, les: EpochState): boolean {
  if (les.role !== 'Leader') return false;
  const log = s.voters[v].log;
  if (!sameLog(log, s.voters[es.leaderId].log)) return false;
  const key = contextOf(env, s, v).local;
  if (recordedEndOffset(les.progress.voters, key) !== log.length && recordedEndOffset(les.progress.observers, key) !== log.length) return false;
  const leaderHw = highWatermarkOfVoter(les);
  if ((leaderHw === null ? es.highWatermark : Math.min(leaderHw, log.length)) !== es.highWatermark) return false;
  return es.hasFetchedFromLeader || contextOf(env, s, v).protocol === 'classic';
}

function recordedEndOffset(list: readonly ReplicaProgress[], key: ReplicaKey): number | null | undefined {
  for (const r of list) if (r.key.id === key.id && r.key.dir === key.dir) return r.endOffset;
  return undefined;
}

/**
 * Long poll: Kafka parks a Fetch with nothing to return in the leader's fetch purgatory until the log or the HW
 * moves (KafkaRaftClient.handleFetchRequest), so a round that would change no state is not sent — sent later, it
 * arrives with the same content. Against a live leader in the follower's epoch the answer is direct; otherwise
 * (the leader resigned or moved on) the model's own delivery of the Fetch and of its answer decides.
 */
export function fetchRoundIsIdle(
  env: KraftEnv,
  s: KraftQuorumState,
  es: FollowerState,
  withFetch: KraftQuorumState,
  fetch: FetchMessage,
  deliver: (s: KraftQuorumState, m: Message) => KraftQuorumState | undefined,
): boolean {
  const les = s.voters[es.leaderId].es;
  if (les === null) return false;
  if (les.epoch === es.epoch && les.role === 'Leader') return caughtUp(env, s, fetch.from, es, les);
  const handled = deliver(withFetch, fetch);
  if (handled === undefined) return false;
  const answer = handled.network.find((m) => m.kind === 'FetchResponse' && m.from === fetch.to && m.to === fetch.from);
  const after = answer === undefined ? handled : deliver(handled, answer);
  return after !== undefined && sameState(after, s);
}
