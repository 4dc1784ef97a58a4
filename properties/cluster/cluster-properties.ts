// What must hold of the cluster as one protocol, each property over every partition, plus witnesses that the
// interleavings the model exists for are reached (a failover that finishes an election, a completed or resumed
// reassignment, a leader back on its preferred replica). Names are the (#13); preferredProperties keeps
// preferred-leader rebalancing (model/cluster/preferred-*.ts): the preferred replica only, from ZooKeeper's ISR.

import type { Property } from '../../src/contract/property.ts';
import { actionProperty, always, sometimes } from '../../src/contract/property.ts';
import type { ClusterAction } from '../../model/cluster/cluster-actions.ts';
import type { ClusterConfig } from '../../model/cluster/cluster-config.ts';
import type { ClusterState } from '../../model/cluster/cluster-state.ts';
import { isBeingReassigned, targetOf } from '../../model/cluster/controller-work.ts';
import { actingControllerEpochs, partitionViews, type PartitionView } from '../../model/cluster/kraft-view.ts';

// Both controller modes: the partition as ZooKeeper (zk) or the committed metadata log (kraft) holds it.
const isrOf = (s: ClusterState, p: number): readonly number[] => partitionViews(s)[p].isr;
const assignmentOf = (v: PartitionView) => ({ replicas: v.replicas, adding: v.adding, removing: v.removing });

export function clusterProperties(config: ClusterConfig): Property<ClusterState, ClusterAction>[] {
  const parts = Array.from({ length: config.partitions }, (_, p) => p);
  return [
    always<ClusterState>('single-controller-per-epoch', 'No two brokers act as controller with the same controller epoch.', (s) => {
      const epochs = actingControllerEpochs(s);
      return new Set(epochs).size === epochs.length;
    }),
    actionProperty<ClusterState, ClusterAction>(
      'leader-elected-from-isr',
      'Every new leader ZooKeeper (or the KRaft metadata log) records for a partition was in its ISR, or under KIP-966 its ELR, before the election.',
      (before, a, after) => {
        const wasAll = partitionViews(before);
        const nowAll = partitionViews(after);
        return parts.every((p) => {
          const was = wasAll[p];
          const now = nowAll[p];
          if (!was.created || !now.created || now.leader < 0 || now.leader === was.leader) return true;
          // An accepted ISR expansion is written before the reassignment step it may trigger elects.
          const joined = a.type === 'ExpandIsr' && a.partition === p ? [a.replica] : [];
          return was.isr.includes(now.leader) || was.elr.includes(now.leader) || joined.includes(now.leader);
        });
      },
    ),
    always<ClusterState>(
      'no-committed-message-loss',
      'Every record below a leader\'s high watermark stays at its offset in every ISR member, so in every later leader.',
      (s) =>
        !s.ghosts.committedOverwritten &&
        parts.every((p) => isrOf(s, p).every((m) => s.ghosts.committed[p].every((e, i) => s.brokers[m].replicas[p].log[i] === e))),
    ),
    always<ClusterState>('isr-subset-of-replicas', 'Every partition\'s ISR (ZooKeeper or the metadata log) is a subset of its assigned replicas (RS).', (s) =>
      partitionViews(s).every((v) => v.isr.every((m) => v.replicas.includes(m)))),
    always<ClusterState>('replicas-on-distinct-brokers', 'No partition has two replicas on one broker (RS, AR and RR are sets).', (s) =>
      partitionViews(s).every((v) => [v.replicas, v.adding, v.removing].every((xs) => new Set(xs).size === xs.length))),
    actionProperty<ClusterState, ClusterAction>(
      'reassignment-reaches-target',
      'When a reassignment completes, the replica set is its target and every target replica is in the ISR.',
      (before, a, after) =>
        a.type === 'CancelReassignment' ||
        parts.every((p) => {
          const was = assignmentOf(partitionViews(before)[p]);
          const now = assignmentOf(partitionViews(after)[p]);
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
          const rs = partitionViews(after)[p].replicas;
          const droppedByReassignment = isrOf(before, p).some((m) => !isrOf(after, p).includes(m) && !rs.includes(m));
          return !droppedByReassignment || isrOf(after, p).length >= Math.min(config.minInsyncReplicas, rs.length);
        }),
    ),
    always<ClusterState>(
      'rack-spread-kept',
      'With racks given, every partition\'s target replicas span as many racks as they can (min(RF, racks)).',
      (s) =>
        config.racks === 0 ||
        partitionViews(s).every((v) => {
          const target = targetOf(assignmentOf(v));
          return new Set(target.map((b) => config.rackOf[b])).size >= Math.min(target.length, config.racks);
        }),
    ),
    ...witnesses(config),
  ];
}

