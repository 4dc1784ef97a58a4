// How a zk-controller state is fingerprinted (a flat list of integers, no strings) and how it reads in traces
// (named variables: what ZooKeeper holds, what each broker believes, the requests in flight).

import type { StateReader, StateWriter, TraceValue } from '../../src/contract/model.ts';
import type { BrokerState, ControlRequest, ZkControllerState } from './zk-controller-state.ts';

export function encodeZkController(s: ZkControllerState, out: StateWriter): void {
  const tree = s.zk.tree;
  out.int(tree.controller ? tree.controller.brokerId : -1);
  out.int(tree.controller ? (tree.controller.ephemeralOwner ?? -1) : -1);
  out.int(tree.controllerEpoch ? tree.controllerEpoch.epoch : -1);
  out.int(tree.controllerEpoch ? tree.controllerEpoch.version : -1);
  const p = tree.partitions[0];
  if (p) {
    let isr = 0;
    for (const r of p.isr) isr |= 1 << r;
    out.int(p.leader);
    out.int(p.leaderEpoch);
    out.int(isr);
    out.int(p.controllerEpoch);
    out.int(p.version);
  }
  for (const session of s.zk.sessions) out.int(session);
  for (const epoch of s.zk.registrations) out.int(epoch);
  out.int(s.zk.electionNodes.length);
  for (const [owner, seq] of s.zk.electionNodes) {
    out.int(owner);
    out.int(seq);
  }
  out.int(s.zk.nextSeq);
  for (const b of s.brokers) {
    out.int((b.alive ? 1 : 0) | (b.expiryPending ? 2 : 0) | (b.isController ? 4 : 0) | (b.watchLost ? 8 : 0));
    out.int(b.session);
    out.int(b.brokerEpoch);
    out.int(b.controllerEpoch);
    out.int(b.epochZkVersion);
    out.int(b.epochRead ? b.epochRead.epoch : -1);
    out.int(b.epochRead ? b.epochRead.version : -1);
    out.int(b.seenControllerEpoch);
    out.int(b.cache.leader);
    out.int(b.cache.leaderEpoch);
    out.int(b.cache.controllerEpoch);
    out.int(b.maxAppliedEpoch);
  }
  out.int(s.network.length);
  for (const r of s.network) {
    out.int(r.from);
    out.int(r.to);
    out.int(r.controllerEpoch);
    out.int(r.brokerEpoch);
    out.int(r.leader);
    out.int(r.leaderEpoch);
  }
  out.int(s.expiriesLeft);
  out.int(s.crashesLeft);
}

/**
 * The inverse of encodeZkController for `brokers` brokers, so the BFS frontier is packed (and --workers can run):
 * the model always has its one partition, only ZK brokers register /controller (an ephemeral owner, no KRaft
 * epoch), and the partition stays RECOVERED (no unclean election is modelled).
 */
