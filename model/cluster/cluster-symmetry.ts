// Symmetry reduction for the cluster model (ZooKeeper mode). Brokers are not interchangeable in general: the
// assignment (first replica = preferred leader) and targets name them. A symmetry is a broker permutation π with a
// partition permutation σ mapping each replica list (in order) and target onto σ(p)'s and keeping racks: a group,
// computed once per config; a state's representative is its image of smallest encoding over the group.

import type { ClusterConfig } from './cluster-config.ts';
import { encodeCluster } from './cluster-codec.ts';
import type { Assignment, Broker, ClusterState, ControlRequest, Replica } from './cluster-state.ts';

/** to[b]: broker b's new id; at[p]: partition p's new index. */
export interface Renaming {
  readonly to: readonly number[];
  readonly at: readonly number[];
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((rest) => Array.from({ length: n }, (_, i) => [...rest.slice(0, i), n - 1, ...rest.slice(i)]));
}

const sameList = (x: readonly number[] | null, y: readonly number[] | null): boolean =>
  x === null || y === null ? x === y : x.length === y.length && x.every((v, i) => v === y[i]);

/** Every non-identity renaming that maps the config (assignment, targets, racks) onto itself. */
export function clusterAutomorphisms(config: ClusterConfig): Renaming[] {
  const out: Renaming[] = [];
  const brokerPerms = permutations(config.brokers).filter((to) => to.every((t, b) => config.rackOf[t] === config.rackOf[b]));
  for (const to of brokerPerms) {
    for (const at of permutations(config.partitions)) {
      if (to.every((t, b) => t === b) && at.every((q, p) => q === p)) continue;
      const ok = config.assignment.every((replicas, p) => {
        const target = config.targets[p];
        return sameList(config.assignment[at[p]], replicas.map((b) => to[b])) && sameList(config.targets[at[p]], target === null ? null : target.map((b) => to[b]));
      });
      if (ok) out.push({ to, at });
    }
  }
  return out;
}

/** Session ids are broker*100 + k (0 = none): renaming a broker renames its sessions. */
const session = (id: number, to: readonly number[]): number => (id <= 0 ? id : to[Math.floor(id / 100)] * 100 + (id % 100));

/** The list with index i moved to perm[i]. */
function permuted<T>(items: readonly T[], perm: readonly number[], f: (x: T) => T): T[] {
  const out = new Array<T>(items.length);
  items.forEach((x, i) => (out[perm[i]] = f(x)));
  return out;
}

/** The state with every broker id and partition index renamed; lists keep their order, sets (shuttingDown) re-sort. */
export function renameCluster(s: ClusterState, g: Renaming): ClusterState {
  const id = (b: number): number => (b < 0 ? b : g.to[b]);
  const ids = (xs: readonly number[]): number[] => xs.map(id);
  const assignment = (a: Assignment): Assignment => ({ replicas: ids(a.replicas), adding: ids(a.adding), removing: ids(a.removing) });
  const replica = (r: Replica): Replica => ({
    ...r, leader: id(r.leader), isr: ids(r.isr), replicas: ids(r.replicas), followerLeo: r.followerLeo.length === 0 ? r.followerLeo : permuted(r.followerLeo, g.to, (x) => x),
  });
  const broker = (b: Broker): Broker => ({
    ...b,
    session: session(b.session, g.to),
    controller: b.controller === null ? null : {
      ...b.controller,
      liveEpochs: permuted(b.controller.liveEpochs, g.to, (x) => x),
      shuttingDown: ids(b.controller.shuttingDown).sort((x, y) => x - y),
      partitions: permuted(b.controller.partitions, g.at, (x) => (x === null ? null : { ...x, leader: id(x.leader), isr: ids(x.isr) })),
      assignment: permuted(b.controller.assignment, g.at, assignment),
    },
    replicas: permuted(b.replicas, g.at, replica),
  });
  const request = (r: ControlRequest): ControlRequest => ({
    ...r,
    states: r.states.map((e) => ({ ...e, partition: g.at[e.partition], leader: id(e.leader), isr: ids(e.isr), replicas: ids(e.replicas) })).sort((x, y) => x.partition - y.partition),
  });
  const t = s.zk.tree;
  return {
    ...s,
    zk: {
      tree: {
        ...t,
        controller: t.controller === null ? null : { ...t.controller, brokerId: id(t.controller.brokerId), ephemeralOwner: t.controller.ephemeralOwner === null ? null : session(t.controller.ephemeralOwner, g.to) },
        partitions: permuted(t.partitions, g.at, (n) => (n === null ? null : { ...n, leader: id(n.leader), isr: ids(n.isr) })),
      },
      assignment: permuted(s.zk.assignment, g.at, assignment),
      reassignRequest: permuted(s.zk.reassignRequest, g.at, (x) => (x === null ? null : ids(x))),
      sessions: permuted(s.zk.sessions, g.to, (x) => session(x, g.to)),
      registrations: permuted(s.zk.registrations, g.to, (x) => x),
    },
    brokers: permuted(s.brokers, g.to, broker),
    queues: permuted(s.queues, g.to, (q) => q.map(request)),
    ghosts: { ...s.ghosts, committed: permuted(s.ghosts.committed, g.at, (x) => x), produced: permuted(s.ghosts.produced, g.at, (x) => x) },
  };
}

const code = (s: ClusterState): number[] => {
  const out: number[] = [];
  encodeCluster(s, { int: (v) => void out.push(v) });
  return out;
};

function lexLess(x: readonly number[], y: readonly number[]): boolean {
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i];
  return x.length < y.length;
}

/** The representative: the smallest encoding among the state and its images (the state itself when the group is trivial). */
export function clusterCanonicalizer(config: ClusterConfig): (s: ClusterState) => ClusterState {
  const group = clusterAutomorphisms(config);
  if (group.length === 0) return (s) => s;
  return (s) => {
    let best = s;
    let bestCode = code(s);
    for (const g of group) {
      const image = renameCluster(s, g);
      const c = code(image);
      if (lexLess(c, bestCode)) {
        best = image;
        bestCode = c;
      }
    }
    return best;
  };
}