/** Witnesses, only those the config can reach (a `holds` preset must reach every one it has). */
function witnesses(config: ClusterConfig): Property<ClusterState, ClusterAction>[] {
  const kraft = config.controllerMode === 'kraft';
  // KRaft: an active-controller failover with a broker failure to elect for; ZooKeeper: an expiry or a crash.
  const failover = kraft ? config.controllerFailovers > 0 && config.crashes > 0 : config.sessionExpiries + config.crashes > 0;
  const reassigning = config.reassignment !== 'none';
  const failoverDuringReassignment = kraft ? config.controllerFailovers > 0 : failover;
  return [
    ...(config.records > 0 ? [sometimes<ClusterState>('record-committed', 'a record is committed on some partition', (s) => s.ghosts.committed.some((c) => c.length > 0))] : []),
    ...(failover
      ? [sometimes<ClusterState>(
          'controller-failover-during-election',
          'a new controller elects the leader of a partition whose leader failed under an earlier controller',
          (s) => s.ghosts.failoverElected,
        )]
      : []),
    ...(kraft && config.kip966Elr && config.crashes + config.controlledShutdowns > 0
      ? [sometimes<ClusterState>('leader-elected-from-elr', 'KRaft with KIP-966: a leader is elected from the ELR while the ISR is empty', (s) => s.kraft?.elrElected === true)]
      : []),
    ...(reassigning ? [sometimes<ClusterState>('reassignment-completed', 'a reassignment completes (RS = target)', (s) => s.ghosts.reassignmentsDone > 0)] : []),
    ...(reassigning && failoverDuringReassignment
      ? [sometimes<ClusterState>(
          'reassignment-during-failover',
          'a controller failover happens with a reassignment in flight and the new controller resumes it',
          (s) => s.ghosts.failoverResumedReassignment,
        )]
      : []),
  ];
}

const isPreferredElection = (a: ClusterAction): boolean => a.type === 'AutoLeaderRebalance' || a.type === 'ElectPreferredLeaders';

/** Preferred-leader rebalancing (only when it is on): KAFKA-9866 and the preferred replica from ZK's ISR. */
export function preferredProperties(config: ClusterConfig): Property<ClusterState, ClusterAction>[] {
  if (!config.autoLeaderRebalance && config.electLeaders === 0) return [];
  const parts = Array.from({ length: config.partitions }, (_, p) => p);
  return [
    actionProperty<ClusterState, ClusterAction>(
      'preferred-election-from-isr',
      'A preferred-leader election (auto rebalance or ElectLeaders) makes only the preferred replica leader, and only if ZooKeeper\'s ISR held it.',
      (before, a, after) =>
        !isPreferredElection(a) ||
        parts.every((p) => {
          const was = before.zk.tree.partitions[p] ?? null;
          const now = after.zk.tree.partitions[p] ?? null;
          if (was === null || now === null || now.leaderEpoch === was.leaderEpoch) return true;
          return now.leader === before.zk.assignment[p].replicas[0] && was.isr.includes(now.leader);
        }),
    ),
    ...(config.autoLeaderRebalance
      ? [always<ClusterState>(
          'auto-rebalance-only-electable',
          'The auto-rebalance task only triggers elections the preferred replica can win (KAFKA-9866: not while it is out of the ISR).',
          (s) => !s.ghosts.futilePreferredElection,
        )]
      : []),
    sometimes<ClusterState>('preferred-leader-restored', 'a preferred-replica election moves a partition\'s leadership back to its preferred replica', (s) => s.ghosts.preferredRestored),
  ];
}
