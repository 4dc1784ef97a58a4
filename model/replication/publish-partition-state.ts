// How a controller decision reaches the brokers: ZK sends LeaderAndIsr to the live replicas, KRaft brokers replay
// the partition record from the metadata log. Each broker has one ordered channel (ZK: one RequestSendThread per
// broker; KRaft: the log), so updates arrive in order but arbitrarily late — and a broker may act on a stale one.

import type { PartitionRegistration } from '../rules/partition-change/partition-registration.ts';
import type { ReplicationConfig } from './replication-config.ts';
import { patchBroker, patchState, withBroker, type BrokerState, type PartitionUpdate, type ReplicationState } from './replication-state.ts';

export function updateOf(p: PartitionRegistration): PartitionUpdate {
  return { leader: p.leader, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, isr: p.isr };
}

/** False when a controller change would leave the model's bounds (the step is then not explored). */
export function withinBounds(p: PartitionRegistration, config: ReplicationConfig): boolean {
  return p.leaderEpoch <= config.maxLeaderEpoch && p.partitionEpoch <= config.maxPartitionEpoch;
}

function enqueue(b: BrokerState, u: PartitionUpdate): BrokerState {
  return patchBroker(b, { inbox: b.inbox.concat(u) });
}

/**
 * Installs the controller's new registration and sends it out. A new leader epoch goes to every live replica. An
 * ISR-only change the controller made itself (a follower fenced in KRaft) goes to the leader, which must learn its
 * new ISR and partition epoch; one that answers the leader's own AlterPartition travels in the response instead
 * (followers ignore ISR-only changes: KAFKA-13790's makeFollower restarts nothing for them). `alsoTo` is a broker
 * that just registered and needs the current state either way.
 */
export function publish(
  state: ReplicationState,
  next: PartitionRegistration,
  options: { readonly alsoTo?: number; readonly viaAlterPartition?: boolean } = {},
): ReplicationState {
  const before = state.controller;
  const alsoTo = options.alsoTo ?? -1;
  if (next === before || next.partitionEpoch === before.partitionEpoch) {
    if (alsoTo < 0) return state;
    return withBroker(state, alsoTo, enqueue(state.brokers[alsoTo], updateOf(before)));
  }
  const u = updateOf(next);
  const newEpoch = next.leaderEpoch !== before.leaderEpoch;
  const brokers = state.brokers.map((b, id) => {
    if (!b.alive) return b;
    const send = newEpoch || id === alsoTo || (!options.viaAlterPartition && id === next.leader);
    return send ? enqueue(b, u) : b;
  });
  return patchState(state, { controller: next, brokers });
}
