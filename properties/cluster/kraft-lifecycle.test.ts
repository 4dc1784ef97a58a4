// Pins the KRaft broker lifecycle step by step on the booted cluster (p0 [0, 2], p1 [1, 0]): controlled shutdown
// through heartbeats (BrokerHeartbeatManager @3.9.0-rc3: leaders moved, then SHUTDOWN_NOW only once the active
// brokers replayed past the shutdown offset), its reset by a controller failover, and fence → restart → unfence.
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/check/resolve-params.ts';
import type { ClusterAction } from '../../model/cluster/cluster-actions.ts';
import { clusterConfig, type ClusterConfig } from '../../model/cluster/cluster-config.ts';
import { clusterModel } from '../../model/cluster/cluster-model.ts';
import type { ClusterState } from '../../model/cluster/cluster-state.ts';
import { headImage } from '../../model/cluster/kraft-metadata.ts';
import { clusterDefinition as cluster } from './cluster-definition.ts';

const config = clusterConfig(resolveParams(cluster, { sets: ['controllerMode=kraft', 'reassignment=none', 'crashes=1', 'controlledShutdowns=1'] })) as ClusterConfig;
const model = clusterModel(config);
const run = (s: ClusterState, ...actions: ClusterAction[]): ClusterState | undefined =>
  actions.reduce<ClusterState | undefined>((x, a) => (x === undefined ? undefined : model.next(x, a)), s);
const shutdown = (broker: number): ClusterAction => ({ type: 'ControlledShutdown', broker });
const replay = (broker: number): ClusterAction => ({ type: 'ReplayMetadata', broker });
const head = (s: ClusterState) => headImage(s.kraft!);

describe('KRaft controlled shutdown', () => {
  const booted = model.init()[0];
  const first = run(booted, shutdown(0))!;

  it('the first wantShutDown heartbeat marks broker 0 in controlled shutdown and moves its leadership off', () => {
    expect(head(first).brokers[0]).toEqual({ epoch: 1, fenced: false, inControlledShutdown: true });
    expect(head(first).partitions.map((p) => [p.leader, p.isr])).toEqual([[2, [2]], [1, [1]]]);
    expect(first.brokers[0].alive).toBe(true);
  });

  it('SHUTDOWN_NOW waits until every active broker replayed past the shutdown offset', () => {
    expect(run(first, shutdown(0))).toBeUndefined();
    // Three records: IN_CONTROLLED_SHUTDOWN, p0 (leader 0 → 2) and p1 (0 leaves the ISR).
    expect(first.kraft!.tail).toHaveLength(3);
    const caughtUp = (b: number): ClusterAction[] => [replay(b), replay(b), replay(b)];
    expect(run(first, ...caughtUp(1), replay(2), replay(2), shutdown(0))).toBeUndefined();
    const done = run(first, ...caughtUp(1), ...caughtUp(2), shutdown(0))!;
    expect(done.brokers[0].alive).toBe(false);
    expect(head(done).brokers[0]).toEqual({ epoch: 1, fenced: true, inControlledShutdown: false });
    expect(done.kraft!.uncleanStop[0]).toBe(false);
  });

  it('a controller failover forgets the shutdown offset (ClusterControlManager.activate), so the broker stops at once', () => {
    const after = run(first, { type: 'ActiveControllerFailover' }, shutdown(0))!;
    expect(after.brokers[0].alive).toBe(false);
    expect(after.kraft!.controllerEpoch).toBe(2);
  });
});

describe('KRaft crash, fence, restart, unfence', () => {
  const booted = model.init()[0];
  it('a crashed leader is fenced (leaders re-elected), restarts fenced with a new epoch, and is unfenced once caught up', () => {
    const fenced = run(booted, { type: 'CrashBroker', broker: 0 }, { type: 'FenceBroker', broker: 0 })!;
    expect(head(fenced).partitions.map((p) => [p.leader, p.isr])).toEqual([[2, [2]], [1, [1]]]);
    const restarted = run(fenced, { type: 'RestartBroker', broker: 0 })!;
    expect(head(restarted).brokers[0]).toEqual({ epoch: 2, fenced: true, inControlledShutdown: false });
    expect(restarted.brokers[0].replicas[0].leader).toBe(2); // it acts only after its initial catch-up
    const unfenced = run(restarted, { type: 'BrokerHeartbeat', broker: 0 })!;
    expect(head(unfenced).brokers[0].fenced).toBe(false);
    expect(run(fenced, { type: 'BrokerHeartbeat', broker: 0 })).toBeUndefined(); // a stopped broker does not heartbeat
  });
});
