// How a zk-controller state is fingerprinted (a flat list of integers, no strings) and how it reads in traces
// (named variables: what ZooKeeper holds, what each broker believes, the requests in flight).

import type { StateWriter, TraceValue } from '../../src/contract/model.ts';
import type { ZkControllerState } from './zk-controller-state.ts';

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
