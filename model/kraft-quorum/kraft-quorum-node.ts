// One voter's step, finished the way KafkaRaftClient finishes it: a role or epoch change resets connections;
// becoming Leader writes the LeaderChange record at the epoch start offset and sends BeginQuorumEpoch
// (onBecomeLeader); a Prospective/Candidate asks every unrecorded voter for its (Pre)Vote; a Resigned leader sends
// EndQuorumEpoch. A Kafka fatal error (the rules throw, or report `fatal`) stops the process: the voter halts.
import {
  appendLeaderChangeRecord,
  buildVoteRequest,
  electionStateOf,
  logEndOffsetAndEpoch,
  resetsConnections,
  updateLocalState,
  voteRequestTargets,
  type ElectionState,
  type EpochState,
  type HighWatermarkOptions,
  type OffsetAndEpoch,
  type QuorumContext,
} from '../rules/raft/index.ts';
import { quorumEpochMessage, voteMessage, type Message } from './kraft-quorum-messages.ts';
import { collectDeadMessages, movesReceiver } from './kraft-quorum-idle.ts';
import { disconnect, resetConnections, send } from './kraft-quorum-network.ts';
import { leaderChangeEntry, makeVoter, raftLogOf, rememberRaftLog, stateWith, type KraftQuorumConfig, type KraftQuorumState } from './kraft-quorum-state.ts';

export interface KraftEnv {
  readonly config: KraftQuorumConfig;
  /** contexts[voter][disk incarnation] */
  readonly contexts: readonly (readonly QuorumContext[])[];
  readonly hwOptions: HighWatermarkOptions;
  /** others[v]: every voter id but v, ascending. */
  readonly others: readonly (readonly number[])[];
}

export const contextOf = (env: KraftEnv, s: KraftQuorumState, v: number): QuorumContext => env.contexts[v][s.voters[v].disk];

export function logEnd(log: readonly number[]): OffsetAndEpoch {
  return logEndOffsetAndEpoch(raftLogOf(log));
}

/** What the quorum-state file holds for an epoch state; with the forget-vote bug the vote never reaches disk. */
export function durableOf(env: KraftEnv, es: EpochState, ctx: QuorumContext): ElectionState {
  const election = electionStateOf(es, ctx);
  return env.config.persistVote ? election : { ...election, votedKey: null };
}

/** The leader's or follower's high watermark as Kafka exposes it (null: unknown). */
export function highWatermarkOfVoter(es: EpochState | null): number | null {
  if (es === null || es.role === 'Resigned') return null;
  return es.role === 'Leader' ? es.progress.highWatermark : es.highWatermark;
}

/**
 * Timer lengths are not modelled (timeouts fire at any time), so what only sizes or delays a timer is collapsed:
 * election retries (backoff length), a Candidate's backingOff flag (its election timer then means "back off and
 * retry"), the check-quorum window (fetchedVoters) and the resigned leader's successor order.
 */
function normalize(es: EpochState, ctx: QuorumContext): EpochState {
  switch (es.role) {
    case 'Follower':
      // Only a PreVote reads hasFetchedFromLeader (canGrantVote); without KIP-996 it decides nothing.
      return ctx.protocol === 'classic' && es.hasFetchedFromLeader ? { ...es, hasFetchedFromLeader: false } : es;
    case 'Prospective':
      return es.retries === 1 ? es : { ...es, retries: 1 };
    case 'Candidate':
      return es.retries === 1 && !es.backingOff ? es : { ...es, retries: 1, backingOff: false };
    case 'Leader':
      return es.progress.fetchedVoters.length === 0 ? es : { ...es, progress: { ...es.progress, fetchedVoters: [] } };
    case 'Resigned':
      return es.preferredSuccessors.length === 0 ? es : { ...es, preferredSuccessors: [] };
    default:
      return es;
  }
}

const isUp = (s: KraftQuorumState, v: number) => s.voters[v].es !== null;

/** Extends the committed ghost with the leader's log below its HW (first commit of an offset wins). */
function noteCommit(committed: readonly number[], log: readonly number[], hw: number): readonly number[] {
  if (hw <= committed.length) return committed;
  return [...committed, ...log.slice(committed.length, hw)];
}

export interface NodeStep {
  readonly es: EpochState;
  readonly log: readonly number[];
  /** Messages this step sends besides the role-entry broadcasts (e.g. the answer to a request). */
  readonly out?: readonly Message[];
}

