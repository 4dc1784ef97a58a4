// The cluster model's symmetry reduction (model/cluster/cluster-symmetry.ts) never changes a verdict: every preset
// gives the same outcome, violated properties and shortest lengths with --symmetry as without, at 5 brokers × 1
// partition where the group is not trivial; the renamings commute with `next` on sampled reachable states; and the
// group is trivial for `default` at 3 and 4 brokers (the assignment and targets name every broker that matters).
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { resolveParams } from '../../src/check/resolve-params.ts';
import type { ClusterAction } from '../../model/cluster/cluster-actions.ts';
import { encodeCluster } from '../../model/cluster/cluster-codec.ts';
import { clusterConfig, type ClusterConfig } from '../../model/cluster/cluster-config.ts';
import { clusterModel } from '../../model/cluster/cluster-model.ts';
import type { ClusterState } from '../../model/cluster/cluster-state.ts';
import { clusterAutomorphisms, clusterCanonicalizer, renameCluster, type Renaming } from '../../model/cluster/cluster-symmetry.ts';
import { clusterDefinition as cluster } from './cluster-definition.ts';

const configFor = (preset: string | undefined, sets: string[]): ClusterConfig => clusterConfig(resolveParams(cluster, { preset, sets })) as ClusterConfig;
const small = ['brokers=5', 'partitions=1'];

describe('cluster symmetry group', () => {
  it('is trivial for default at 3 and 4 brokers, a swap of the two unused brokers at 5, a rotation for 3 partitions on 3', () => {
    expect(clusterAutomorphisms(configFor(undefined, []))).toEqual([]);
    expect(clusterAutomorphisms(configFor(undefined, ['brokers=4']))).toEqual([]);
    expect(clusterAutomorphisms(configFor(undefined, ['brokers=5'])).map((g) => g.to)).toEqual([[0, 1, 3, 2, 4]]);
    expect(clusterAutomorphisms(configFor('preferred-rebalance', ['partitions=3'])).map((g) => [g.to, g.at])).toEqual([[[1, 2, 0], [1, 2, 0]], [[2, 0, 1], [2, 0, 1]]]);
  });

  it('is not offered in controllerMode=kraft (the metadata log and its per-broker arrays are not renamed)', () => {
    const sets = [...small, 'reassignment=none', 'controllerMode=kraft'];
    expect(clusterAutomorphisms(configFor(undefined, sets)).length).toBeGreaterThan(0);
    expect(cluster.create(resolveParams(cluster, { sets })).canonicalize).toBeUndefined();
    expect(cluster.create(resolveParams(cluster, { sets: [...small, 'reassignment=none'] })).canonicalize).toBeDefined();
  });
});

describe('cluster reductions keep every verdict', () => {
  // Every preset but the two big holds ones (default 97,053 → 77,458 and broker-failure 46,677 → 37,373 at this
  // size, measured with the CLI): distinct states without and with --symmetry, pinned.
  it.each([
    ['controlled-shutdown', 18578, 14923],
    ['decommission', 731, 731],
    ['cancel-reassignment', 1798, 1798],
    ['rack-aware', 11, 11],
    ['textbook-rack-blind', 1, 1],
    ['stale-isr-failover', 272, 150],
    ['stale-isr-failover-cas', 983, 551],
    ['cancel-below-min-isr', 12824, 10276],
    ['reassignment-before-isr', 2746, 2206],
    ['preferred-rebalance', 1240, 690],
    ['elect-leaders', 288, 178],
    ['no-kafka-9866', 316, 182],
  ])('preset %s at 5 brokers × 1 partition: the same verdict with --symmetry, %i → %i states', (preset, plainCount, reducedCount) => {
    const plain = checkModel(cluster, { preset, sets: small });
    const reduced = checkModel(cluster, { preset, sets: small, symmetry: true });
    const verdict = (r: typeof plain) => [r.outcome.status, r.outcome.complete, r.violations.map((v) => [v.record.property, v.record.path.length])];
    expect(verdict(reduced)).toEqual(verdict(plain));
    expect([plain.outcome.stats.distinctStates, reduced.outcome.stats.distinctStates]).toEqual([plainCount, reducedCount]);
  });

  it('every preset is in the table above, measured by the CLI, or a kraft-* preset (where --symmetry is not offered)', () => {
    const kraft = cluster.presets.filter((p) => p.params.controllerMode === 'kraft').map((p) => p.name);
    expect(kraft).toEqual(['kraft-default', 'kraft-reassignment-before-isr', 'kraft-elr-last-known-leader']);
    // 12 pinned above, default and broker-failure (CLI), four-brokers (4 brokers: suite-bounded, figures in README).
    expect(cluster.presets.length).toBe(12 + 3 + kraft.length);
  });
});

/** The action with its broker and partition fields renamed. */
function renameAction(a: ClusterAction, g: Renaming): ClusterAction {
  const out: Record<string, unknown> = { ...a };
  for (const k of ['broker', 'controller', 'replica'] as const) if (k in a) out[k] = g.to[(a as unknown as Record<string, number>)[k]];
  if ('partition' in a) out.partition = g.at[a.partition];
  return out as unknown as ClusterAction;
}

const code = (s: ClusterState | undefined): number[] => {
  const out: number[] = [];
  if (s !== undefined) encodeCluster(s, { int: (v) => void out.push(v) });
  return out;
};

describe('renamings are symmetries of the transition function', () => {
  it.each([
    ['controlled-shutdown', small],
    ['preferred-rebalance', ['partitions=3']],
    ['cancel-below-min-isr', small],
  ])('%s %j: next(g·s, g·a) = g·next(s, a) on sampled reachable states; canonicalize is idempotent', (preset, sets) => {
    const config = configFor(preset, sets);
    const model = clusterModel(config);
    const group = clusterAutomorphisms(config);
    const canonical = clusterCanonicalizer(config);
    expect(group.length).toBeGreaterThan(0);
    let frontier = model.init().slice();
    let checked = 0;
    for (let depth = 0; depth < 14 && frontier.length > 0; depth++) {
      const next: ClusterState[] = [];
      frontier.forEach((s, i) => {
        if (i % 7 !== 0) return; // a deterministic sample of each layer
        expect(code(canonical(canonical(s)))).toEqual(code(canonical(s)));
        for (const a of model.actions(s)) {
          const t = model.next(s, a);
          for (const g of group) expect(code(model.next(renameCluster(s, g), renameAction(a, g)))).toEqual(code(t === undefined ? undefined : renameCluster(t, g)));
          if (t !== undefined) next.push(t);
          checked++;
        }
      });
      frontier = next.slice(0, 400);
    }
    expect(checked).toBeGreaterThan(500);
  });
});
