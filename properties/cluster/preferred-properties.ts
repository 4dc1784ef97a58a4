// What preferred-leader rebalancing must keep (model/cluster/preferred-*.ts): a preferred election only ever makes
// the preferred replica leader, and only from the ISR ZooKeeper holds; the auto-rebalance task never triggers an
// election it cannot win (KAFKA-9866); and a witness that leadership does go back to a preferred replica.

import type { Property } from '../../src/contract/property.ts';
import { actionProperty, always, sometimes } from '../../src/contract/property.ts';
import type { ClusterAction } from '../../model/cluster/cluster-actions.ts';
import type { ClusterConfig } from '../../model/cluster/cluster-config.ts';
import type { ClusterState } from '../../model/cluster/cluster-state.ts';

const isPreferredElection = (a: ClusterAction): boolean => a.type === 'AutoLeaderRebalance' || a.type === 'ElectPreferredLeaders';

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
