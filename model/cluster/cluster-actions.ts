// The cluster model's steps as plain data named after what Kafka does, the fixed list offered in every state (next
// decides what is enabled), and how each reads in a trace.

import type { ClusterConfig } from './cluster-config.ts';
import { KRAFT_ONLY_ACTIONS, ZK_ONLY_ACTIONS, kraftActionEnabled } from './kraft-next.ts';

export type ClusterAction =
  | { readonly type: 'ElectController'; readonly broker: number }
  | { readonly type: 'ControllerFailover'; readonly controller: number }
  | { readonly type: 'ProcessBrokerChange'; readonly controller: number }
  | { readonly type: 'ProcessReassignment'; readonly controller: number }
  | { readonly type: 'ExpireSession'; readonly broker: number }
  | { readonly type: 'HandleSessionExpiry'; readonly broker: number }
  | { readonly type: 'CrashBroker'; readonly broker: number }
  | { readonly type: 'RestartBroker'; readonly broker: number }
  | { readonly type: 'ControlledShutdown'; readonly broker: number }
  | { readonly type: 'DeliverRequest'; readonly broker: number }
  | { readonly type: 'Produce'; readonly broker: number; readonly partition: number }
  | { readonly type: 'Fetch'; readonly broker: number; readonly partition: number }
  | { readonly type: 'ShrinkIsr'; readonly broker: number; readonly partition: number; readonly replica: number }
  | { readonly type: 'ExpandIsr'; readonly broker: number; readonly partition: number; readonly replica: number }
  | { readonly type: 'SubmitReassignment' }
  | { readonly type: 'CancelReassignment'; readonly partition: number }
  // controllerMode=kraft (kraft-next.ts)
  | { readonly type: 'ReplayMetadata'; readonly broker: number }
  | { readonly type: 'FenceBroker'; readonly broker: number }
  | { readonly type: 'BrokerHeartbeat'; readonly broker: number }
  | { readonly type: 'ActiveControllerFailover' }
  | { readonly type: 'AutoLeaderRebalance'; readonly controller: number }
  | { readonly type: 'ElectPreferredLeaders'; readonly controller: number };

export const ACTION_TYPES = [
  'ElectController', 'ControllerFailover', 'ProcessBrokerChange', 'ProcessReassignment',
  'ExpireSession', 'HandleSessionExpiry', 'CrashBroker', 'RestartBroker', 'ControlledShutdown', 'DeliverRequest',
  'Produce', 'Fetch', 'ShrinkIsr', 'ExpandIsr', 'SubmitReassignment', 'CancelReassignment',
  'ReplayMetadata', 'FenceBroker', 'BrokerHeartbeat', 'ActiveControllerFailover',
  'AutoLeaderRebalance', 'ElectPreferredLeaders',
] as const;

/** The action types a config can fire (coverage reports the rest as never enabled). */
export function actionTypesFor(config: ClusterConfig): string[] {
  return ACTION_TYPES.filter((t) => {
    if (KRAFT_ONLY_ACTIONS.includes(t)) return kraftActionEnabled(config, t);
    if (config.controllerMode === 'kraft' && ZK_ONLY_ACTIONS.includes(t)) return false;
    if (t === 'ExpireSession' || t === 'HandleSessionExpiry') return config.sessionExpiries > 0;
    if (t === 'CrashBroker') return config.crashes > 0;
    if (t === 'RestartBroker') return config.crashes + config.controlledShutdowns > 0;
    if (t === 'ControlledShutdown') return config.controlledShutdowns > 0;
    if (t === 'SubmitReassignment' || t === 'ProcessReassignment') return config.reassignment !== 'none';
    if (t === 'CancelReassignment') return config.reassignment !== 'none' && config.cancellations > 0;
    if (t === 'AutoLeaderRebalance') return config.autoLeaderRebalance;
    if (t === 'ElectPreferredLeaders') return config.electLeaders > 0;
    return true;
  });
}

