// controllerMode=kraft, the transition function: the KRaft steps and the broker data path (produce, fetch, ISR
// changes answered by the KRaft controller). ZooKeeper-only steps are disabled here (actionTypesFor drops them).

import type { ClusterAction } from './cluster-actions.ts';
import { expandIsr, produce, shrinkIsr } from './broker-steps.ts';
import { fetch } from './follower-fetch.ts';
import type { ClusterConfig } from './cluster-config.ts';
import type { ClusterState } from './cluster-state.ts';
import { replayNext } from './kraft-replay.ts';
import {
  kraftAlter, kraftCancel, kraftControlledShutdown, kraftCrash, kraftFailover, kraftFence, kraftHeartbeat, kraftRestart, kraftSubmitReassignment,
} from './kraft-steps.ts';

/**
 * The ZooKeeper-only action types (no /controller, no sessions, no LeaderAndIsr queues in KRaft). The preferred-leader
 * steps follow 2.8.0's ZooKeeper controller (preferred-rebalance.ts); KRaft's leader balancer is not modelled.
 */
export const ZK_ONLY_ACTIONS: readonly string[] = ['ElectController', 'ControllerFailover', 'ProcessBrokerChange', 'ProcessReassignment', 'ExpireSession', 'HandleSessionExpiry', 'DeliverRequest', 'AutoLeaderRebalance', 'ElectPreferredLeaders'];
/** The KRaft-only action types. */
export const KRAFT_ONLY_ACTIONS: readonly string[] = ['ReplayMetadata', 'FenceBroker', 'BrokerHeartbeat', 'ActiveControllerFailover'];

/** Whether a KRaft-only type can fire under `config` (coverage reports the rest as never enabled). */
export function kraftActionEnabled(config: ClusterConfig, t: string): boolean {
  if (config.controllerMode !== 'kraft') return false;
  if (t === 'FenceBroker') return config.crashes > 0;
  if (t === 'BrokerHeartbeat') return config.crashes + config.controlledShutdowns > 0;
  if (t === 'ActiveControllerFailover') return config.controllerFailovers > 0;
  return true;
}

export function kraftStep(config: ClusterConfig, s: ClusterState, a: ClusterAction): ClusterState | undefined {
  switch (a.type) {
    case 'ReplayMetadata':
      return replayNext(config, s, a.broker);
    case 'FenceBroker':
      return kraftFence(config, s, a.broker);
    case 'BrokerHeartbeat':
      return kraftHeartbeat(config, s, a.broker);
    case 'ActiveControllerFailover':
      return kraftFailover(s);
    case 'CrashBroker':
      return kraftCrash(s, a.broker);
    case 'RestartBroker':
      return kraftRestart(config, s, a.broker);
    case 'ControlledShutdown':
      return kraftControlledShutdown(config, s, a.broker);
    case 'Produce':
      return produce(config, s, a.broker, a.partition);
    case 'Fetch':
      return fetch(config, s, a.broker, a.partition);
    case 'ShrinkIsr':
      return shrinkIsr(config, s, a.broker, a.partition, a.replica, kraftAlter);
    case 'ExpandIsr':
      return expandIsr(config, s, a.broker, a.partition, a.replica, kraftAlter);
    case 'SubmitReassignment':
      return kraftSubmitReassignment(config, s);
    case 'CancelReassignment':
      return kraftCancel(config, s, a.partition);
    default:
      return undefined;
  }
}

/**
 * A switch that means nothing in the chosen controller mode is refused rather than silently ignored: the
 * ZooKeeper-mode switches under kraft, the KRaft ones under zk. Undefined when the params are consistent.
 */
export function controllerModeMismatch(p: Readonly<Record<string, unknown>>): string | undefined {
  if (p.controllerMode === 'kraft') {
    const zkOnly = [p.failoverReadsZk === false && 'failoverReadsZk', p.partitionCas === false && 'partitionCas', p.reassignmentCompletion === 'adding-in-isr' && 'reassignmentCompletion'].filter(Boolean);
    if (zkOnly.length > 0) return `${zkOnly.join(', ')} ${zkOnly.length === 1 ? 'applies' : 'apply'} to controllerMode=zk only (KRaft's reassignment completion switch is kafka15665)`;
    return undefined;
  }
  const kraftOnly = [p.kip966Elr === true && 'kip966Elr', p.kafka15665 === false && 'kafka15665'].filter(Boolean);
  return kraftOnly.length > 0 ? `${kraftOnly.join(', ')} ${kraftOnly.length === 1 ? 'applies' : 'apply'} to controllerMode=kraft only` : undefined;
}
