// The steps of the KRaft quorum model as plain data named after what Kafka does (timers firing, a leader
// appending, a follower fetching, a message arriving, a process crashing), their order, and how a trace reads.
import { entryName, type KraftQuorumConfig, type KraftQuorumState } from './kraft-quorum-state.ts';
import type { Message } from './kraft-quorum-messages.ts';

export type KraftQuorumAction =
  /**
   * pollUnattached/pollProspective/pollCandidate/pollResigned: the election timer fires. A classic Candidate then
   * backs off and, when the backoff ends, runs again in epoch + 1: both are timers, so they are one step here.
   */
  | { readonly type: 'ElectionTimeout'; readonly voter: number }
  /** pollFollowerAsVoter: no successful fetch within quorum.fetch.timeout.ms. */
  | { readonly type: 'FetchTimeout'; readonly voter: number }
  /** pollLeader: check-quorum expired (no majority fetched for 1.5 × fetch timeout): the leader resigns. */
  | { readonly type: 'CheckQuorumResign'; readonly voter: number }
  /** The active controller writes a metadata record (appendAsLeader). */
  | { readonly type: 'AppendRecord'; readonly voter: number }
  /** pollFollower: the follower sends Fetch(fetchOffset = LEO, lastFetchedEpoch) to its leader. */
  | { readonly type: 'SendFetch'; readonly voter: number }
  /** maybeSendVoteRequests: ask an unrecorded voter whose request is not (or no longer) in flight. */
  | { readonly type: 'ResendVote'; readonly voter: number; readonly to: number }
  /** The leader (re)sends BeginQuorumEpoch to a voter that does not follow it yet. */
  | { readonly type: 'SendBeginQuorumEpoch'; readonly voter: number; readonly to: number }
  | { readonly type: 'Crash'; readonly voter: number }
  | { readonly type: 'Restart'; readonly voter: number }
  | { readonly type: 'RejoinWithEmptyDisk'; readonly voter: number }
  | { readonly type: 'Deliver'; readonly message: Message }
  | { readonly type: 'Drop'; readonly message: Message }
  | { readonly type: 'Duplicate'; readonly message: Message };

export const ACTION_TYPES = [
  'ElectionTimeout',
  'FetchTimeout',
  'CheckQuorumResign',
  'AppendRecord',
  'SendFetch',
  'ResendVote',
  'SendBeginQuorumEpoch',
  'Crash',
  'Restart',
  'RejoinWithEmptyDisk',
  'Deliver',
  'Drop',
  'Duplicate',
] as const;

/** Per-voter steps, fixed for a config (next decides which are enabled). */
export function staticActions(config: KraftQuorumConfig): KraftQuorumAction[] {
  const out: KraftQuorumAction[] = [];
  for (let voter = 0; voter < config.voters; voter++) {
    out.push({ type: 'ElectionTimeout', voter }, { type: 'FetchTimeout', voter });
    if (config.voters > 1 && config.resigns > 0) out.push({ type: 'CheckQuorumResign', voter });
    if (config.records > 0) out.push({ type: 'AppendRecord', voter });
    out.push({ type: 'SendFetch', voter });
    for (let to = 0; to < config.voters; to++) {
      if (to !== voter) out.push({ type: 'ResendVote', voter, to }, { type: 'SendBeginQuorumEpoch', voter, to });
    }
    if (config.restarts > 0) out.push({ type: 'Crash', voter }, { type: 'Restart', voter });
    if (config.diskLosses > 0) out.push({ type: 'RejoinWithEmptyDisk', voter });
  }
  return out;
}

/** The fixed steps, then one Deliver (and Drop/Duplicate while budgets last) per distinct message in flight. */
export function enumerateActions(fixed: readonly KraftQuorumAction[], s: KraftQuorumState): readonly KraftQuorumAction[] {
  if (s.network.length === 0) return fixed;
  const out = fixed.slice();
  let previous: Message | null = null;
  for (const message of s.network) {
    if (previous !== null && previous.code.length === message.code.length && previous.code.every((x, i) => x === message.code[i])) continue;
    previous = message;
    out.push({ type: 'Deliver', message });
    if (s.dropsLeft > 0) out.push({ type: 'Drop', message });
    if (s.duplicatesLeft > 0) out.push({ type: 'Duplicate', message });
  }
  return out;
}

export function describeMessage(m: Message): string {
  const who = `${m.from}→${m.to}`;
  switch (m.kind) {
    case 'Vote':
      return `${m.preVote ? 'PreVote' : 'Vote'} ${who} (epoch ${m.epoch}, last ${m.lastOffset}@${m.lastEpoch}${m.fromDir > 0 ? `, dir ${m.fromDir}` : ''})${m.orphan ? ' [reply unwanted]' : ''}`;
    case 'VoteResponse':
      return `VoteResponse ${who} (${m.error === 'NONE' ? (m.granted ? 'granted' : 'rejected') : m.error}, epoch ${m.epoch}, leader ${m.leaderId ?? 'none'})`;
    case 'BeginQuorumEpoch':
    case 'EndQuorumEpoch':
      return `${m.kind} ${who} (epoch ${m.epoch})`;
    case 'Fetch':
      return `Fetch ${who} (epoch ${m.epoch}, offset ${m.fetchOffset}, lastFetchedEpoch ${m.lastFetchedEpoch})${m.orphan ? ' [reply unwanted]' : ''}`;
    case 'FetchResponse': {
      const body =
        m.error !== 'NONE'
          ? m.error
          : m.diverging !== null
            ? `diverging at ${m.diverging.offset}@${m.diverging.epoch}`
            : `records [${m.records.map(entryName).join(' ')}] from ${m.offset}`;
      return `FetchResponse ${who} (epoch ${m.epoch}, leader ${m.leaderId ?? 'none'}, ${body}, HW ${m.highWatermark ?? 'none'})`;
    }
  }
}

export function describeKraftAction(a: KraftQuorumAction): string {
  switch (a.type) {
    case 'ElectionTimeout':
      return `voter ${a.voter}'s election timer fires`;
    case 'FetchTimeout':
      return `voter ${a.voter} has not fetched from its leader in time (fetch timeout)`;
    case 'CheckQuorumResign':
      return `leader ${a.voter} misses check-quorum and resigns`;
    case 'AppendRecord':
      return `leader ${a.voter} appends a metadata record`;
    case 'SendFetch':
      return `voter ${a.voter} sends Fetch to its leader`;
    case 'ResendVote':
      return `voter ${a.voter} sends its vote request to voter ${a.to}`;
    case 'SendBeginQuorumEpoch':
      return `leader ${a.voter} sends BeginQuorumEpoch to voter ${a.to}`;
    case 'Crash':
      return `voter ${a.voter} crashes (quorum-state and log stay on disk)`;
    case 'Restart':
      return `voter ${a.voter} restarts from its quorum-state and log`;
    case 'RejoinWithEmptyDisk':
      return `voter ${a.voter} loses its disk and rejoins with an empty log under the same id`;
    case 'Deliver':
      return `deliver ${describeMessage(a.message)}`;
    case 'Drop':
      return `the network loses ${describeMessage(a.message)}`;
    case 'Duplicate':
      return `the network duplicates ${describeMessage(a.message)}`;
  }
}
