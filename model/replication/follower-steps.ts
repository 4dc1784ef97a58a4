// Steps a follower takes against the broker it believes leads: the truncation round (OffsetsForLeaderEpoch, eras
// kip-101 to kip-320) and the Fetch (with lastFetchedEpoch and divergence in the current era). Leader-side checks and
// bookkeeping are the rules' (checkLeaderRequest, validateFetchEpoch, Partition.updateFollowerFetchState).

import { truncateOnOffsetOutOfRange, truncationRound } from '../rules/replication/follower-truncation.ts';
import { truncateOnDivergingEpoch, validateFetchEpoch } from '../rules/replication/diverging-epoch.ts';
import { committedIsr, isInflight } from '../rules/replication/isr-state.ts';
import { assign, latestEpoch } from '../rules/replication/leader-epoch-cache.ts';
import { checkLeaderRequest, requestCurrentLeaderEpoch } from '../rules/replication/leader-epoch-fencing.ts';
import { patchPartition, updateFollowerFetchState, withIncrementedHW } from '../rules/replication/leader-partition.ts';
import { CLOCKLESS_NOW_MS } from '../rules/replication/replica-state.ts';
import { truncateBroker } from './apply-partition-update.ts';
import { noteCommits, settleAcks } from './ghosts.ts';
import { clusterView, toLeaderPartition, withLeaderPartition } from './leader-role.ts';
import { presumesLeadership, sendsBrokerEpochs, submitAlterPartition } from './leader-steps.ts';
import { leaderPartitionConfig, type ReplicationConfig } from './replication-config.ts';
import { patchBroker, patchGhosts, patchState, recordEpoch, withBroker, type BrokerState, type FetchResponseInFlight, type ReplicationState } from './replication-state.ts';

/** The follower `id` and the broker it fetches from, if it is a follower that may send requests now. */
function followerAndLeader(state: ReplicationState, id: number): { f: BrokerState; l: BrokerState; lid: number } | undefined {
  const f = state.brokers[id];
  if (!f.alive || f.role !== null || f.leader < 0 || f.leader === id) return undefined;
  const l = state.brokers[f.leader];
  // Partition.getLocalLog(requireLeader): NOT_LEADER_OR_FOLLOWER unless the target believes it leads.
  if (!presumesLeadership(l)) return undefined;
  return { f, l, lid: f.leader };
}

/** KIP-320: the request carries the follower's leader epoch and is fenced by it (before 2.1 it carried none). */
function fencedOut(f: BrokerState, l: BrokerState, config: ReplicationConfig): boolean {
  const epoch = requestCurrentLeaderEpoch(config.era.fencesCurrentLeaderEpoch, f.leaderEpoch);
  return checkLeaderRequest(true, l.leaderEpoch, epoch) !== 'NONE';
}

/** One OffsetsForLeaderEpoch round of the truncating phase (truncationRound per era), then truncate. */
export function offsetsForLeaderEpoch(state: ReplicationState, id: number, config: ReplicationConfig): ReplicationState | undefined {
  const pair = followerAndLeader(state, id);
  if (pair === undefined || !pair.f.truncating || fencedOut(pair.f, pair.l, config)) return undefined;
  const { f, l } = pair;
  const round = truncationRound(
    config.era,
    { entries: l.epochCache, logEndOffset: l.log.length },
    { entries: f.epochCache, logEndOffset: f.log.length, highWatermark: f.highWatermark },
  );
  const truncated = truncateBroker(f, round.truncateTo);
  // A round that neither completes nor shortens the log would repeat forever (truncateFollower's `stalled`).
  const stalled = truncated.log.length === f.log.length && truncated.epochCache.length === f.epochCache.length;
  return withBroker(state, id, patchBroker(truncated, { truncating: !(round.truncationCompleted || stalled) }));
}

/** Truncation answered by the Fetch itself (divergingEpoch, or OFFSET_OUT_OF_RANGE); undefined = read normally. */
function fetchTruncation(f: BrokerState, l: BrokerState, config: ReplicationConfig): number | undefined {
  const fetchOffset = f.log.length;
  const lastFetchedEpoch = latestEpoch(f.epochCache);
  if (config.era.truncatesOnFetch && lastFetchedEpoch >= 0) {
    const check = validateFetchEpoch(l.epochCache, l.log.length, lastFetchedEpoch, fetchOffset);
    if (check.kind === 'diverging') return truncateOnDivergingEpoch(check.divergingEpoch, f.epochCache, fetchOffset).truncateTo;
    if (check.kind === 'offset-out-of-range') return truncateOnOffsetOutOfRange(l.log.length, fetchOffset);
    return undefined;
  }
  return fetchOffset > l.log.length ? truncateOnOffsetOutOfRange(l.log.length, fetchOffset) : undefined;
}

/**
 * ReplicaFetcherThread.handleOffsetOutOfRange through 2.0.0 (3402a8361b73): a follower ahead of the leader's LEO,
 * with unclean.leader.election.enable=false, logs "Exiting because log truncation is not allowed" and throws
 * FatalExitError — the broker halts. 2.1 (0984a76b712, with the KIP-320 series) truncates with a warning instead.
 */
