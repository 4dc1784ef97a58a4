// What must hold of the cluster as one protocol, each property over every partition, plus witnesses that the
// interleavings the model exists for are reached: a failover that finishes an election, a completed
// reassignment, a failover that resumes one. Names are the (#13).

import type { Property } from '../../src/contract/property.ts';
import { actionProperty, always, sometimes } from '../../src/contract/property.ts';
import type { ClusterAction } from '../../model/cluster/cluster-actions.ts';
import type { ClusterConfig } from '../../model/cluster/cluster-config.ts';
import type { ClusterState } from '../../model/cluster/cluster-state.ts';
import { isBeingReassigned, targetOf } from '../../model/cluster/controller-work.ts';

const isrOf = (s: ClusterState, p: number): readonly number[] => s.zk.tree.partitions[p]?.isr ?? [];

export function clusterProperties(config: ClusterConfig): Property<ClusterState, ClusterAction>[] {
  const parts = Array.from({ length: config.partitions }, (_, p) => p);
  return [
    always<ClusterState>('single-controller-per-epoch', 'No two brokers act as controller with the same controller epoch.', (s) => {
      const epochs = s.brokers.flatMap((b) => (b.controller === null ? [] : [b.controller.epoch]));
      return new Set(epochs).size === epochs.length;
    }),
    actionProperty<ClusterState, ClusterAction>(
      'leader-elected-from-isr',
      'Every new leader ZooKeeper records for a partition was in its ISR (as ZooKeeper held it) before the election.',
      (before, a, after) =>
        parts.every((p) => {
          const was = before.zk.tree.partitions[p] ?? null;
          const now = after.zk.tree.partitions[p] ?? null;
          if (was === null || now === null || now.leader < 0 || now.leader === was.leader) return true;
          // An accepted ISR expansion is written before the reassignment step it may trigger elects.
          const joined = a.type === 'ExpandIsr' && a.partition === p ? [a.replica] : [];
          return was.isr.includes(now.leader) || joined.includes(now.leader);
        }),
    ),
    always<ClusterState>(
      'no-committed-message-loss',
      'Every record below a leader\'s high watermark stays at its offset in every ISR member, so in every later leader.',
      (s) =>
        !s.ghosts.committedOverwritten &&
        parts.every((p) => isrOf(s, p).every((m) => s.ghosts.committed[p].every((e, i) => s.brokers[m].replicas[p].log[i] === e))),
    ),
    always<ClusterState>('isr-subset-of-replicas', 'Every partition\'s ISR in ZooKeeper is a subset of its assigned replicas (RS).', (s) =>
      parts.every((p) => isrOf(s, p).every((m) => s.zk.assignment[p].replicas.includes(m)))),
    always<ClusterState>('replicas-on-distinct-brokers', 'No partition has two replicas on one broker (RS, AR and RR are sets).', (s) =>
      s.zk.assignment.every((a) => [a.replicas, a.adding, a.removing].every((xs) => new Set(xs).size === xs.length))),
    actionProperty<ClusterState, ClusterAction>(
      'reassignment-reaches-target',
      'When a reassignment completes, the replica set is its target and every target replica is in the ISR.',
      (before, a, after) =>
        a.type === 'CancelReassignment' ||
        parts.every((p) => {
          const was = before.zk.assignment[p];
          const now = after.zk.assignment[p];
          if (!isBeingReassigned(was) || isBeingReassigned(now)) return true;
          const target = targetOf(was);
          return JSON.stringify(now.replicas) === JSON.stringify(target) && target.every((r) => isrOf(after, p).includes(r));
        }),
    ),
    actionProperty<ClusterState, ClusterAction>(
      'rf-never-below-min-isr-by-reassignment',
      'A reassignment that drops replicas from the ISR (they left the replica set) leaves at least min(min.insync.replicas, RS) in it.',
      (before, _a, after) =>
        parts.every((p) => {
          const rs = after.zk.assignment[p].replicas;
          const droppedByReassignment = isrOf(before, p).some((m) => !isrOf(after, p).includes(m) && !rs.includes(m));
          return !droppedByReassignment || isrOf(after, p).length >= Math.min(config.minInsyncReplicas, rs.length);
        }),
    ),
    always<ClusterState>(
      'rack-spread-kept',
      'With racks given, every partition\'s target replicas span as many racks as they can (min(RF, racks)).',
      (s) =>
        config.racks === 0 ||
        s.zk.assignment.every((a) => {
          const target = targetOf(a);
          return new Set(target.map((b) => config.rackOf[b])).size >= Math.min(target.length, config.racks);
        }),
    ),
    ...witnesses(config),
  ];
}

/** Witnesses, only those the config can reach (a `holds` preset must reach every one it has). */
function witnesses(config: ClusterConfig): Property<ClusterState, ClusterAction>[] {
  const failover = config.sessionExpiries + config.crashes > 0;
  const reassigning = config.reassignment !== 'none';
  return [
    ...(config.records > 0 ? [sometimes<ClusterState>('record-committed', 'a record is committed on some partition', (s) => s.ghosts.committed.some((c) => c.length > 0))] : []),
    ...(failover
      ? [sometimes<ClusterState>(
          'controller-failover-during-election',
          'a new controller elects the leader of a partition whose leader failed under an earlier controller',
          (s) => s.ghosts.failoverElected,
        )]
      : []),
    ...(reassigning ? [sometimes<ClusterState>('reassignment-completed', 'a reassignment completes (RS = target)', (s) => s.ghosts.reassignmentsDone > 0)] : []),
    ...(reassigning && failover
      ? [sometimes<ClusterState>(
          'reassignment-during-failover',
          'a controller failover happens with a reassignment in flight and the new controller resumes it',
          (s) => s.ghosts.failoverResumedReassignment,
        )]
      : []),
  ];
}
