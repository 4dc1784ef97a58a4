// The zk-controller state with its real types for the ITF trace: ZooKeeper's znodes as records (null when
// absent), sessions and registrations as #map from broker id, the ISR as #set, each broker's beliefs as a record
// and the requests in flight as a list of records. Display strings stay in zkControllerVariables.

import type { TraceValue } from '../../src/contract/model.ts';
import type { ZkControllerState } from './zk-controller-state.ts';

const byBroker = (xs: readonly number[]): TraceValue => ({ '#map': xs.map((x, b) => [b, x]) });

export function zkControllerItfState(s: ZkControllerState): Record<string, TraceValue> {
  const t = s.zk.tree;
  return {
    zookeeper: {
      controller: t.controller ? { brokerId: t.controller.brokerId, ephemeralOwner: t.controller.ephemeralOwner } : null,
      controllerEpoch: t.controllerEpoch ? { epoch: t.controllerEpoch.epoch, zkVersion: t.controllerEpoch.version } : null,
      partitions: t.partitions.map((p) =>
        p ? { leader: p.leader, leaderEpoch: p.leaderEpoch, isr: { '#set': [...p.isr].sort((a, b) => a - b) }, controllerEpoch: p.controllerEpoch, zkVersion: p.version } : null,
      ),
      sessions: byBroker(s.zk.sessions),
      registrations: byBroker(s.zk.registrations),
      electionNodes: s.zk.electionNodes.map(([owner, seq]) => ({ '#tup': [owner, seq] })),
    },
    brokers: s.brokers.map((b, id) => ({
      id,
      alive: b.alive,
      session: b.session,
      expiryPending: b.expiryPending,
      brokerEpoch: b.brokerEpoch,
      isController: b.isController,
      controllerEpoch: b.controllerEpoch,
      epochZkVersion: b.epochZkVersion,
      epochRead: b.epochRead ? { epoch: b.epochRead.epoch, zkVersion: b.epochRead.version } : null,
      seenControllerEpoch: b.seenControllerEpoch,
      cache: { leader: b.cache.leader, leaderEpoch: b.cache.leaderEpoch, controllerEpoch: b.cache.controllerEpoch },
    })),
    network: s.network.map((r) => ({ from: r.from, to: r.to, controllerEpoch: r.controllerEpoch, brokerEpoch: r.brokerEpoch, leader: r.leader, leaderEpoch: r.leaderEpoch })),
    budgets: { sessionExpiries: s.expiriesLeft, crashes: s.crashesLeft },
  };
}
