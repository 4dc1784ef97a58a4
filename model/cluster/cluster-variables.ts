// How a cluster state reads in traces and reports: what ZooKeeper holds (controller, epoch, per-partition state,
// assignment and reassignment), per broker its role and its replicas (log as "e1 e1" = records by leader epoch),
// the request queues, and the ghost history of committed records.

import type { TraceValue } from '../../src/contract/model.ts';
import { kraftVariables } from './kraft-view.ts';
import type { Assignment, ClusterState, Replica } from './cluster-state.ts';

const ids = (xs: readonly number[]): string => `[${xs.join(', ')}]`;
const assignmentText = (a: Assignment): string =>
  a.adding.length === 0 && a.removing.length === 0 ? ids(a.replicas) : `${ids(a.replicas)} adding ${ids(a.adding)} removing ${ids(a.removing)}`;
const logText = (log: readonly number[]): string => (log.length === 0 ? '(empty)' : log.map((e) => `e${e}`).join(' '));

function replicaText(b: number, r: Replica): string {
  if (r.leaderEpoch < 0) return r.log.length === 0 ? 'no replica' : `no replica (log on disk: ${logText(r.log)})`;
  const fetched = r.followerLeo.flatMap((leo, f) => (f === b || leo < 0 ? [] : [`${f}@${leo}`]));
  const role = r.leader === b ? `leader, ISR ${ids(r.isr)}, HW ${r.hw}, followers fetched ${fetched.length === 0 ? 'none' : fetched.join(' ')}` : `follower of ${r.leader}`;
  return `${role}, epoch ${r.leaderEpoch}, log ${logText(r.log)}`;
}

export function clusterVariables(s: ClusterState): Record<string, TraceValue> {
  const t = s.zk.tree;
  const zookeeper: Record<string, TraceValue> = {
    controller: t.controller ? `broker ${t.controller.brokerId}` : 'absent',
    controllerEpoch: t.controllerEpoch ? `${t.controllerEpoch.epoch} (zkVersion ${t.controllerEpoch.version})` : 'absent',
    partitions: t.partitions.map((n, p) =>
      n === null ? `p${p}: not created` : `p${p}: leader ${n.leader}, epoch ${n.leaderEpoch}, ISR ${ids(n.isr)} (controller epoch ${n.controllerEpoch}, zkVersion ${n.version})`),
    assignment: s.zk.assignment.map((a, p) => `p${p}: ${assignmentText(a)}`),
    reassignPartitions: s.zk.reassignRequest.flatMap((x, p) => (x === null ? [] : [`p${p} → ${ids(x)}`])),
    brokerRegistrations: s.zk.registrations.map((e) => (e < 0 ? 'none' : `epoch ${e}`)),
  };
  return {
    // controllerMode=kraft: the metadata log takes ZooKeeper's place (ZooKeeper's part is unused there).
    ...(s.kraft === null ? { zookeeper } : { metadata: kraftVariables(s.kraft) }),
    brokers: s.brokers.map((b, id) => ({
      id,
      alive: b.alive,
      expiryUnhandled: b.expiryPending,
      brokerEpoch: b.brokerEpoch,
      controller: b.controller === null ? 'no' : `epoch ${b.controller.epoch}${b.controller.initialized ? '' : ' (failover pending)'}`,
      replicas: b.replicas.map((r, p) => `p${p}: ${replicaText(id, r)}`),
    })),
    queues: s.queues.map((q, b) =>
      q.map((r) => `→${b} (controller epoch ${r.controllerEpoch}) ${r.states.map((e) => (e.stop ? `StopReplica p${e.partition}` : `p${e.partition} leader ${e.leader} epoch ${e.leaderEpoch} ISR ${ids(e.isr)}`)).join('; ')}`)),
    committed: s.ghosts.committed.map((c, p) => `p${p}: ${logText(c)}`),
  };
}
