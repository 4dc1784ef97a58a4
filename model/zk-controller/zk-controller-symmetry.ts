// Symmetry reduction for zk-controller: brokers are interchangeable (every rule quantifies over them; the one
// partition is replicated on all, its ISR never changes), so a state's representative renames broker ids so
// brokers sort by what they hold and believe (a signature leaving other brokers' ids out), ties broken by the
// smallest encoding. The result is in the state's orbit and the same for every state of the orbit.

import type { ControlRequest, ZkControllerState } from './zk-controller-state.ts';
import { compareRequests } from './zk-controller-actions.ts';
import { encodeZkController } from './zk-controller-codec.ts';
import { HASH_SEED, mix, representative } from '../symmetry/representative.ts';

/** Session ids are broker*100 + k (0 = none): renaming a broker renames its sessions. */
const renameSession = (session: number, to: readonly number[]): number => (session === 0 ? 0 : to[Math.floor(session / 100)] * 100 + (session % 100));

/** What a broker looks like with every other broker's id left out, hashed (a collision only makes brokers tie). */
function signature(s: ZkControllerState, b: number): number {
  const x = s.brokers[b];
  const tree = s.zk.tree;
  const p = tree.partitions[0];
  let seq = -1;
  for (const [owner, n] of s.zk.electionNodes) if (owner === b) seq = n;
  let toMe = 0;
  let fromMe = 0;
  for (const r of s.network) {
    if (r.to === b) toMe++;
    if (r.from === b) fromMe++;
  }
  const fields = [
    (x.alive ? 1 : 0) | (x.expiryPending ? 2 : 0) | (x.isController ? 4 : 0),
    x.session % 100,
    x.brokerEpoch,
    x.controllerEpoch,
    x.epochZkVersion,
    x.epochRead ? x.epochRead.epoch : -1,
    x.epochRead ? x.epochRead.version : -1,
    x.seenControllerEpoch,
    x.cache.leader === b ? 1 : x.cache.leader < 0 ? -1 : 0,
    x.cache.leaderEpoch,
    x.cache.controllerEpoch,
    x.maxAppliedEpoch,
    s.zk.sessions[b] % 100,
    s.zk.registrations[b],
    tree.controller?.brokerId === b ? 1 : 0,
    p?.leader === b ? 1 : 0,
    seq,
    toMe,
    fromMe,
  ];
  let h = HASH_SEED;
  for (const f of fields) h = mix(h, f);
  return h;
}

export function canonicalizeZkController(s: ZkControllerState): ZkControllerState {
  const sigs: number[] = new Array(s.brokers.length);
  for (let b = 0; b < sigs.length; b++) sigs[b] = signature(s, b);
  return representative(s, sigs, RENAMING);
}

const RENAMING = { rename: (s: ZkControllerState, to: readonly number[]) => renamed(s, to), encode: encodeZkController };

/** The state with broker i renamed to[i] everywhere it appears (ids, sessions, requests). */
export function renamed(s: ZkControllerState, to: readonly number[]): ZkControllerState {
  const order: number[] = new Array(to.length);
  to.forEach((fresh, old) => (order[fresh] = old));
  const id = (b: number): number => (b < 0 ? b : to[b]);
  const tree = s.zk.tree;
  const request = (r: ControlRequest): ControlRequest => ({ ...r, from: to[r.from], to: to[r.to], leader: id(r.leader) });
  return {
    zk: {
      tree: {
        controller: tree.controller ? { ...tree.controller, brokerId: to[tree.controller.brokerId], ephemeralOwner: tree.controller.ephemeralOwner === null ? null : renameSession(tree.controller.ephemeralOwner, to) } : null,
        controllerEpoch: tree.controllerEpoch,
        partitions: tree.partitions.map((p) => (p ? { ...p, leader: id(p.leader), isr: p.isr.map(id).sort((a, b) => a - b) } : p)),
      },
      sessions: order.map((old) => renameSession(s.zk.sessions[old], to)),
      registrations: order.map((old) => s.zk.registrations[old]),
      electionNodes: s.zk.electionNodes.map(([owner, seq]) => [to[owner], seq] as const),
      nextSeq: s.zk.nextSeq,
    },
    brokers: order.map((old) => {
      const b = s.brokers[old];
      return { ...b, session: renameSession(b.session, to), cache: { ...b.cache, leader: id(b.cache.leader) } };
    }),
    network: s.network.map(request).sort(compareRequests),
    expiriesLeft: s.expiriesLeft,
    crashesLeft: s.crashesLeft,
  };
}
