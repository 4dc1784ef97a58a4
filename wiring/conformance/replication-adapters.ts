// Conformance adapters for replication.json (all but the two ReplicationControlManager vectors, owned elsewhere):
// each runs model/rules/replication on a vector's input and compares with Kafka's expected output. The three
// Partition traces are prose in the vector; each step is transcribed below as the matching rule call.

import { type Adapter, type AdapterTable, type Vector, type VectorVerdict, understanding } from '../../src/conformance/vector.ts';
import * as r from '../../model/rules/replication/index.ts';

type Json = any;
const BROKER_EPOCH = 1; // every broker is registered with this epoch and fetches with it (PartitionTest's mock cache)
const T0 = 1_700_000_000_000;
const CONFIG = r.DEFAULT_LEADER_PARTITION_CONFIG;

/** Compares only the fields `expected` names (recursively, arrays element-wise); returns the first difference. */
function diff(expected: Json, actual: Json, path = ''): string | undefined {
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    for (let i = 0; i < expected.length; i++) {
      const d = diff(expected[i], actual[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object') return mismatch(path, expected, actual);
    for (const key of Object.keys(expected)) {
      const d = diff(expected[key], actual[key], path ? `${path}.${key}` : key);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? undefined : mismatch(path, expected, actual);
}

function mismatch(path: string, expected: Json, actual: Json): string {
  return `${path || 'value'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

function verdict(expected: Json, actual: Json): VectorVerdict {
  const d = diff(expected, actual);
  return d === undefined ? { status: 'pass', detail: '' } : { status: 'fail', detail: d };
}

const endOffsetFor: Adapter = (v: Vector) => {
  const input = v.input as Json;
  const entries = r.assignAll(input.assignCalls);
  const cache = verdict(input.resultingEntries, entries);
  if (cache.status !== 'pass') return { status: 'fail', detail: `cache after assign: ${cache.detail}` };
  return verdict(v.expected, r.endOffsetFor(entries, input.requestedEpoch, input.logEndOffset));
};

const offsetTruncationState: Adapter = (v: Vector) => {
  const input = v.input as Json;
  // The fetch offset only matters when the leader's offset is undefined; no vector has that case.
  const fetchOffset = input.followerHighWatermark ?? input.followerLogEndOffset;
  const state = r.getOffsetTruncationState(input.leaderReply, input.followerEpochEntries, input.followerLogEndOffset, fetchOffset);
  return verdict(v.expected, state);
};

function fetchOf(f: Json, timeMs: number): r.FollowerFetch {
  const logStartOffset = f.logStartOffset ?? 0;
  return { fetchOffset: f.fetchOffset, logStartOffset, fetchTimeMs: timeMs, leaderEndOffset: f.leaderEndOffset, brokerEpoch: BROKER_EPOCH };
}

function fetched(state: r.ReplicaState, fetch: r.FollowerFetch): r.ReplicaState {
  const update = r.updateFetchState(state, fetch, BROKER_EPOCH);
  if (!update.ok) throw new Error(`fetch fenced: ${update.error}`);
  return update.state;
}

const updateFetchState: Adapter = (v: Vector) => {
  const input = v.input as Json;
  let state: r.ReplicaState = { ...input.initial, brokerEpoch: null };
  const states = input.fetches.map((f: Json) => (state = fetched(state, fetchOf(f, f.timeMs))));
  return verdict(v.expected, { statesAfterEachFetch: states });
};

const isCaughtUp: Adapter = (v: Vector) => {
  const input = v.input as Json;
  const lag = input.replicaLagTimeMaxMs;
  const fetches: Json[] = input.fetches ?? [input.fetch];
  const after: r.ReplicaState[] = [];
  let state = r.EMPTY_REPLICA_STATE;
  for (const f of fetches) after.push((state = fetched(state, fetchOf(f, f.timeMs))));
  const results = input.checks.map((c: Json) => {
    const at = c.after === undefined ? after[after.length - 1] : after[Number(String(c.after).replace('fetch', '')) - 1];
    return r.isCaughtUp(at, c.leaderEndOffset, c.nowMs, lag);
  });
  const before = r.isCaughtUp(r.EMPTY_REPLICA_STATE, 10, input.clockStartMs, lag);
  return verdict(v.expected, { before_any_fetch_leaderEnd10: before, results });
};

const resetReplicaState: Adapter = (v: Vector) => {
  const input = v.input as Json;
  const now = T0; // the prior fetch happens earlier, so "now" is distinguishable from the fetch time
  const prior = fetched(r.EMPTY_REPLICA_STATE, fetchOf(input.priorFetch, T0 - 5_000));
  const reset = r.resetReplicaState(prior, now, input.leaderEndOffset, input.isNewLeader, input.isFollowerInSync);
  const expected = Object.fromEntries(Object.entries(v.expected as Json).map(([k, x]) => [k, x === 'now' ? now : x]));
  return verdict(expected, reset);
};

/** PartitionTest's KRaft metadata cache: brokers 0-2 registered, unfenced, each with BROKER_EPOCH. */
const CLUSTER: r.ClusterView = {
  mode: 'kraft',
  brokers: [0, 1, 2].map((brokerId) => ({
    brokerId,
    alive: true,
    fenced: false,
    inControlledShutdown: false,
    brokerEpoch: BROKER_EPOCH,
  })),
};

type Log = { logEndOffset: number; highWatermark: number };

function lead(leaderEpoch: number, partitionEpoch: number, request: r.LeaderAndIsr, log: Log, config = CONFIG): r.LeaderPartition {
  const p = r.makeLeader(undefined, leaderEpoch, partitionEpoch, 0, request, log, T0, config, CLUSTER);
  if (p === undefined) throw new Error('makeLeader skipped');
  return p;
}

function fetchFrom(p: r.LeaderPartition, replicaId: number, fetchOffset: number, now: number, config = CONFIG): r.LeaderPartition {
  const fetch = { fetchOffset, logStartOffset: 0, fetchTimeMs: now, brokerEpoch: BROKER_EPOCH };
  const result = r.updateFollowerFetchState(p, replicaId, fetch, config, CLUSTER);
  if (!result.ok) throw new Error(`fetch rejected: ${result.error}`);
  return result.partition;
}

function commit(p: r.LeaderPartition, partitionEpoch: number, now: number, config = CONFIG): r.LeaderPartition {
  const isr = r.alterPartitionRequest(p)?.newIsr;
  if (isr === undefined) throw new Error('no AlterPartition pending');
  const response = { kind: 'success' as const, leaderEpoch: p.leaderEpoch, isr, partitionEpoch };
  return r.completeAlterPartition(p, p.isrState, response, now, config, CLUSTER).partition;
}

const pending = (p: r.LeaderPartition): number => (r.isInflight(p.isrState) ? 1 : 0);

/** PartitionTest#testMaybeShrinkIsr. */
const shrinkIsrTrace: Adapter = (v: Vector) => {
  const input = v.input as Json;
  const lag = input.replicaLagTimeMaxMs;
  const config = { ...CONFIG, replicaLagTimeMaxMs: lag };
  const request = { leaderEpoch: input.leaderEpoch, partitionEpoch: 1, isr: input.isr, replicas: input.replicas };
  // "makeLeader at t0"; "replica 1 fetches offset 10 (caught up)"; "maybeShrinkIsr at t0 -> nothing"
  let p = lead(-1, -1, request, { logEndOffset: input.leaderLogEndOffset, highWatermark: 0 }, config);
  p = fetchFrom(p, 1, input.leaderLogEndOffset, T0, config);
  p = r.shrinkIsrIfNeeded(p, T0, config);
  const afterFirstShrinkCheck = { isr: p.isrState.isr, pendingAlterPartitions: pending(p) };
  // "advance time by lag+1"; "maybeShrinkIsr -> AlterPartition(newIsr=[0,1]) in flight"
  p = r.shrinkIsrIfNeeded(p, T0 + lag + 1, config);
  const whileInflight = {
    isr: p.isrState.isr,
    maximalIsr: r.maximalIsr(p.isrState),
    highWatermark: p.highWatermark,
    proposedIsr: r.proposedIsr(p.isrState),
  };
  // "controller commits partitionEpoch=2"
  p = commit(p, 2, T0 + lag + 1, config);
  const afterCommit = {
    isr: p.isrState.isr,
    maximalIsr: r.maximalIsr(p.isrState),
    partitionEpoch: p.partitionEpoch,
    highWatermark: p.highWatermark,
  };
  return verdict(v.expected, { afterFirstShrinkCheck, whileInflight, afterCommit });
};

/** PartitionTest#testHighWatermarkAdvanceShouldNotAdvanceWhenUnderMinISR (leader epoch 5 as in the test). */
const minIsrHwTrace: Adapter = (v: Vector) => {
  const input = v.input as Json;
  const config = { ...CONFIG, minInsyncReplicas: input.minInsyncReplicas };
  const minIsr = r.effectiveMinIsr(input.minInsyncReplicas, input.replicas.length);
  const leo = input.leaderLogEndOffset;
  // "makeLeader"; "replica 1 fetches 10"; "replica 2 fetches 10 -> ISR expansion submitted"; "controller commits 2"
  const request = { leaderEpoch: 5, partitionEpoch: 1, isr: input.isr, replicas: input.replicas };
  let p = lead(-1, -1, request, { logEndOffset: leo, highWatermark: 0 }, config);
  const isUnderMinIsrInitially = r.isUnderMinIsr(p.isrState.isr, minIsr);
  p = fetchFrom(p, 1, leo, T0, config);
  const hwAfterReplica1Fetch = p.highWatermark;
  p = fetchFrom(p, 2, leo, T0, config);
  const hwAfterReplica2Fetch = p.highWatermark;
  const maximalIsrSizeWhileInflight = r.maximalIsr(p.isrState).length;
  const pendingAlterPartitions = pending(p);
  p = commit(p, 2, T0, config);
  const afterCommit = { isUnderMinIsr: r.isUnderMinIsr(p.isrState.isr, minIsr), highWatermark: p.highWatermark };
  return verdict(v.expected, {
    isUnderMinIsrInitially,
    hwAfterReplica1Fetch,
    hwAfterReplica2Fetch,
    maximalIsrSizeWhileInflight,
    pendingAlterPartitions,
    afterCommit,
  });
};

/** PartitionTest#testFollowerDoesNotJoinISRUntilCaughtUpToOffsetWithinCurrentLeaderEpoch. */
const joinIsrTrace: Adapter = (v: Vector) => {
  const input = v.input as Json;
  const request = (leaderEpoch: number) => ({ leaderEpoch, partitionEpoch: 1, isr: input.isr, replicas: input.replicas });
  const append = (p: r.LeaderPartition, n: number) => r.appendRecordsToLeader(p, 0, n, T0, CONFIG, CLUSTER).partition;
  // "leader epoch 8: append batch1 (offsets 0-1) and batch2 (offsets 2-4)"; "follower 2 fetches offset 0 then 1"
  let p = lead(-1, -1, request(8), { logEndOffset: 0, highWatermark: 0 });
  p = append(append(p, 2), 3);
  p = fetchFrom(fetchFrom(p, 2, 0, T0), 2, 1, T0);
  const hwAfterFollower2Fetches = p.highWatermark;
  // "leader becomes follower (epoch 9) and leader again (epoch 10)": a new leader (not leading before), LEO 5
  p = lead(9, 1, request(10), { logEndOffset: p.logEndOffset, highWatermark: p.highWatermark });
  const currentLeaderEpochStartOffset = p.leaderEpochStartOffset;
  // "append batch3 (offsets 5-6)"; "follower 1 fetches offset 0, then 1"; "follower 1 fetches offset 5"
  p = append(p, 2);
  p = fetchFrom(fetchFrom(p, 1, 0, T0), 1, 1, T0);
  const isrAfterFollower1FetchesBelow5 = p.isrState.isr;
  p = fetchFrom(p, 1, 5, T0);
  const afterFollower1Fetches5 = {
    isr: p.isrState.isr,
    maximalIsr: r.maximalIsr(p.isrState),
    alterPartitionProposedIsr: r.alterPartitionRequest(p)?.newIsr,
  };
  return verdict(v.expected, {
    hwAfterFollower2Fetches,
    currentLeaderEpochStartOffset,
    isrAfterFollower1FetchesBelow5,
    afterFollower1Fetches5,
  });
};

/** The vector's result labels, produced from the rule outputs. No replication factor is given: RF ≥ min ISR. */
const produceAcks: Adapter = (v: Vector) => {
  const results = (v.input as Json).cases.map((c: Json) => {
    if (c.phase === 'delayed-produce-completion') {
      const check = r.checkEnoughReplicasReachOffset(c['hw>=requiredOffset'] ? 1 : 0, 1, c.maximalIsrSize, c.minIsr);
      if (!check.done) return 'not done yet';
      return check.error === 'NONE' ? 'done NONE' : `done with ${check.error}`;
    }
    const admission = r.appendAdmission(c.acks, c.isrSize, c.minIsr);
    if (admission !== 'APPEND') return `${admission} (rejected before append)`;
    return c.acks === -1 ? 'appended' : `appended (acks=${c.acks} ignores min.insync)`;
  });
  return verdict(v.expected, { results });
};

export const replicationAdapters: AdapterTable = {
  'LeaderEpochFileCache.endOffsetFor (OffsetsForLeaderEpoch, KIP-101/279)': understanding(["endOffset", "epoch"], endOffsetFor),
  'AbstractFetcherThread.getOffsetTruncationState': understanding(["truncateTo", "truncationCompleted"], offsetTruncationState),
  'Replica.updateFetchStateOrThrow': understanding(["statesAfterEachFetch"], updateFetchState),
  'ReplicaState.isCaughtUp': understanding(["before_any_fetch_leaderEnd10", "results"], isCaughtUp),
  'Replica.resetReplicaState (on makeLeader)': understanding(["lastCaughtUpTimeMs", "lastFetchLeaderLogEndOffset", "lastFetchTimeMs", "logEndOffset", "logStartOffset"], resetReplicaState),
  'Partition.maybeShrinkIsr + AlterPartition completion + maybeIncrementLeaderHW': understanding(["afterCommit", "afterFirstShrinkCheck", "whileInflight"], shrinkIsrTrace),
  'Partition.maybeIncrementLeaderHW with min.insync.replicas (KAFKA-15583)': understanding(["afterCommit", "hwAfterReplica1Fetch", "hwAfterReplica2Fetch", "isUnderMinIsrInitially", "maximalIsrSizeWhileInflight", "pendingAlterPartitions"], minIsrHwTrace),
  'Partition.isFollowerInSync (follower LEO >= HW and >= leaderEpochStartOffset)': understanding(["afterFollower1Fetches5", "currentLeaderEpochStartOffset", "hwAfterFollower2Fetches", "isrAfterFollower1FetchesBelow5"], joinIsrTrace),
  'Partition.appendRecordsToLeader / checkEnoughReplicasReachOffset': understanding(["results"], produceAcks),
};