/**
 * Applies voter v's step. `before` is null when the voter (re)starts. Sends go only to voters that are up (a
 * message to a down process is lost); a full network loses the rest.
 */
export function settle(env: KraftEnv, s: KraftQuorumState, v: number, before: EpochState | null, step: NodeStep): KraftQuorumState {
  const ctx = contextOf(env, s, v);
  let es = step.es;
  let log = step.log;
  let network = s.network;
  const broadcast: Message[] = [];
  let pruneIdle = false;
  const entering = before === null || resetsConnections(before, es);
  if (entering && before !== null) network = resetConnections(network, v);
  const others = env.others[v];
  if (entering && es.role === 'Leader') {
    // KafkaRaftClient.onBecomeLeader: the LeaderChange record opens the epoch, then the leader's own end offset.
    const raft = appendLeaderChangeRecord(raftLogOf(log), es.epoch);
    log = [...log, leaderChangeEntry(es.epoch, v)];
    rememberRaftLog(log, raft);
    const update = updateLocalState(es.progress, log.length, undefined, env.hwOptions);
    es = { ...es, progress: update.progress };
    for (const to of others) broadcast.push(quorumEpochMessage('BeginQuorumEpoch', v, to, es.epoch));
    pruneIdle = true;
  } else if (entering && (es.role === 'Prospective' || es.role === 'Candidate')) {
    const end = logEnd(log);
    for (const to of voteRequestTargets(es, ctx)) {
      const r = buildVoteRequest(es, ctx, end, to);
      broadcast.push(voteMessage({ from: v, to, fromDir: s.voters[v].disk, epoch: r.candidateEpoch, lastEpoch: r.lastEpoch, lastOffset: r.lastOffset, preVote: r.preVote, orphan: false }));
    }
  } else if (entering && es.role === 'Resigned') {
    for (const to of others) broadcast.push(quorumEpochMessage('EndQuorumEpoch', v, to, es.epoch));
    pruneIdle = true;
  }
  es = normalize(es, ctx);
  const outgoing: Message[] = [];
  if (step.out !== undefined) for (const m of step.out) if (isUp(s, m.to)) outgoing.push(m);
  for (const m of broadcast) {
    if (!isUp(s, m.to)) continue;
    if (pruneIdle && (m.kind === 'BeginQuorumEpoch' || m.kind === 'EndQuorumEpoch') && !movesReceiver(env, s, m)) continue;
    outgoing.push(m);
  }
  network = send(network, outgoing);
  const hw = highWatermarkOfVoter(es);
  const committed = es.role === 'Leader' && hw !== null ? noteCommit(s.committed, log, hw) : s.committed;
  const old = s.voters[v];
  const voter = makeVoter(es, null, old.halted, old.disk, log, hw !== null && hw > old.hwSeen ? hw : old.hwSeen);
  const next = stateWith(s, { voters: withAt(s.voters, v, voter), network, committed });
  // Only a change of v's state (or its reset) can make messages to or from v dead.
  return es === before && !entering ? next : collectDeadMessages(env, next, v);
}

/** Kafka's fatal path: the raft thread throws and the process exits, leaving its quorum-state and log on disk. */
export function halt(env: KraftEnv, s: KraftQuorumState, v: number): KraftQuorumState {
  const old = s.voters[v];
  const stored = old.es === null ? old.stored : durableOf(env, old.es, contextOf(env, s, v));
  const voter = makeVoter(null, stored, true, old.disk, old.log, old.hwSeen);
  return collectDeadMessages(env, stateWith(s, { voters: withAt(s.voters, v, voter), network: disconnect(s.network, v) }), v);
}

/**
 * Runs a voter's step; where Kafka's code would throw (a rule throws a plain Error: IllegalStateException,
 * KafkaException) the voter halts instead. TypeError and the like are model bugs and propagate.
 */
export function stepOrHalt(env: KraftEnv, s: KraftQuorumState, v: number, step: () => KraftQuorumState | undefined): KraftQuorumState | undefined {
  try {
    return step();
  } catch (thrown) {
    if (!(thrown instanceof Error) || thrown.constructor !== Error) throw thrown;
    return halt(env, s, v);
  }
}

export function withAt<T>(items: readonly T[], i: number, value: T): readonly T[] {
  const copy = items.slice();
  copy[i] = value;
  return copy;
}
