// The cluster state as 32-bit integers (what the visited set fingerprints) and back (`decode`, so the BFS
// frontier and the parallel explorer's threads hold states packed). Lists keep their order: ISR order is
// significant to Kafka's elections. decode(encode(s)) deep-equals s (pinned in the tests).

import type { StateReader, StateWriter } from '../../src/contract/model.ts';
import type { LeaderAndIsr } from '../rules/zk/zk-state.ts';
import { decodeKraft, encodeKraft, list, readList } from './kraft-codec.ts';
import type { Assignment, Broker, ClusterState, ControlRequest, ControllerContext, Replica } from './cluster-state.ts';

const assignment = (out: StateWriter, a: Assignment): void => {
  list(out, a.replicas);
  list(out, a.adding);
  list(out, a.removing);
};
const readAssignment = (r: StateReader): Assignment => ({ replicas: readList(r), adding: readList(r), removing: readList(r) });
const lai = (out: StateWriter, x: LeaderAndIsr | null): void => {
  if (x === null) return out.int(-9);
  out.int(x.leader);
  out.int(x.leaderEpoch);
  list(out, x.isr);
  out.int(x.partitionEpoch);
};
const readLai = (r: StateReader): LeaderAndIsr | null => {
  const leader = r.int();
  if (leader === -9) return null;
  return { leader, leaderEpoch: r.int(), isr: readList(r), leaderRecoveryState: 'RECOVERED', partitionEpoch: r.int() };
};

function encodeBroker(out: StateWriter, b: Broker): void {
  out.int((b.alive ? 1 : 0) | (b.expiryPending ? 2 : 0));
  out.int(b.session);
  out.int(b.brokerEpoch);
  out.int(b.epochRead ? b.epochRead.epoch : -1);
  out.int(b.epochRead ? b.epochRead.version : -1);
  out.int(b.seenControllerEpoch);
  const c = b.controller;
  out.int(c === null ? 0 : c.initialized ? 2 : 1);
  if (c !== null) {
    out.int(c.epoch);
    out.int(c.epochZkVersion);
    list(out, c.liveEpochs);
    list(out, c.shuttingDown);
    for (const p of c.partitions) lai(out, p);
    for (const a of c.assignment) assignment(out, a);
  }
  for (const r of b.replicas) {
    out.int(r.leaderEpoch);
    out.int(r.leader);
    list(out, r.isr);
    list(out, r.replicas);
    out.int(r.zkVersion);
    list(out, r.log);
    out.int(r.hw);
    list(out, r.followerLeo);
  }
}

function decodeBroker(r: StateReader, partitions: number): Broker {
  const flags = r.int();
  const session = r.int();
  const brokerEpoch = r.int();
  const readEpoch = r.int();
  const readVersion = r.int();
  const seenControllerEpoch = r.int();
  const kind = r.int();
  let controller: ControllerContext | null = null;
  if (kind !== 0) {
    const epoch = r.int();
    const epochZkVersion = r.int();
    const liveEpochs = readList(r);
    const shuttingDown = readList(r);
    const parts: (LeaderAndIsr | null)[] = [];
    for (let p = 0; p < partitions; p++) parts.push(readLai(r));
    const assignments: Assignment[] = [];
    for (let p = 0; p < partitions; p++) assignments.push(readAssignment(r));
    controller = { epoch, epochZkVersion, initialized: kind === 2, liveEpochs, shuttingDown, partitions: parts, assignment: assignments };
  }
  const replicas: Replica[] = [];
  for (let p = 0; p < partitions; p++) {
    replicas.push({ leaderEpoch: r.int(), leader: r.int(), isr: readList(r), replicas: readList(r), zkVersion: r.int(), log: readList(r), hw: r.int(), followerLeo: readList(r) });
  }
  const epochRead = readEpoch === -1 ? null : { epoch: readEpoch, version: readVersion };
  return { alive: (flags & 1) !== 0, session, expiryPending: (flags & 2) !== 0, brokerEpoch, epochRead, controller, seenControllerEpoch, replicas };
}

