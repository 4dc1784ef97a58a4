// Footprints of the zk-controller steps for --por, over these parts: ZooKeeper's `zk.controller`, `zk.epoch`,
// `zk.partition`, `zk.election` (sequential nodes and the counter), `zk.session.b`, `zk.registration.b`; each
// broker's `broker.b.life` (alive, session, expiry, broker epoch), `broker.b.ctl` (controller role and election
// read) and `broker.b.cache` (what it applied); `chan.b`, the requests in flight to b; and the two fault budgets.

import type { ActionFootprint, PartialOrder } from '../../src/contract/model.ts';
import type { ZkControllerAction } from './zk-controller-actions.ts';

const b = (id: number) => ({ life: `broker.${id}.life`, ctl: `broker.${id}.ctl`, cache: `broker.${id}.cache`, session: `zk.session.${id}`, registration: `zk.registration.${id}`, chan: `chan.${id}` });

function deliverFootprint(to: number): ActionFootprint {
  const x = b(to);
  return { reads: [x.chan, x.life, x.cache], writes: [x.chan, x.cache] };
}

export function zkControllerPartialOrder(brokers: number): PartialOrder<ZkControllerAction> {
  const all = Array.from({ length: brokers }, (_, id) => b(id));
  const footprint = (a: ZkControllerAction): ActionFootprint => {
    switch (a.type) {
      case 'CreateElectionNode': {
        const x = b(a.broker);
        return { reads: [x.life, x.ctl, 'zk.election'], writes: ['zk.election'] };
      }
      case 'ReadControllerEpoch': {
        const x = b(a.broker);
        return { reads: [x.life, x.ctl, 'zk.controller', 'zk.election', 'zk.epoch'], writes: ['zk.epoch', x.ctl] };
      }
      case 'RegisterController': {
        const x = b(a.broker);
        return { reads: [x.life, x.ctl, 'zk.controller', 'zk.epoch'], writes: ['zk.controller', 'zk.epoch', x.ctl] };
      }
      case 'ExpireSession': {
        // expireSession drops /controller if this session owns it, with the registration and the election node.
        const x = b(a.broker);
        return { reads: [x.session, x.life, 'budget.expiries', 'zk.controller', 'zk.election'], writes: ['zk.controller', x.session, x.registration, 'zk.election', 'budget.expiries', x.life] };
      }
      case 'HandleSessionExpiry': {
        const x = b(a.broker);
        return { reads: [x.life], writes: [x.life, x.ctl, x.registration] };
      }
      case 'CrashBroker': {
        const x = b(a.broker);
        return { reads: [x.life, 'budget.crashes'], writes: [x.life, x.ctl, 'budget.crashes'] };
      }
      case 'RestartBroker': {
        const x = b(a.broker);
        return { reads: [x.life, x.session], writes: [x.life, x.cache, x.session, x.registration] };
      }
      case 'ElectPartitionLeader': {
        // Reads every registration (who to send to) and every channel (the in-flight bound); sends to each.
        const x = b(a.controller);
        const registrations = all.map((y) => y.registration);
        const channels = all.map((y) => y.chan);
        return { reads: [x.life, x.ctl, 'zk.partition', 'zk.epoch', ...registrations, ...channels], writes: ['zk.partition', x.ctl, ...channels] };
      }
      case 'DeliverRequest':
        return deliverFootprint(a.to);
    }
  };
  return { footprint, latent: all.map((_, id) => deliverFootprint(id)) };
}

/** The parts each zk-controller property reads (C2: a step writing one of them is visible). */
export function zkPropertyReads(brokers: number) {
  const each = (part: 'ctl' | 'cache') => Array.from({ length: brokers }, (_, id) => b(id)[part]);
  return { controllers: each('ctl'), caches: each('cache'), epoch: ['zk.epoch'], partition: ['zk.partition'] };
}