function haltsOnOutOfRange(f: BrokerState, l: BrokerState, config: ReplicationConfig): boolean {
  return !config.toggles.kip320Fencing && !config.uncleanLeaderElection && f.log.length > l.log.length;
}

/** What the leader did with a Fetch: its own updated state, and the response it sends back. */
export interface ServedFetch {
  readonly state: ReplicationState;
  readonly leader: number;
  readonly response: FetchResponseInFlight;
  /** The follower hit a fatal check and halted instead (no response is applied). */
  readonly fatal: boolean;
}

/**
 * The leader handles follower `id`'s Fetch at the follower's LEO (Partition.fetchRecords): a divergence or an
 * out-of-range offset is answered without touching the leader's bookkeeping; otherwise the leader reads (the
 * response carries its HW as of the read and at most maxRecordsPerFetch records), then records the fetch offset,
 * which may expand the ISR and advance its HW (updateFollowerFetchState) — so the follower's HW trails by a round.
 */
export function serveFetch(state: ReplicationState, id: number, config: ReplicationConfig): ServedFetch | undefined {
  const pair = followerAndLeader(state, id);
  if (pair === undefined || pair.f.truncating || fencedOut(pair.f, pair.l, config)) return undefined;
  const { f, l, lid } = pair;
  const fetchOffset = f.log.length;
  const truncateTo = fetchTruncation(f, l, config);
  if (truncateTo !== undefined && truncateTo < fetchOffset && !config.era.truncatesOnFetch && haltsOnOutOfRange(f, l, config)) {
    const fatal = state.ghosts.fatal === 0 ? id + 1 : state.ghosts.fatal;
    const halted = patchState(state, { ghosts: patchGhosts(state.ghosts, { fatal }) });
    return { state: halted, leader: lid, fatal: true, response: { from: lid, fetchOffset, records: [], highWatermark: -1, truncateTo: -1 } };
  }
  if (truncateTo !== undefined) return { state, leader: lid, fatal: false, response: { from: lid, fetchOffset, records: [], highWatermark: -1, truncateTo } };
  const leaderHw = l.highWatermark;
  const limit = config.maxRecordsPerFetch > 0 ? fetchOffset + config.maxRecordsPerFetch : undefined;
  const records = l.log.slice(fetchOffset, limit);
  const lpc = leaderPartitionConfig(config);
  const cluster = clusterView(state);
  const before = toLeaderPartition(l, lid, config);
  const brokerEpoch = sendsBrokerEpochs(config) ? f.brokerEpoch : -1;
  const update = updateFollowerFetchState(before, id, { fetchOffset, logStartOffset: 0, fetchTimeMs: CLOCKLESS_NOW_MS, brokerEpoch }, lpc, cluster);
  if (!update.ok) return undefined;
  let p = update.partition;
  let leader = l;
  if (isInflight(p.isrState) && !isInflight(before.isrState)) {
    if (l.alterPartition === null) leader = submitAlterPartition(l, p, config);
    // AlterPartitionManager already holds a request for this partition: the submit fails at once
    // (OPERATION_NOT_ATTEMPTED) and the leader reverts to its committed ISR.
    else p = withIncrementedHW(patchPartition(p, { isrState: committedIsr(p.isrState.isr) }), CLOCKLESS_NOW_MS, lpc, cluster);
  }
  leader = withLeaderPartition(leader, p, config.replicas);
  return { state: withBroker(state, lid, leader), leader: lid, fatal: false, response: { from: lid, fetchOffset, records, highWatermark: leaderHw, truncateTo: -1 } };
}

/** The follower applies a response: truncate as told, or append the records and take min(leader HW, its LEO). */
export function applyFetchResponse(f: BrokerState, response: FetchResponseInFlight): BrokerState {
  if (response.truncateTo >= 0) return truncateBroker(f, response.truncateTo);
  let follower = f;
  if (response.records.length > 0) {
    let epochCache = f.epochCache;
    response.records.forEach((code, i) => {
      epochCache = assign(epochCache, recordEpoch(code), response.fetchOffset + i);
    });
    follower = patchBroker(f, { log: f.log.concat(response.records), epochCache });
  }
  const hw = Math.min(response.highWatermark, follower.log.length);
  return hw === follower.highWatermark ? follower : patchBroker(follower, { highWatermark: hw });
}

/** `fetch=atomic`: request, leader's handling and response in one step (undefined when nothing changes). */
export function fetch(state: ReplicationState, id: number, config: ReplicationConfig): ReplicationState | undefined {
  const served = serveFetch(state, id, config);
  if (served === undefined) return undefined;
  if (served.fatal) return served.state === state ? undefined : served.state;
  const f = state.brokers[id];
  const follower = applyFetchResponse(served.state.brokers[id], served.response);
  if (served.response.truncateTo >= 0) return follower === f ? undefined : withBroker(state, id, follower);
  let next = withBroker(served.state, id, follower);
  if (next === state) return undefined;
  next = settleAcks(next, served.leader, config);
  return noteCommits(next);
}
