// The cluster model's transition function: dispatches each action to the step that implements it. Steps return
// undefined when disabled; a step that changes nothing is disabled too, so no state loops to itself.

import type { ClusterAction } from './cluster-actions.ts';
import type { ClusterConfig } from './cluster-config.ts';
import type { ClusterState } from './cluster-state.ts';
import { deliverRequest, expandIsr, produce, shrinkIsr } from './broker-steps.ts';
import { fetch } from './follower-fetch.ts';
import { kraftStep } from './kraft-next.ts';
import { crashBroker, electController, expireSession, handleSessionExpiry, restartBroker, submitReassignment } from './lifecycle-steps.ts';
import { adminElectLeaders, autoLeaderRebalance } from './preferred-rebalance.ts';
import { cancel, controlledShutdown, controllerFailover, processBrokerChange, processZkReassignment } from './zk-controller-events.ts';

function step(config: ClusterConfig, s: ClusterState, a: ClusterAction): ClusterState | undefined {
  switch (a.type) {
    case 'ElectController':
      return electController(s, a.broker);
    case 'ControllerFailover':
      return controllerFailover(config, s, a.controller);
    case 'ProcessBrokerChange':
      return processBrokerChange(config, s, a.controller);
    case 'ProcessReassignment':
      return processZkReassignment(config, s, a.controller);
    case 'ExpireSession':
      return expireSession(s, a.broker);
    case 'HandleSessionExpiry':
      return handleSessionExpiry(s, a.broker);
    case 'CrashBroker':
      return crashBroker(s, a.broker);
    case 'RestartBroker':
      return restartBroker(s, a.broker);
    case 'ControlledShutdown':
      return controlledShutdown(config, s, a.broker);
    case 'DeliverRequest':
      return deliverRequest(s, a.broker);
    case 'Produce':
      return produce(config, s, a.broker, a.partition);
    case 'Fetch':
      return fetch(config, s, a.broker, a.partition);
    case 'ShrinkIsr':
      return shrinkIsr(config, s, a.broker, a.partition, a.replica);
    case 'ExpandIsr':
      return expandIsr(config, s, a.broker, a.partition, a.replica);
    case 'SubmitReassignment':
      return submitReassignment(config, s);
    case 'CancelReassignment':
      return cancel(config, s, a.partition);
    case 'ReplayMetadata':
    case 'FenceBroker':
    case 'BrokerHeartbeat':
    case 'ActiveControllerFailover':
      return undefined; // controllerMode=kraft only (kraft-next.ts)
    case 'AutoLeaderRebalance':
      return autoLeaderRebalance(config, s, a.controller);
    case 'ElectPreferredLeaders':
      return adminElectLeaders(config, s, a.controller);
    default: {
      const never: never = a;
      return never;
    }
  }
}

export function clusterNext(config: ClusterConfig, s: ClusterState, a: ClusterAction): ClusterState | undefined {
  const next = config.controllerMode === 'kraft' ? kraftStep(config, s, a) : step(config, s, a);
  return next === s ? undefined : next;
}
