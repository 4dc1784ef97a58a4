// Symmetry reduction for zk-controller: brokers are interchangeable (every rule quantifies over them; the one
// partition is replicated on all, its ISR never changes), so a state's representative renames broker ids so
// brokers sort by what they hold and believe (a signature leaving other brokers' ids out), ties broken by the
// smallest encoding. The result is in the state's orbit and the same for every state of the orbit.

import type { ControlRequest, ZkControllerState } from './zk-controller-state.ts';
import { compareRequests } from './zk-controller-actions.ts';
import { encodeZkController } from './zk-controller-codec.ts';

/** Session ids are broker*100 + k (0 = none): renaming a broker renames its sessions. */
const renameSession = (session: number, to: readonly number[]): number => (session === 0 ? 0 : to[Math.floor(session / 100)] * 100 + (session % 100));

/** What a broker looks like with every other broker's id left out. */
function signature(s: ZkControllerState, b: number): number[] {
  const x = s.brokers[b];
  const tree = s.zk.tree;
  const p = tree.partitions[0];
  const node = s.zk.electionNodes.find(([owner]) => owner === b);
  let toMe = 0;
  let fromMe = 0;
  for (const r of s.network) {
    if (r.to === b) toMe++;
    if (r.from === b) fromMe++;
  }
  return [
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
    node ? node[1] : -1,
    toMe,
    fromMe,
  ];
}

function compareSignatures(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

export function canonicalizeZkController(s: ZkControllerState): ZkControllerState {
  const signatures = s.brokers.map((_, b) => signature(s, b));
  // Most states have no two brokers alike and are already sorted: then the state is its own representative.
  let sorted = true;
  for (let b = 1; b < signatures.length && sorted; b++) sorted = compareSignatures(signatures[b - 1], signatures[b]) < 0;
  if (sorted) return s;
  const order = s.brokers.map((_, b) => b).sort((x, y) => compareSignatures(signatures[x], signatures[y]) || x - y);
  // Brokers with equal signatures could go in any order: try each and keep the smallest encoding, so the
  // representative is the same for every state of the orbit (sorted signatures are themselves orbit-invariant).
  const orders = tieOrders(order, (x, y) => compareSignatures(signatures[x], signatures[y]) === 0);
  if (orders.length === 1) return orders[0].every((old, fresh) => old === fresh) ? s : renamed(s, orders[0]);
  let best: ZkControllerState | null = null;
  let bestCode: number[] = [];
  for (const candidate of orders) {
    const image = renamed(s, candidate);
    const code: number[] = [];
    encodeZkController(image, { int: (v) => void code.push(v) });
    if (best === null || lexLess(code, bestCode)) {
      best = image;
      bestCode = code;
    }
  }
  return best as ZkControllerState;
}

/** Every order that permutes runs of tied brokers in `order` among themselves (at most 24 for 4 brokers). */
function tieOrders(order: readonly number[], tied: (x: number, y: number) => boolean): number[][] {
  let anyTie = false;
  for (let i = 1; i < order.length && !anyTie; i++) anyTie = tied(order[i - 1], order[i]);
  if (!anyTie) return [order as number[]];
  let out: number[][] = [[]];
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && tied(order[start], order[end])) end++;
    const run = order.slice(start, end);
    const runOrders = permutationsOf(run);
    out = out.flatMap((prefix) => runOrders.map((r) => [...prefix, ...r]));
    start = end;
  }
  return out;
}

function permutationsOf(items: readonly number[]): number[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((first, i) => permutationsOf([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [first, ...rest]));
}

function lexLess(x: readonly number[], y: readonly number[]): boolean {
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i];
  return x.length < y.length;
}

/** The state with broker `order[i]` renamed to i everywhere it appears (ids, sessions, requests). */
function renamed(s: ZkControllerState, order: readonly number[]): ZkControllerState {
  const to: number[] = new Array(order.length);
  order.forEach((old, fresh) => (to[old] = fresh));
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
