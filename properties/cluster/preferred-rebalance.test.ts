// Pins preferred-leader rebalancing in the cluster model: the holds presets' state counts and the witness depth,
// KAFKA-9866's shortest trace with the fix off, preferred-election-from-isr failing on a controller that trusts a
// stale ISR and writes blindly, and the placer (and kraft-mode) refusals as one KC_BAD_PARAM line (CLI, `create`).
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { resolveParams } from '../../src/check/resolve-params.ts';
import { clusterConfig, type ClusterConfig } from '../../model/cluster/cluster-config.ts';
import { clusterModel } from '../../model/cluster/cluster-model.ts';
import type { ClusterState } from '../../model/cluster/cluster-state.ts';
import { runCli } from '../../test/cli/run-cli.ts';
import { clusterDefinition as cluster } from './cluster-definition.ts';
import { preferredProperties } from './cluster-properties.ts';

describe('preferred-leader rebalancing', () => {
  it.each([
    ['preferred-rebalance', 19847, 28],
    ['elect-leaders', 4345, 23],
  ])('%s holds over %i states (depth %i) and restores a preferred leader', (preset, distinct, depth) => {
    const { outcome } = checkModel(cluster, { preset });
    expect(outcome.status).toBe('ok');
    expect(outcome.complete).toBe(true);
    expect(outcome.stats.distinctStates).toBe(distinct);
    expect(outcome.stats.maxDepth).toBe(depth);
    expect(outcome.witnesses.find((w) => w.name === 'preferred-leader-restored')?.found).toBe(true);
  });

  it('KAFKA-9866 off: broker 1 restarts and the task elects it for p1 before it is back in the ISR (4 actions)', () => {
    const result = checkModel(cluster, { preset: 'no-kafka-9866', properties: ['auto-rebalance-only-electable'] });
    expect(result.outcome.status).toBe('violation');
    expect(result.violations[0].trace.actions).toEqual([
      { type: 'CrashBroker', broker: 1 },
      { type: 'RestartBroker', broker: 1 },
      { type: 'ProcessBrokerChange', controller: 0 },
      { type: 'AutoLeaderRebalance', controller: 0 },
    ]);
  });

  /** A reachable state where p1 is led by broker 0 (not its preferred 1) with broker 1 back in the ISR. */
  function offPreferred(config: ClusterConfig): ClusterState {
    const model = clusterModel(config);
    const seen = new Set<string>();
    let frontier = model.init().slice();
    while (frontier.length > 0) {
      const next: ClusterState[] = [];
      for (const s of frontier) {
        const node = s.zk.tree.partitions[1];
        const c = s.brokers[0].controller;
        if (node?.leader === 0 && node.isr.includes(1) && c?.partitions[1]?.isr.includes(1) && c.liveEpochs[1] >= 0 && s.queues.every((q) => q.length === 0)) return s;
        for (const a of model.actions(s)) {
          const t = model.next(s, a);
          const key = t === undefined ? '' : JSON.stringify(t);
          if (t !== undefined && !seen.has(key) && a.type !== 'AutoLeaderRebalance') {
            seen.add(key);
            next.push(t);
          }
        }
      }
      frontier = next.slice(0, 3000);
    }
    throw new Error('no such state');
  }

  it('preferred-election-from-isr fails when the controller elects from a context ISR ZooKeeper no longer has', () => {
    const config = (sets: string[]) => clusterConfig(resolveParams(cluster, { preset: 'preferred-rebalance', sets })) as ClusterConfig;
    const stale = config(['failoverReadsZk=false', 'partitionCas=false']);
    const s = offPreferred(stale);
    // ZooKeeper's ISR for p1 lost broker 1 (an AlterPartition the context missed): only the context still has it.
    const node = s.zk.tree.partitions[1]!;
    const tampered = { ...s, zk: { ...s.zk, tree: { ...s.zk.tree, partitions: [s.zk.tree.partitions[0], { ...node, isr: [0] }] } } };
    const action = { type: 'AutoLeaderRebalance', controller: 0 } as const;
    const property = preferredProperties(stale).find((p) => p.name === 'preferred-election-from-isr')!;
    if (property.kind !== 'action') throw new Error('action property expected');
    const after = clusterModel(stale).next(tampered, action)!;
    expect(after.zk.tree.partitions[1]?.leader).toBe(1);
    expect(property.check(tampered, action, after)).toBe(false);
    // Kafka re-reads the znode before electing: broker 1 is not in that ISR, so the election fails and p1 keeps its leader.
    const kafka = clusterModel(config([])).next(tampered, action)!;
    expect(kafka.zk.tree.partitions[1]).toEqual({ ...node, isr: [0] });
    expect(property.check(tampered, action, kafka)).toBe(true);
  });
});

describe('placer refusal', () => {
  it('RF 4 on 3 brokers: one KC_BAD_PARAM line, exit 2, nothing written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kcheck-cluster-'));
    const run = await runCli('check', 'cluster', '--set', 'replicationFactor=4', '--out', out);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    const lines = run.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kcheck check: the admin placer refuses these params: InvalidReplicationFactorException: Replication factor: 4 larger than available brokers: 3\. \[KC_BAD_PARAM\]$/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('create without validate throws the same KcheckError', () => {
    const params = { ...resolveParams(cluster, {}), replicationFactor: 4 };
    expect(() => cluster.create(params)).toThrow(expect.objectContaining({ code: 'KC_BAD_PARAM' }));
  });

  it('preferred-leader rebalancing with controllerMode=kraft (its steps are ZK-only): KC_BAD_PARAM, not a vacuous holds', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kcheck-cluster-'));
    const run = await runCli('check', 'cluster', '--set', 'controllerMode=kraft', '--set', 'electLeaders=1', '--out', out);
    expect(run.code).toBe(2);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).toMatch(/controllerMode=kraft has no preferred-leader election yet.*\[KC_BAD_PARAM\]$/m);
    expect(readdirSync(out)).toEqual([]);
    const params = { ...resolveParams(cluster, {}), controllerMode: 'kraft', autoLeaderRebalance: true };
    expect(() => cluster.create(params)).toThrow(expect.objectContaining({ code: 'KC_BAD_PARAM' }));
  });
});