export function staticActions(config: ClusterConfig): ClusterAction[] {
  const types = new Set(actionTypesFor(config));
  const out: ClusterAction[] = [];
  const add = (a: ClusterAction) => {
    if (types.has(a.type)) out.push(a);
  };
  for (let b = 0; b < config.brokers; b++) {
    add({ type: 'ElectController', broker: b });
    add({ type: 'ControllerFailover', controller: b });
    add({ type: 'ProcessBrokerChange', controller: b });
    add({ type: 'ProcessReassignment', controller: b });
    add({ type: 'ExpireSession', broker: b });
    add({ type: 'HandleSessionExpiry', broker: b });
    add({ type: 'CrashBroker', broker: b });
    add({ type: 'RestartBroker', broker: b });
    add({ type: 'ControlledShutdown', broker: b });
    add({ type: 'DeliverRequest', broker: b });
    add({ type: 'ReplayMetadata', broker: b });
    add({ type: 'FenceBroker', broker: b });
    add({ type: 'BrokerHeartbeat', broker: b });
    add({ type: 'AutoLeaderRebalance', controller: b });
    add({ type: 'ElectPreferredLeaders', controller: b });
  }
  for (let p = 0; p < config.partitions; p++) {
    for (let b = 0; b < config.brokers; b++) {
      add({ type: 'Produce', broker: b, partition: p });
      add({ type: 'Fetch', broker: b, partition: p });
      for (let r = 0; r < config.brokers; r++) {
        if (r === b) continue;
        add({ type: 'ShrinkIsr', broker: b, partition: p, replica: r });
        add({ type: 'ExpandIsr', broker: b, partition: p, replica: r });
      }
    }
    add({ type: 'CancelReassignment', partition: p });
  }
  add({ type: 'SubmitReassignment' });
  add({ type: 'ActiveControllerFailover' });
  return out;
}

export function describeClusterAction(a: ClusterAction): string {
  switch (a.type) {
    case 'ElectController':
      return `broker ${a.broker} sees no controller and becomes controller (creates /controller, bumps /controller_epoch)`;
    case 'ControllerFailover':
      return `controller ${a.controller} runs its failover: reads the cluster from ZooKeeper, elects leaders for leaderless partitions, resumes reassignments, sends LeaderAndIsr`;
    case 'ProcessBrokerChange':
      return `controller ${a.controller} handles a /brokers/ids change (one election batch for the failed brokers' partitions, ISR removals, LeaderAndIsr to new brokers)`;
    case 'ProcessReassignment':
      return `controller ${a.controller} handles /admin/reassign_partitions`;
    case 'ExpireSession':
      return `ZooKeeper expires broker ${a.broker}'s session (it does not know yet)`;
    case 'HandleSessionExpiry':
      return `broker ${a.broker} handles its session expiry: resigns, re-registers with a new broker epoch`;
    case 'CrashBroker':
      return `broker ${a.broker} crashes`;
    case 'RestartBroker':
      return `broker ${a.broker} restarts and registers again`;
    case 'ControlledShutdown':
      return `broker ${a.broker} shuts down cleanly: the controller moves its leaderships and drops it from ISRs first`;
    case 'DeliverRequest':
      return `broker ${a.broker} handles the next request in its queue from the controller`;
    case 'Produce':
      return `a producer writes a record to broker ${a.broker} for partition ${a.partition} (acks=all)`;
    case 'Fetch':
      return `broker ${a.broker} fetches partition ${a.partition} from its leader`;
    case 'ShrinkIsr':
      return `leader ${a.broker} of partition ${a.partition} asks the controller to drop lagging broker ${a.replica} from the ISR (AlterPartition)`;
    case 'ExpandIsr':
      return `leader ${a.broker} of partition ${a.partition} asks the controller to add caught-up broker ${a.replica} to the ISR (AlterPartition)`;
    case 'SubmitReassignment':
      return 'the admin submits the reassignment (ZooKeeper mode: writes /admin/reassign_partitions; KRaft: AlterPartitionReassignments)';
    case 'CancelReassignment':
      return `the admin cancels the reassignment of partition ${a.partition} (AlterPartitionReassignments, no target)`;
    case 'ReplayMetadata':
      return `broker ${a.broker} replays the next committed metadata record`;
    case 'FenceBroker':
      return `broker ${a.broker}'s heartbeat session times out: the KRaft controller removes it from every ISR and fences it`;
    case 'BrokerHeartbeat':
      return `broker ${a.broker}, caught up to its registration, heartbeats and is unfenced`;
    case 'ActiveControllerFailover':
      return 'the active KRaft controller fails; another voter becomes active at the next epoch and replays the metadata log';
    case 'AutoLeaderRebalance':
      return `controller ${a.controller} runs the auto-leader-rebalance task: preferred-replica elections for imbalanced brokers`;
    case 'ElectPreferredLeaders':
      return `the admin asks controller ${a.controller} to elect preferred leaders (ElectLeaders PREFERRED, every partition)`;
  }
}