export function encodeCluster(s: ClusterState, out: StateWriter): void {
  const t = s.zk.tree;
  out.int(t.controller ? t.controller.brokerId : -1);
  out.int(t.controller ? (t.controller.ephemeralOwner ?? -1) : -1);
  out.int(t.controllerEpoch ? t.controllerEpoch.epoch : -1);
  out.int(t.controllerEpoch ? t.controllerEpoch.version : -1);
  for (const n of t.partitions) {
    if (n === null) {
      out.int(-9);
      continue;
    }
    out.int(n.leader);
    out.int(n.leaderEpoch);
    list(out, n.isr);
    out.int(n.controllerEpoch);
    out.int(n.version);
  }
  for (const a of s.zk.assignment) assignment(out, a);
  for (const t2 of s.zk.reassignRequest) {
    if (t2 === null) out.int(-1);
    else list(out, t2);
  }
  list(out, s.zk.sessions);
  list(out, s.zk.registrations);
  for (const b of s.brokers) encodeBroker(out, b);
  for (const q of s.queues) {
    out.int(q.length);
    for (const req of q) {
      out.int(req.controllerEpoch);
      out.int(req.brokerEpoch);
      out.int(req.states.length);
      for (const e of req.states) {
        out.int(e.partition);
        out.int(e.leader);
        out.int(e.leaderEpoch);
        list(out, e.isr);
        list(out, e.replicas);
        out.int(e.zkVersion);
        out.int(e.stop ? 1 : 0);
      }
    }
  }
  out.int(s.expiriesLeft);
  out.int(s.crashesLeft);
  out.int(s.shutdownsLeft);
  out.int(s.cancellationsLeft);
  out.int(s.reassignmentSubmitted ? 1 : 0);
  const g = s.ghosts;
  for (const c of g.committed) list(out, c);
  list(out, g.produced);
  out.int((g.failoverElected ? 1 : 0) | (g.failoverResumedReassignment ? 2 : 0) | (g.committedOverwritten ? 4 : 0));
  out.int(g.reassignmentsDone);
  out.int(s.electLeadersLeft);
  out.int((g.preferredRestored ? 1 : 0) | (g.futilePreferredElection ? 2 : 0));
  encodeKraft(out, s.kraft);
}

export function decodeCluster(r: StateReader, brokers: number, partitions: number): ClusterState {
  const brokerId = r.int();
  const owner = r.int();
  const epoch = r.int();
  const version = r.int();
  const nodes = [];
  for (let p = 0; p < partitions; p++) {
    const leader = r.int();
    if (leader === -9) nodes.push(null);
    else nodes.push({ leader, leaderEpoch: r.int(), isr: readList(r), leaderRecoveryState: 'RECOVERED' as const, controllerEpoch: r.int(), version: r.int() });
  }
  const tree = {
    controller: brokerId === -1 ? null : { brokerId, ephemeralOwner: owner === -1 ? null : owner, kraftEpoch: null },
    controllerEpoch: epoch === -1 ? null : { epoch, version },
    partitions: nodes,
  };
  const assignments: Assignment[] = [];
  for (let p = 0; p < partitions; p++) assignments.push(readAssignment(r));
  const reassignRequest: (number[] | null)[] = [];
  for (let p = 0; p < partitions; p++) {
    const n = r.int();
    const xs: number[] = [];
    for (let i = 0; i < n; i++) xs.push(r.int());
    reassignRequest.push(n === -1 ? null : xs);
  }
  const zk = { tree, assignment: assignments, reassignRequest, sessions: readList(r), registrations: readList(r) };
  const bs: Broker[] = [];
  for (let b = 0; b < brokers; b++) bs.push(decodeBroker(r, partitions));
  const queues: ControlRequest[][] = [];
  for (let b = 0; b < brokers; b++) {
    const q: ControlRequest[] = [];
    const n = r.int();
    for (let i = 0; i < n; i++) {
      const controllerEpoch = r.int();
      const brokerEpoch = r.int();
      const m = r.int();
      const states = [];
      for (let j = 0; j < m; j++) states.push({ partition: r.int(), leader: r.int(), leaderEpoch: r.int(), isr: readList(r), replicas: readList(r), zkVersion: r.int(), stop: r.int() === 1 });
      q.push({ controllerEpoch, brokerEpoch, states });
    }
    queues.push(q);
  }
  const expiriesLeft = r.int();
  const crashesLeft = r.int();
  const shutdownsLeft = r.int();
  const cancellationsLeft = r.int();
  const reassignmentSubmitted = r.int() === 1;
  const committed: number[][] = [];
  for (let p = 0; p < partitions; p++) committed.push(readList(r));
  const produced = readList(r);
  const flags = r.int();
  const reassignmentsDone = r.int();
  const electLeadersLeft = r.int();
  const preferred = r.int();
  const kraft = decodeKraft(r, brokers);
  return {
    zk, brokers: bs, queues, expiriesLeft, crashesLeft, shutdownsLeft, cancellationsLeft, reassignmentSubmitted, electLeadersLeft,
    ghosts: {
      committed, produced, failoverElected: (flags & 1) !== 0, reassignmentsDone, failoverResumedReassignment: (flags & 2) !== 0, committedOverwritten: (flags & 4) !== 0,
      preferredRestored: (preferred & 1) !== 0, futilePreferredElection: (preferred & 2) !== 0,
    },
    kraft,
  };
}
