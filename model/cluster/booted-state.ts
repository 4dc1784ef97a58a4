// The model's initial state: the cluster as broker 0 booted it, computed with the model's own steps — broker 0 is
// elected controller (epoch 1), its failover creates the topic from the placer's assignment (leader = first
// replica, ISR = all replicas) and every LeaderAndIsr is delivered. Starting here, and not before the boot-time
// /controller race, keeps the state space for the failures that follow (the race is zk-controller's subject).

import { deliverRequest } from './broker-steps.ts';
import type { ClusterConfig } from './cluster-config.ts';
import { initialState, type ClusterState } from './cluster-state.ts';
import { kraftBootedState } from './kraft-boot.ts';
import { electController } from './lifecycle-steps.ts';
import { controllerFailover } from './zk-controller-events.ts';

export function bootedState(config: ClusterConfig): ClusterState {
  if (config.controllerMode === 'kraft') return kraftBootedState(config);
  const elected = electController(initialState(config), 0);
  let s = elected === undefined ? undefined : controllerFailover(config, elected, 0);
  if (s === undefined) throw new Error('cluster boot failed: broker 0 could not become controller and create the topic');
  for (let b = 0; b < config.brokers; b++) {
    while (s.queues[b].length > 0) s = deliverRequest(s, b) ?? s;
  }
  return s;
}
