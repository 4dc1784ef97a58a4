// A message arrives: the receiver runs Kafka's handler for it (rules/raft: handleVoteRequest, handleVoteResponse,
// handleBeginQuorumEpochRequest, handleEndQuorumEpochRequest, handleFetchRequest, and for a fetch answer
// handleCommonResponse → truncateToEndOffset or append + updateFollowerHighWatermark, as
// KafkaRaftClient.handleFetchResponse does). A request whose reply nobody waits for is handled without a reply.
import {
  appendBatch,
  epochAtOffset,
  handleBeginQuorumEpochRequest,
  handleCommonResponse,
  handleEndQuorumEpochRequest,
  handleFetchRequest,
  handleVoteRequest,
  handleVoteResponse,
  onSuccessfulFetch,
  truncateToEndOffset,
  updateFollowerHighWatermark,
  type EpochState,
} from '../rules/raft/index.ts';
import { fetchResponseMessage, voteResponseMessage, type FetchMessage, type FetchResponseMessage, type Message, type VoteMessage } from './kraft-quorum-messages.ts';
import { completeRequest, indexOfMessage, removeAt } from './kraft-quorum-network.ts';
import { contextOf, halt, logEnd, settle, stepOrHalt, type KraftEnv } from './kraft-quorum-node.ts';
import { entryEpoch, raftLogOf, rememberRaftLog, stateWith, type KraftQuorumState } from './kraft-quorum-state.ts';

export function deliver(env: KraftEnv, s: KraftQuorumState, m: Message): KraftQuorumState | undefined {
  const at = indexOfMessage(s.network, m);
  const es = s.voters[m.to].es;
  if (at < 0 || es === null) return undefined;
  const rest = stateWith(s, { network: removeAt(s.network, at) });
  return stepOrHalt(env, rest, m.to, () => handle(env, rest, es, m));
}

function handle(env: KraftEnv, s: KraftQuorumState, es: EpochState, m: Message): KraftQuorumState {
  const v = m.to;
  const ctx = contextOf(env, s, v);
  const log = s.voters[v].log;
  switch (m.kind) {
    case 'Vote':
      return onVote(env, s, es, m);
    case 'VoteResponse': {
      const next = handleVoteResponse(es, ctx, logEnd(log), m);
      return settle(env, stateWith(s, { network: completeRequest(s.network, v, m.from) }), v, es, { es: next, log });
    }
    case 'BeginQuorumEpoch': {
      const r = handleBeginQuorumEpochRequest(es, ctx, { leaderId: m.from, epoch: m.epoch, voterKey: ctx.voters[v] });
      return settle(env, s, v, es, { es: r.state, log });
    }
    case 'EndQuorumEpoch': {
      // Successor positions only shorten the fetch timer, which fires at any time here.
      const r = handleEndQuorumEpochRequest(es, ctx, { leaderId: m.from, epoch: m.epoch, preferredSuccessors: [] });
      return settle(env, s, v, es, { es: r.state, log });
    }
    case 'Fetch':
      return onFetch(env, s, es, m);
    case 'FetchResponse':
      return onFetchResponse(env, s, es, m);
  }
}

function onVote(env: KraftEnv, s: KraftQuorumState, es: EpochState, m: VoteMessage): KraftQuorumState {
  const v = m.to;
  const ctx = contextOf(env, s, v);
  const log = s.voters[v].log;
  const r = handleVoteRequest(
    es,
    ctx,
    logEnd(log),
    {
      candidate: env.contexts[m.from][m.fromDir].local,
      candidateEpoch: m.epoch,
      lastEpoch: m.lastEpoch,
      lastOffset: m.lastOffset,
      preVote: m.preVote,
      voterKey: ctx.voters[v],
    },
    { ignoreLogUpToDate: !env.config.voteLogCheck },
  );
  const out = m.orphan ? [] : [voteResponseMessage({ from: v, to: m.from, ...r.response })];
  return settle(env, s, v, es, { es: r.state, log, out });
}

function onFetch(env: KraftEnv, s: KraftQuorumState, es: EpochState, m: FetchMessage): KraftQuorumState {
  const v = m.to;
  const log = s.voters[v].log;
  const raft = raftLogOf(log);
  let lastFetchedEpoch = m.lastFetchedEpoch;
  if (!env.config.divergenceCheck && m.fetchOffset > 0) {
    // The bug: the leader trusts the fetch offset, as if the follower's last epoch were its own at that offset.
    lastFetchedEpoch = epochAtOffset(raft, m.fetchOffset - 1) ?? lastFetchedEpoch;
  }
  const r = handleFetchRequest(
    es,
    contextOf(env, s, v),
    raft,
    { replica: env.contexts[m.from][m.fromDir].local, fetchOffset: m.fetchOffset, lastFetchedEpoch, currentLeaderEpoch: m.epoch },
    env.hwOptions,
  );
  const { validation } = r.response;
  if (validation !== null && validation.kind === 'SNAPSHOT') throw new Error('no snapshots in this model');
  const limit = env.config.fetchMaxRecords === 0 ? log.length : Math.min(log.length, m.fetchOffset + env.config.fetchMaxRecords);
  const response = fetchResponseMessage({
    from: v,
    to: m.from,
    error: r.response.error,
    epoch: r.response.epoch,
    leaderId: r.response.leaderId,
    diverging: validation !== null && validation.kind === 'DIVERGING' ? validation.offsetAndEpoch : null,
    highWatermark: r.response.highWatermark,
    offset: m.fetchOffset,
    records: validation !== null && validation.kind === 'VALID' ? log.slice(m.fetchOffset, limit) : [],
  });
  return settle(env, s, v, es, { es: r.state, log, out: m.orphan ? [] : [response] });
}

function onFetchResponse(env: KraftEnv, s0: KraftQuorumState, es: EpochState, m: FetchResponseMessage): KraftQuorumState {
  const v = m.to;
  const s = stateWith(s0, { network: completeRequest(s0.network, v, m.from) });
  const log = s.voters[v].log;
  const common = handleCommonResponse(es, contextOf(env, s, v), { error: m.error, epoch: m.epoch, leaderId: m.leaderId });
  if (common.handled) return settle(env, s, v, es, { es: common.state, log });
  const follower = common.state;
  if (follower.role !== 'Follower') throw new Error(`followerStateOrThrow: ${follower.role}`);
  if (m.diverging !== null) {
    const t = truncateToEndOffset(raftLogOf(log), m.diverging, follower.highWatermark);
    if (t.kind === 'fatal') return halt(env, s, v);
    const truncated = log.slice(0, t.truncationOffset);
    const after = settle(env, s, v, es, { es: onSuccessfulFetch(follower), log: truncated });
    return truncated.length < log.length ? stateWith(after, { truncated: 1 }) : after;
  }
  let appended = log;
  if (m.records.length > 0) {
    if (m.offset !== log.length) throw new Error(`unexpected append offset ${m.offset}, log end ${log.length}`);
    // appendAsFollower, batch by batch: the epoch cache only grows (the rule throws otherwise).
    let raft = raftLogOf(log);
    for (const entry of m.records) raft = appendBatch(raft, entryEpoch(entry), 1);
    appended = [...log, ...m.records];
    rememberRaftLog(appended, raft);
  }
  const hw = updateFollowerHighWatermark(follower, m.highWatermark, appended.length);
  if (hw.kind === 'fatal') return halt(env, s, v);
  return settle(env, s, v, es, { es: onSuccessfulFetch(hw.state), log: appended });
}