export function decodeZkController(input: StateReader, brokers: number): ZkControllerState {
  const controllerId = input.int();
  const owner = input.int();
  const epoch = input.int();
  const epochVersion = input.int();
  const leader = input.int();
  const leaderEpoch = input.int();
  const isrBits = input.int();
  const partitionControllerEpoch = input.int();
  const partitionVersion = input.int();
  const isr: number[] = [];
  for (let b = 0; b < 31; b++) if (isrBits & (1 << b)) isr.push(b);
  const sessions = Array.from({ length: brokers }, () => input.int());
  const registrations = Array.from({ length: brokers }, () => input.int());
  const nodes = input.int();
  const electionNodes = Array.from({ length: nodes }, () => {
    const nodeOwner = input.int();
    return [nodeOwner, input.int()] as const;
  });
  const nextSeq = input.int();
  const states = Array.from({ length: brokers }, (): BrokerState => {
    const flags = input.int();
    const session = input.int();
    const brokerEpoch = input.int();
    const controllerEpoch = input.int();
    const epochZkVersion = input.int();
    const readEpoch = input.int();
    const readVersion = input.int();
    const seenControllerEpoch = input.int();
    const cacheLeader = input.int();
    const cacheLeaderEpoch = input.int();
    const cacheControllerEpoch = input.int();
    const maxAppliedEpoch = input.int();
    return {
      alive: (flags & 1) !== 0,
      session,
      expiryPending: (flags & 2) !== 0,
      brokerEpoch,
      isController: (flags & 4) !== 0,
      controllerEpoch,
      epochZkVersion,
      epochRead: readEpoch < 0 ? null : { epoch: readEpoch, version: readVersion },
      seenControllerEpoch,
      cache: { leader: cacheLeader, leaderEpoch: cacheLeaderEpoch, controllerEpoch: cacheControllerEpoch },
      maxAppliedEpoch,
      // Only the liveness variant (watchReregistration=false) ever sets it; absent means false.
      ...((flags & 8) !== 0 ? { watchLost: true } : {}),
    };
  });
  const inFlight = input.int();
  const network = Array.from({ length: inFlight }, (): ControlRequest => {
    const from = input.int();
    const to = input.int();
    const controllerEpoch = input.int();
    const brokerEpoch = input.int();
    const requestLeader = input.int();
    return { from, to, controllerEpoch, brokerEpoch, leader: requestLeader, leaderEpoch: input.int() };
  });
  const expiriesLeft = input.int();
  const crashesLeft = input.int();
  return {
    zk: {
      tree: {
        controller: controllerId < 0 ? null : { brokerId: controllerId, ephemeralOwner: owner, kraftEpoch: null },
        controllerEpoch: epoch < 0 ? null : { epoch, version: epochVersion },
        partitions: [{ leader, leaderEpoch, isr, leaderRecoveryState: 'RECOVERED', controllerEpoch: partitionControllerEpoch, version: partitionVersion }],
      },
      sessions,
      registrations,
      electionNodes,
      nextSeq,
    },
    brokers: states,
    network,
    expiriesLeft,
    crashesLeft,
  };
}

export function zkControllerVariables(s: ZkControllerState, sequential: boolean): Record<string, TraceValue> {
  const tree = s.zk.tree;
  const p = tree.partitions[0];
  const zookeeper: Record<string, TraceValue> = {
    controller: tree.controller ? `broker ${tree.controller.brokerId} (session ${tree.controller.ephemeralOwner})` : 'absent',
    controllerEpoch: tree.controllerEpoch ? `${tree.controllerEpoch.epoch} (zkVersion ${tree.controllerEpoch.version})` : 'absent',
    partitionState: p ? `leader ${p.leader}, leaderEpoch ${p.leaderEpoch}, written by controller epoch ${p.controllerEpoch}, zkVersion ${p.version}` : 'absent',
    sessions: s.zk.sessions.map((id) => (id === 0 ? 'none' : id)),
    brokerRegistrations: s.zk.registrations.map((e) => (e < 0 ? 'none' : `epoch ${e}`)),
  };
  if (sequential) zookeeper.electionNodes = s.zk.electionNodes.map(([owner, seq]) => `n_${String(seq).padStart(4, '0')} (broker ${owner})`);
  return {
    zookeeper,
    brokers: s.brokers.map((b, id) => ({
      id,
      alive: b.alive,
      session: b.session,
      expiryUnhandled: b.expiryPending,
      believesController: b.isController,
      controllerEpoch: b.isController ? b.controllerEpoch : 'n/a',
      epochZkVersion: b.isController ? b.epochZkVersion : 'n/a',
      electionRead: b.epochRead ? `epoch ${b.epochRead.epoch} @ zkVersion ${b.epochRead.version}` : 'none',
      brokerEpoch: b.brokerEpoch,
      seenControllerEpoch: b.seenControllerEpoch,
      metadata: `leader ${b.cache.leader}, leaderEpoch ${b.cache.leaderEpoch} (from controller epoch ${b.cache.controllerEpoch})`,
    })),
    inFlight: s.network.map((r) => `LeaderAndIsr ${r.from}→${r.to} (controller epoch ${r.controllerEpoch}, leader ${r.leader}, leader epoch ${r.leaderEpoch}, broker epoch ${r.brokerEpoch})`),
  };
}
