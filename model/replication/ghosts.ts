// Ghost bookkeeping (not Kafka state): which records were ever committed, which writes the producer was told
// succeeded, and which acks=all requests still wait in a leader's purgatory. Producer answers follow the rules in
// produce-acks.ts (DelayedProduce completes through checkEnoughReplicasReachOffset).

import { maximalIsr } from '../rules/replication/isr-state.ts';
import { effectiveMinIsr } from '../rules/replication/leader-high-watermark.ts';
import { checkEnoughReplicasReachOffset } from '../rules/replication/produce-acks.ts';
import type { ReplicationConfig } from './replication-config.ts';
import { patchGhosts, patchState, recordId, type BrokerState, type Ghosts, type ReplicationState } from './replication-state.ts';

/**
 * Everything below the HW of a broker that believes it leads is committed: consumers may read it there. The first
 * record committed at an offset is remembered; a different one committed later is what the properties catch.
 */
export function noteCommits(state: ReplicationState): ReplicationState {
  let committed: number[] | null = null;
  for (const b of state.brokers) {
    if (!b.alive || b.role === null) continue;
    for (let o = 0; o < b.highWatermark; o++) {
      const current = (committed ?? state.ghosts.committed)[o] ?? 0;
      if (current !== 0) continue;
      committed ??= state.ghosts.committed.slice();
      while (committed.length <= o) committed.push(0);
      committed[o] = b.log[o];
    }
  }
  return committed === null ? state : patchState(state, { ghosts: patchGhosts(state.ghosts, { committed }) });
}

/**
 * The first live broker with a leader role (and offset) serving below its HW a record other than the first one any
 * such broker served there (ghosts.committed, kept by noteCommits), or null: what consumed-prefix-stable forbids.
 */
export function firstServedDifference(state: ReplicationState): { readonly broker: number; readonly offset: number } | null {
  const first = state.ghosts.committed;
  for (let id = 0; id < state.brokers.length; id++) {
    const b = state.brokers[id];
    if (!b.alive || b.role === null) continue;
    for (let o = 0; o < b.highWatermark; o++) if (b.log[o] !== first[o]) return { broker: id, offset: o };
  }
  return null;
}

/**
 * DelayedProduce at broker `id`: each acks=all write it holds completes once its HW passed the record —
 * acknowledged (NONE), or failed with NOT_ENOUGH_REPLICAS_AFTER_APPEND if the maximal ISR fell below min ISR.
 */
export function settleAcks(state: ReplicationState, id: number, config: ReplicationConfig): ReplicationState {
  const g = state.ghosts;
  const b = state.brokers[id];
  if (b.role === null || !g.pendingAcks.includes(id)) return state;
  const minIsr = effectiveMinIsr(config.minInsyncReplicas, config.replicas);
  const maximal = maximalIsr(b.role.isrState).length;
  let pendingAcks: number[] | null = null;
  let acked = g.acked;
  for (let offset = 0; offset < b.highWatermark; offset++) {
    const r = recordId(b.log[offset]) - 1;
    if (g.pendingAcks[r] !== id) continue;
    const outcome = checkEnoughReplicasReachOffset(b.highWatermark, offset + 1, maximal, minIsr);
    if (!outcome.done) continue;
    pendingAcks ??= g.pendingAcks.slice();
    pendingAcks[r] = -1;
    if (outcome.error === 'NONE') acked |= 1 << r;
  }
  return pendingAcks === null ? state : patchState(state, { ghosts: patchGhosts(g, { pendingAcks, acked }) });
}

/** The broker stopped leading (became follower, or went down): its purgatory answers NOT_LEADER_OR_FOLLOWER. */
export function failPendingAcks(g: Ghosts, id: number): Ghosts {
  if (!g.pendingAcks.includes(id)) return g;
  return patchGhosts(g, { pendingAcks: g.pendingAcks.map((holder) => (holder === id ? -1 : holder)) });
}

/** True when some replica's log (alive or not) still holds the record with this id. */
export function anyReplicaHolds(brokers: readonly BrokerState[], id: number): boolean {
  return brokers.some((b) => b.log.some((code) => recordId(code) === id));
}
