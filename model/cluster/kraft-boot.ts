// controllerMode=kraft, the initial state: every broker registered and unfenced (epoch 1), the topic created by
// the active controller (epoch 1) from the placer's assignment — buildPartitionRegistration @3.9.0-rc3: ISR = the
// unfenced replicas, leader = ISR[0], epochs 0 — and every broker has replayed it (the snapshot holds it all).

import { partitionRegistration } from '../rules/partition-change/partition-registration.ts';
import type { ClusterConfig } from './cluster-config.ts';
import { initialState, type ClusterState } from './cluster-state.ts';
import { CONTROLLER_NODES, type KraftCluster } from './kraft-metadata.ts';
import { applyToBroker } from './kraft-replay.ts';

export function kraftBootedState(config: ClusterConfig): ClusterState {
  const base = initialState(config);
  const ids = base.brokers.map((_, b) => b);
  const partitions = config.assignment.map((replicas) =>
    partitionRegistration({ replicas, isr: replicas, leader: replicas[0], leaderRecoveryState: 'RECOVERED', leaderEpoch: 0, partitionEpoch: 0 }));
  const kraft: KraftCluster = {
    image: { partitions, brokers: ids.map(() => ({ epoch: 1, fenced: false, inControlledShutdown: false })) },
    tail: [],
    replayed: ids.map(() => 0),
    controllerEpoch: 1,
    controllers: Array.from({ length: CONTROLLER_NODES }, (_, i) => (i === 0 ? 1 : -1)),
    failoversLeft: config.controllerFailovers,
    shutdownOffset: ids.map(() => -1),
    wantShutDown: ids.map(() => false),
    uncleanStop: ids.map(() => false),
    failedUnder: ids.map(() => -1),
    elrElected: false,
  };
  // ZooKeeper is not used: its part of the state stays as initialState left it (no controller, no partitions).
  let s: ClusterState = { ...base, reassignmentSubmitted: config.reassignment === 'none', kraft };
  for (const b of ids) partitions.forEach((reg, p) => {
    s = applyToBroker(config, s, b, p, reg);
  });
  return s;
}
