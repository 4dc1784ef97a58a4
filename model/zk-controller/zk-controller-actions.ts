// The steps of the ZooKeeper-mode controller model, as plain data named after what Kafka does, and the order in
// which they are offered. A trace of these reads like a protocol log: who read /controller_epoch, who won, whose
// session expired, which controller wrote the partition state, which broker accepted which request.

import type { ControlRequest, ZkControllerConfig, ZkControllerState } from './zk-controller-state.ts';

export type ZkControllerAction =
  /** sequential-node scheme: create this broker's ephemeral sequential election node. */
  | { readonly type: 'CreateElectionNode'; readonly broker: number }
  /** Election step 1: read (or create) /controller_epoch, after seeing /controller absent or its node lowest. */
  | { readonly type: 'ReadControllerEpoch'; readonly broker: number }
  /** Election step 2: the multi (create /controller + CAS epoch), or in the lock recipe an unconditional setData. */
  | { readonly type: 'RegisterController'; readonly broker: number }
  /** ZooKeeper expires the broker's session (GC pause, partition, or a crash); its ephemeral nodes vanish. */
  | { readonly type: 'ExpireSession'; readonly broker: number }
  /** The broker handles the expiry: resigns if it was controller, re-registers, rejoins the election. */
  | { readonly type: 'HandleSessionExpiry'; readonly broker: number }
  | { readonly type: 'CrashBroker'; readonly broker: number }
  | { readonly type: 'RestartBroker'; readonly broker: number }
  /** The (believed) controller elects a new partition leader and writes the partition state to ZooKeeper. */
  | { readonly type: 'ElectPartitionLeader'; readonly controller: number; readonly leader: number }
  /** A LeaderAndIsr/UpdateMetadata request reaches its broker, which fences it or applies it. */
  | ({ readonly type: 'DeliverRequest' } & ControlRequest);

export const ACTION_TYPES = [
  'CreateElectionNode',
  'ReadControllerEpoch',
  'RegisterController',
  'ExpireSession',
  'HandleSessionExpiry',
  'CrashBroker',
  'RestartBroker',
  'ElectPartitionLeader',
  'DeliverRequest',
] as const;

/** Per-broker actions are fixed for a config; requests in flight add one DeliverRequest each. */
export function staticActions(config: ZkControllerConfig): ZkControllerAction[] {
  const out: ZkControllerAction[] = [];
  for (let b = 0; b < config.brokers; b++) {
    if (config.election === 'sequential-node') out.push({ type: 'CreateElectionNode', broker: b });
    out.push({ type: 'ReadControllerEpoch', broker: b }, { type: 'RegisterController', broker: b });
    out.push({ type: 'ExpireSession', broker: b }, { type: 'HandleSessionExpiry', broker: b });
    if (config.crashes > 0) out.push({ type: 'CrashBroker', broker: b }, { type: 'RestartBroker', broker: b });
    for (let leader = 0; leader < config.brokers; leader++) out.push({ type: 'ElectPartitionLeader', controller: b, leader });
  }
  return out;
}

export function enumerateActions(fixed: readonly ZkControllerAction[], state: ZkControllerState): readonly ZkControllerAction[] {
  if (state.network.length === 0) return fixed;
  const out = fixed.slice();
  let previous: ControlRequest | null = null;
  for (const request of state.network) {
    if (previous === null || compareRequests(previous, request) !== 0) out.push({ type: 'DeliverRequest', ...request });
    previous = request;
  }
  return out;
}

export function compareRequests(a: ControlRequest, b: ControlRequest): number {
  return a.to - b.to || a.from - b.from || a.controllerEpoch - b.controllerEpoch || a.leaderEpoch - b.leaderEpoch || a.leader - b.leader || a.brokerEpoch - b.brokerEpoch;
}

export function describeZkAction(a: ZkControllerAction): string {
  switch (a.type) {
    case 'CreateElectionNode':
      return `broker ${a.broker} creates its ephemeral sequential node under /controller_election`;
    case 'ReadControllerEpoch':
      return `broker ${a.broker} sees no controller and reads /controller_epoch`;
    case 'RegisterController':
      return `broker ${a.broker} tries to become controller (register /controller, bump /controller_epoch)`;
    case 'ExpireSession':
      return `ZooKeeper expires broker ${a.broker}'s session (it does not know yet)`;
    case 'HandleSessionExpiry':
      return `broker ${a.broker} handles its session expiry: resigns, re-registers, rejoins the election`;
    case 'CrashBroker':
      return `broker ${a.broker} crashes`;
    case 'RestartBroker':
      return `broker ${a.broker} restarts with a new session and registration`;
    case 'ElectPartitionLeader':
      return `controller ${a.controller} elects broker ${a.leader} leader and writes the partition state to ZooKeeper`;
    case 'DeliverRequest':
      return `broker ${a.to} receives LeaderAndIsr from controller ${a.from} (controller epoch ${a.controllerEpoch}, leader ${a.leader}, leader epoch ${a.leaderEpoch}, broker epoch ${a.brokerEpoch})`;
  }
}
