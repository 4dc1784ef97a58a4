// What must hold of ZooKeeper-mode controller failover, each citing the Kafka rule it checks, plus witnesses that
// the interesting situations (a failover, a zombie controller) are reachable so passing is not vacuous.

import type { Property } from '../../src/contract/property.ts';
import { actionProperty, always, sometimes } from '../../src/contract/property.ts';
import type { ZkControllerAction } from '../../model/zk-controller/zk-controller-actions.ts';
import type { ZkControllerState } from '../../model/zk-controller/zk-controller-state.ts';
import { zkPropertyReads } from '../../model/zk-controller/zk-controller-footprint.ts';

const zkEpoch = (s: ZkControllerState): number => s.zk.tree.controllerEpoch?.epoch ?? 0;

/** `brokers` only sizes the state parts each property declares it reads (for --por). */
export function zkControllerProperties(brokers: number): Property<ZkControllerState, ZkControllerAction>[] {
  const r = zkPropertyReads(brokers);
  return [
    always<ZkControllerState>(
      'single-controller-per-epoch',
      'No two brokers act as controller with the same controller epoch (the epoch is what fences a zombie).',
      (s) => {
        const epochs = s.brokers.filter((b) => b.isController).map((b) => b.controllerEpoch);
        return new Set(epochs).size === epochs.length;
      },
      r.controllers,
    ),
    actionProperty<ZkControllerState, ZkControllerAction>(
      'controller-epoch-monotonic',
      'The controller epoch in /controller_epoch never decreases (each election moves it forward by one).',
      (before, _a, after) => zkEpoch(after) >= zkEpoch(before),
      r.epoch,
    ),
    actionProperty<ZkControllerState, ZkControllerAction>(
      'no-stale-controller-write',
      'Every partition-state write ZooKeeper accepts comes from the controller of the current epoch (KAFKA-6082).',
      (before, a, after) => {
        if (a.type !== 'ElectPartitionLeader' || after.zk.tree.partitions[0] === before.zk.tree.partitions[0]) return true;
        return before.brokers[a.controller].controllerEpoch === zkEpoch(before);
      },
      [...r.partition, ...r.epoch, ...r.controllers],
    ),
    actionProperty<ZkControllerState, ZkControllerAction>(
      'brokers-reject-stale-controller',
      'A broker never applies a controller request whose controller epoch is below one it has already applied (STALE_CONTROLLER_EPOCH; KIP-380 across restarts).',
      (before, a, after) => {
        if (a.type !== 'DeliverRequest' || after.brokers[a.to] === before.brokers[a.to]) return true;
        return a.controllerEpoch >= before.brokers[a.to].maxAppliedEpoch;
      },
      r.caches,
    ),
    sometimes<ZkControllerState>('controller-elected', 'some broker becomes controller', (s) => s.brokers.some((b) => b.isController), r.controllers),
    sometimes<ZkControllerState>(
      'controller-failover',
      'a second controller is elected after the first one lost its session',
      (s) => zkEpoch(s) >= 2 && s.brokers.some((b) => b.isController && b.controllerEpoch === zkEpoch(s)),
      [...r.epoch, ...r.controllers],
    ),
    sometimes<ZkControllerState>(
      'zombie-controller',
      'a broker still believes it is controller after a newer controller epoch was registered',
      (s) => s.brokers.some((b) => b.isController && b.controllerEpoch < zkEpoch(s)),
      [...r.epoch, ...r.controllers],
    ),
    sometimes<ZkControllerState>('partition-leader-moved', 'a controller wrote a new partition leader', (s) => (s.zk.tree.partitions[0]?.leaderEpoch ?? 0) >= 1, r.partition),
  ];
}
