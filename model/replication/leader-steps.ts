// Steps a broker takes as (presumed) partition leader: accept a produce request, run the periodic ISR check, and
// read for a consumer. Each calls the leader rules (Partition.appendRecordsToLeader, maybeShrinkIsr) through
// LeaderPartition; a broker that only believes it leads — a zombie — takes them too, as Kafka's did.

import { assign } from '../rules/replication/leader-epoch-cache.ts';
import { alterPartitionRequest, appendRecordsToLeader, shrinkIsrIfNeeded } from '../rules/replication/leader-partition.ts';
import { acknowledgedOnAppend } from '../rules/replication/produce-acks.ts';
import { CLOCKLESS_NOW_MS } from '../rules/replication/replica-state.ts';
import { noteCommits, settleAcks } from './ghosts.ts';
import { clusterView, toLeaderPartition, withLeaderPartition } from './leader-role.ts';
import { leaderPartitionConfig, type ReplicationConfig } from './replication-config.ts';
import { patchBroker, patchGhosts, patchState, recordCode, withBroker, type BrokerState, type ReplicationState } from './replication-state.ts';

/** A broker acts as leader: alive and named leader by the last partition state it applied. */
export function presumesLeadership(b: BrokerState): boolean {
  return b.alive && b.role !== null;
}

/**
 * Produce one record to broker `id`. acks=all is refused below min ISR (nothing changes); otherwise the record
 * is appended in the broker's leader epoch (the epoch cache learns the epoch at its first record), the HW is
 * recomputed, and the producer is answered at once (acks=1) or when the HW passes the record (acks=all).
 */
export function produce(state: ReplicationState, id: number, config: ReplicationConfig): ReplicationState | undefined {
  const b = state.brokers[id];
  const g = state.ghosts;
  if (!presumesLeadership(b) || g.nextRecord > config.records) return undefined;
  const result = appendRecordsToLeader(toLeaderPartition(b, id, config), config.acks, 1, CLOCKLESS_NOW_MS, leaderPartitionConfig(config), clusterView(state));
  if (result.admission !== 'APPEND') return undefined;
  const offset = b.log.length;
  const appended: BrokerState = patchBroker(b, {
    log: b.log.concat(recordCode(g.nextRecord, b.leaderEpoch)),
    epochCache: assign(b.epochCache, b.leaderEpoch, offset),
  });
  const broker = withLeaderPartition(appended, result.partition, config.replicas);
  const r = g.nextRecord - 1;
  const ghosts = patchGhosts(g, {
    nextRecord: g.nextRecord + 1,
    acked: acknowledgedOnAppend(config.acks) ? g.acked | (1 << r) : g.acked,
    pendingAcks: config.acks === -1 ? g.pendingAcks.map((holder, i) => (i === r ? id : holder)) : g.pendingAcks,
  });
  return noteCommits(settleAcks(patchState(withBroker(state, id, broker), { ghosts }), id, config));
}

/**
 * The periodic ISR check (Partition.maybeShrinkIsr): followers not caught up leave the proposed ISR and an
 * AlterPartition request goes to the controller. Kafka submits at most one per partition (AlterPartitionManager).
 */
export function shrinkIsr(state: ReplicationState, id: number, config: ReplicationConfig): ReplicationState | undefined {
  const b = state.brokers[id];
  if (!presumesLeadership(b) || b.alterPartition !== null) return undefined;
  const before = toLeaderPartition(b, id, config);
  const after = shrinkIsrIfNeeded(before, CLOCKLESS_NOW_MS, leaderPartitionConfig(config));
  if (after === before) return undefined;
  return withBroker(state, id, submitAlterPartition(withLeaderPartition(b, after, config.replicas), after, config));
}

/**
 * Records the AlterPartition request for the leader's pending ISR change (alterPartitionRequest). With KIP-903 in
 * KRaft it carries newIsrWithEpochs (Partition.addBrokerEpochToIsr at 3.5.0): the leader's own broker epoch, and
 * for each follower the epoch its last fetch carried, -1 when none was seen since this leader's reset.
 */
export function submitAlterPartition(b: BrokerState, p: ReturnType<typeof toLeaderPartition>, config: ReplicationConfig): BrokerState {
  const request = alterPartitionRequest(p);
  const pending = p.isrState;
  if (request === undefined || pending.kind === 'committed') return b;
  const isrBrokerEpochs = !sendsBrokerEpochs(config)
    ? []
    : pending.proposedIsr.map((r) => (r === p.leaderId ? b.brokerEpoch : (p.followers.find((f) => f.replicaId === r)?.state.brokerEpoch ?? -1)));
  return patchBroker(b, {
    alterPartition: { brokerEpoch: b.brokerEpoch, leaderEpoch: request.leaderEpoch, partitionEpoch: request.partitionEpoch, proposal: p.isrState, isrBrokerEpochs },
  });
}

/** KIP-903 is KRaft's: a ZK-mode leader sends -1 for every member and a ZK-mode fetch is not checked. */
export function sendsBrokerEpochs(config: ReplicationConfig): boolean {
  return config.toggles.kip903BrokerEpochs && config.leaderElection === 'kraft';
}

/** A consumer fetches from broker `id` (as leader) everything below its high watermark. */
export function consume(state: ReplicationState, id: number): ReplicationState | undefined {
  const b = state.brokers[id];
  if (!presumesLeadership(b) || b.highWatermark === 0) return undefined;
  const g = state.ghosts;
  let consumed: number[] | null = null;
  for (let o = 0; o < b.highWatermark; o++) {
    if ((g.consumed[o] ?? 0) !== 0) continue;
    consumed ??= g.consumed.slice();
    while (consumed.length <= o) consumed.push(0);
    consumed[o] = b.log[o];
  }
  if (consumed === null) {
    // Nothing new: the read is only interesting if it returns something other than what was read before.
    const differs = g.consumed.some((code, o) => o < b.highWatermark && code !== b.log[o]);
    return differs ? state : undefined;
  }
  return patchState(state, { ghosts: patchGhosts(g, { consumed }) });
}
