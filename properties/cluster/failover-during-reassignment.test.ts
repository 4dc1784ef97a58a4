// Replays the README's failover-during-reassignment story (a path the BFS found in `broker-failure`): controller 0
// starts moving partition 0 from [0, 2] to [0, 1] and crashes mid-way; broker 1 takes over, its failover reads the
// half-done reassignment from ZooKeeper and resumes it, and it completes only once target replica 1 is in the ISR.
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/check/resolve-params.ts';
import type { ClusterAction } from '../../model/cluster/cluster-actions.ts';
import { clusterConfig, type ClusterConfig } from '../../model/cluster/cluster-config.ts';
import { clusterModel } from '../../model/cluster/cluster-model.ts';
import type { ClusterState } from '../../model/cluster/cluster-state.ts';
import { clusterDefinition as cluster } from './cluster-definition.ts';

const story: ClusterAction[] = [
  { type: 'Produce', broker: 0, partition: 0 },
  { type: 'ShrinkIsr', broker: 0, partition: 0, replica: 2 },
  { type: 'SubmitReassignment' },
  { type: 'ProcessReassignment', controller: 0 },
  { type: 'CrashBroker', broker: 0 },
  { type: 'RestartBroker', broker: 0 },
  { type: 'ElectController', broker: 1 },
  { type: 'ControllerFailover', controller: 1 },
  { type: 'DeliverRequest', broker: 0 },
  { type: 'DeliverRequest', broker: 1 },
  { type: 'DeliverRequest', broker: 1 },
  { type: 'DeliverRequest', broker: 2 },
  { type: 'Fetch', broker: 1, partition: 0 },
  { type: 'Fetch', broker: 1, partition: 0 },
  { type: 'ExpandIsr', broker: 0, partition: 0, replica: 1 },
];

describe('failover during a reassignment (README story)', () => {
  it('broker 1 resumes controller 0\'s half-done reassignment and completes it with every target replica in the ISR', () => {
    const config = clusterConfig(resolveParams(cluster, { preset: 'broker-failure' })) as ClusterConfig;
    const model = clusterModel(config);
    const properties = cluster.properties(resolveParams(cluster, { preset: 'broker-failure' }));
    let s: ClusterState = model.init()[0];
    const p0 = (x: ClusterState) => [x.zk.assignment[0], x.zk.tree.partitions[0]?.leader, x.zk.tree.partitions[0]?.isr, x.zk.tree.controller?.brokerId];
    const seen: unknown[] = [];
    for (const a of story) {
      const next = model.next(s, a);
      expect(next, JSON.stringify(a)).toBeDefined();
      for (const p of properties) {
        if (p.kind === 'always') expect(p.check(next!), p.name).toBe(true);
        if (p.kind === 'action') expect(p.check(s, a, next!), p.name).toBe(true);
      }
      s = next!;
      seen.push(p0(s));
    }
    const moving = { replicas: [0, 1, 2], adding: [1], removing: [2] };
    expect(seen[3]).toEqual([moving, 0, [0], 0]); // phase A under controller 0
    expect(seen[7]).toEqual([moving, 0, [0], 1]); // broker 1's failover read it back from ZooKeeper
    expect(seen[14]).toEqual([{ replicas: [0, 1], adding: [], removing: [] }, 0, [0, 1], 1]); // after the second fetch told leader 0 of LEO 1
    expect(s.ghosts.failoverResumedReassignment).toBe(true);
    expect(s.ghosts.reassignmentsDone).toBe(1);
    expect(s.zk.tree.controllerEpoch?.epoch).toBe(2);
  });
});
