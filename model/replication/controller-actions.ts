// Controller steps that are not a broker's lifecycle: handling a leader's AlterPartition request (and the leader
// handling the answer), the auto leader rebalance, and the retry of an election for a leaderless partition.

import { completeAlterPartition } from '../rules/replication/leader-partition.ts';
import { CLOCKLESS_NOW_MS } from '../rules/replication/replica-state.ts';
import { controllerAlterPartition, controllerElectOffline, controllerPreferredElection, controllerReorderReplicas, controllerZnodeRaceWin } from './controller-steps.ts';
import { noteCommits, settleAcks } from './ghosts.ts';
import { clusterView, toLeaderPartition, withLeaderPartition } from './leader-role.ts';
import { publish, withinBounds } from './publish-partition-state.ts';
import { leaderPartitionConfig, type ReplicationConfig } from './replication-config.ts';
import { patchBroker, patchState, withBroker, type BrokerState, type ReplicationState } from './replication-state.ts';

/**
 * The controller validates and applies broker `id`'s AlterPartition (KRaft alterPartition or ZK
 * processAlterPartition), and the leader handles the answer (handleAlterPartitionResponse): commit the new ISR and
 * partition epoch and try the HW, revert, keep waiting, or ignore an answer to a state it has since left. A
 * "retry" error leaves the request in flight.
 */
export function handleAlterPartition(state: ReplicationState, id: number, config: ReplicationConfig): ReplicationState | undefined {
  const b = state.brokers[id];
  const request = b.alterPartition;
  if (request === null || !b.alive) return undefined;
  const { partition, response } = controllerAlterPartition(state, id, request, config);
  if (!withinBounds(partition, config)) return undefined;
  let next = publish(state, partition, { viaAlterPartition: true });
  const leader = next.brokers[id];
  if (leader.role === null) return withBroker(next, id, patchBroker(leader, { alterPartition: null }));
  const handled = completeAlterPartition(
    toLeaderPartition(leader, id, config),
    request.proposal,
    response,
    CLOCKLESS_NOW_MS,
    leaderPartitionConfig(config),
    clusterView(next),
    config.toggles.kafka13091,
  );
  let broker: BrokerState = withLeaderPartition(leader, handled.partition, config.replicas);
  if (handled.outcome !== 'retry') broker = patchBroker(broker, { alterPartition: null });
  next = withBroker(next, id, broker);
  if (next === state) return undefined;
  return noteCommits(settleAcks(next, id, config));
}

/** Auto leader rebalance (auto.leader.rebalance.enable): the preferred replica takes leadership back. */
export function preferredElection(state: ReplicationState, config: ReplicationConfig): ReplicationState | undefined {
  if (!config.preferredElection) return undefined;
  const controller = controllerPreferredElection(state, config);
  if (controller === state.controller || !withinBounds(controller, config)) return undefined;
  return publish(state, controller);
}

/** A leaderless partition is tried again (KRaft: the periodic unclean election; ZK: OnlinePartition change). */
export function electLeaderlessPartition(state: ReplicationState, config: ReplicationConfig): ReplicationState | undefined {
  const controller = controllerElectOffline(state, config);
  if (controller === state.controller || !withinBounds(controller, config)) return undefined;
  return publish(state, controller);
}

/** leaderElection=znode-race: broker `b` wins the race to create the leaderless partition's znode and leads. */
export function winLeaderZnode(state: ReplicationState, b: number, config: ReplicationConfig): ReplicationState | undefined {
  if (config.leaderElection !== 'znode-race') return undefined;
  const controller = controllerZnodeRaceWin(state, b);
  if (controller === state.controller || !withinBounds(controller, config)) return undefined;
  return publish(state, controller);
}

/** An operator makes broker `b` the preferred replica (a reassignment that only reorders); bounded by `reassignments`. */
export function reorderReplicas(state: ReplicationState, b: number, config: ReplicationConfig): ReplicationState | undefined {
  if (state.reassignmentsLeft === 0 || state.controller.replicas[0] === b) return undefined;
  const controller = controllerReorderReplicas(state, b, config);
  if (controller === undefined || controller === state.controller || !withinBounds(controller, config)) return undefined;
  return patchState(publish(state, controller), { reassignmentsLeft: state.reassignmentsLeft - 1 });
}
