// Pins the cluster model: distinct-state counts of small configs, the exact shortest counterexample of each
// violating preset and the story it tells, the codec round trip, and the properties no preset breaks, on states
// built from a real one. The big holds presets (default, broker-failure, …) are left to `kcheck suite` (CI budget).
import { describe, expect, it } from 'vitest';
import { breadthFirstSample } from '../../test/breadth-first-sample.ts';
import { expectDecodeRoundTrip } from '../../test/decode-round-trip.ts';
import { checkModel } from '../../src/check/run-check.ts';
import { clusterConfig, type ClusterConfig } from '../../model/cluster/cluster-config.ts';
import { clusterModel } from '../../model/cluster/cluster-model.ts';
import type { ClusterState } from '../../model/cluster/cluster-state.ts';
import { clusterDefinition as cluster } from './cluster-definition.ts';
import { clusterProperties } from './cluster-properties.ts';
import { resolveParams } from '../../src/check/resolve-params.ts';

const configFor = (sets: string[]): ClusterConfig => clusterConfig(resolveParams(cluster, { sets })) as ClusterConfig;

describe('cluster state space', () => {
  it.each([
    [['sessionExpiries=0', 'reassignment=none'], 121, 10],
    [['sessionExpiries=0'], 8041, 27],
    [['sessionExpiries=0', 'maxQueue=1'], 6721, 27],
    // Kafka's lag-timer drop of a member with nothing to fetch (2.8.0 isFollowerOutOfSync), off by default for size.
    [['sessionExpiries=0', 'idleIsrShrink=true'], 47200, 33],
  ])('%j → %i distinct states, depth %i', (sets, distinct, depth) => {
    const { outcome } = checkModel(cluster, { sets });
    expect(outcome.status).toBe('ok');
    expect(outcome.complete).toBe(true);
    expect(outcome.stats.distinctStates).toBe(distinct);
    expect(outcome.stats.maxDepth).toBe(depth);
    expect(outcome.witnesses.every((w) => w.found)).toBe(true);
  });

  it('the topic is the placer\'s output: admin seed 0 on 3 brokers puts p0 on [0, 2] and p1 on [1, 0]', () => {
    expect(configFor([]).assignment).toEqual([[0, 2], [1, 0]]);
    expect(configFor(['placer=textbook']).assignment).toEqual([[0, 1], [1, 2]]);
  });

  it('four-brokers: 159,817 states to depth 8 (its suite bound), every witness reached — one expiry cannot fail over during an election at 4 brokers', () => {
    expect(configFor(['brokers=4']).assignment).toEqual([[2, 3], [3, 0]]);
    const { outcome } = checkModel(cluster, { preset: 'four-brokers', maxDepth: 8 });
    expect(outcome.status).toBe('ok');
    expect(outcome.stats.distinctStates).toBe(159817);
    expect(outcome.witnesses.map((w) => [w.name, w.found])).toEqual([
      ['record-committed', true], ['controller-failover-during-election', true], ['reassignment-completed', true], ['reassignment-during-failover', true],
    ]);
  });

  it('stale-isr-failover-cas: a controller trusting its stale context is stopped by the state-znode CAS (14,166 states)', () => {
    const { outcome } = checkModel(cluster, { preset: 'stale-isr-failover-cas' });
    expect(outcome.status).toBe('ok');
    expect(outcome.stats.distinctStates).toBe(14166);
  });
});

describe('cluster shortest counterexamples', () => {
  it.each([
    ['textbook-rack-blind', 'rack-spread-kept', 0],
    ['stale-isr-failover', 'leader-elected-from-isr', 5],
    ['stale-isr-failover', 'no-committed-message-loss', 5],
    ['reassignment-before-isr', 'reassignment-reaches-target', 8],
    ['reassignment-before-isr', 'rf-never-below-min-isr-by-reassignment', 8],
    ['cancel-below-min-isr', 'rf-never-below-min-isr-by-reassignment', 9],
  ])('%s violates %s in %i actions', (preset, property, length) => {
    const result = checkModel(cluster, { preset, properties: [property] });
    expect(result.outcome.status).toBe('violation');
    expect(result.violations[0].record.property).toBe(property);
    expect(result.violations[0].record.path).toHaveLength(length);
  });

  it('the stale ISR: the leader drops broker 2 and commits alone, dies, and the new controller elects broker 2 from what it knew', () => {
    const types = checkModel(cluster, { preset: 'stale-isr-failover', properties: ['no-committed-message-loss'] }).violations[0].trace.actions;
    expect(types).toEqual([
      { type: 'Produce', broker: 0, partition: 0 },
      { type: 'ShrinkIsr', broker: 0, partition: 0, replica: 2 },
      { type: 'CrashBroker', broker: 0 },
      { type: 'ElectController', broker: 2 },
      { type: 'ControllerFailover', controller: 2 },
    ]);
  });

  it('KAFKA-15665: completion once broker 1 (adding) is in the ISR drops broker 2 while target replica 0 is out of it', () => {
    const trace = checkModel(cluster, { preset: 'reassignment-before-isr', properties: ['reassignment-reaches-target'] }).violations[0].trace;
    const last = trace.states[trace.states.length - 1] as ClusterState;
    expect(last.zk.assignment[0]).toEqual({ replicas: [0, 1], adding: [], removing: [] });
    expect(last.zk.tree.partitions[0]?.isr).toEqual([1]);
  });
});

describe('cluster codec and the properties no preset breaks', () => {
  const config = configFor(['sessionExpiries=0', 'crashes=1']);
  const model = clusterModel(config);
  const states = breadthFirstSample(model);

  it('decode(encode(s)) deep-equals s', () => {
    expectDecodeRoundTrip(model, states);
  });

  const check = (name: string, s: ClusterState): boolean => {
    const p = clusterProperties(config).find((x) => x.name === name)!;
    if (p.kind !== 'always') throw new Error(name);
    return p.check(s);
  };
  const base = model.init()[0];

  it('single-controller-per-epoch fails when two brokers hold controller epoch 1', () => {
    expect(check('single-controller-per-epoch', base)).toBe(true);
    const twin = { ...base, brokers: base.brokers.map((b, i) => (i === 1 ? { ...b, controller: base.brokers[0].controller } : b)) };
    expect(check('single-controller-per-epoch', twin)).toBe(false);
  });

  it('isr-subset-of-replicas fails when the ISR names a broker outside RS (KAFKA-9672\'s shape)', () => {
    const p0 = base.zk.tree.partitions[0]!;
    const bad = { ...base, zk: { ...base.zk, tree: { ...base.zk.tree, partitions: [{ ...p0, isr: [0, 1, 2] }, base.zk.tree.partitions[1]] } } };
    expect(check('isr-subset-of-replicas', base)).toBe(true);
    expect(check('isr-subset-of-replicas', bad)).toBe(false);
  });

  it('replicas-on-distinct-brokers fails for an assignment that lists a broker twice', () => {
    const bad = { ...base, zk: { ...base.zk, assignment: [{ replicas: [0, 0], adding: [], removing: [] }, base.zk.assignment[1]] } };
    expect(check('replicas-on-distinct-brokers', base)).toBe(true);
    expect(check('replicas-on-distinct-brokers', bad)).toBe(false);
  });
});
