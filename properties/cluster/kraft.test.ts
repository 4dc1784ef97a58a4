// Pins the cluster model's controllerMode=kraft: distinct-state counts of small configs, the KRaft presets'
// exact shortest counterexamples and the stories they tell, the codec round trip over KRaft states, and the
// properties no KRaft preset breaks, on states built from a real one. kraft-default itself runs in `kcheck suite`.
import { describe, expect, it } from 'vitest';
import { breadthFirstSample } from '../../test/breadth-first-sample.ts';
import { expectDecodeRoundTrip } from '../../test/decode-round-trip.ts';
import { checkModel } from '../../src/check/run-check.ts';
import { clusterConfig, type ClusterConfig } from '../../model/cluster/cluster-config.ts';
import { clusterModel } from '../../model/cluster/cluster-model.ts';
import type { ClusterState } from '../../model/cluster/cluster-state.ts';
import { headImage } from '../../model/cluster/kraft-metadata.ts';
import { resolveParams } from '../../src/check/resolve-params.ts';
import { clusterDefinition as cluster } from './cluster-definition.ts';
import { clusterProperties } from './cluster-properties.ts';

const KRAFT = ['controllerMode=kraft'];
const configFor = (sets: string[]): ClusterConfig => clusterConfig(resolveParams(cluster, { sets: [...KRAFT, ...sets] })) as ClusterConfig;

describe('cluster kraft state space', () => {
  it.each([
    [['reassignment=none', 'controllerFailovers=0'], 3735, 22],
    // A failover only bumps the epoch (the new controller's state is the log), so it exactly doubles the space.
    [['reassignment=none'], 7470, 23],
    [['reassignment=none', 'controllerFailovers=0', 'records=0', 'crashes=1'], 2976, 22],
    [['reassignment=none', 'controllerFailovers=0', 'records=0', 'controlledShutdowns=1'], 1415, 27],
  ])('%j → %i distinct states, depth %i', (sets, distinct, depth) => {
    const { outcome } = checkModel(cluster, { sets: [...KRAFT, ...sets] });
    expect(outcome.status).toBe('ok');
    expect(outcome.complete).toBe(true);
    expect(outcome.stats.distinctStates).toBe(distinct);
    expect(outcome.stats.maxDepth).toBe(depth);
  });
});

describe('cluster kraft params', () => {
  it('a switch of the other controller mode is a bad param, not silently ignored', () => {
    expect(() => resolveParams(cluster, { sets: [...KRAFT, 'partitionCas=false'] })).toThrow(/partitionCas applies to controllerMode=zk only/);
    expect(() => resolveParams(cluster, { sets: ['kip966Elr=true'] })).toThrow(/kip966Elr applies to controllerMode=kraft only/);
    expect(resolveParams(cluster, { sets: [...KRAFT, 'kip966Elr=true', 'kafka15665=false'] }).kip966Elr).toBe(true);
  });
});

describe('cluster kraft shortest counterexamples', () => {
  it.each([
    ['kraft-reassignment-before-isr', 'reassignment-reaches-target', 9, 26699],
    ['kraft-reassignment-before-isr', 'rf-never-below-min-isr-by-reassignment', 9, 26699],
    ['kraft-elr-last-known-leader', 'leader-elected-from-isr', 5, 761],
  ])('%s violates %s in %i actions (%i states)', (preset, property, length, distinct) => {
    const result = checkModel(cluster, { preset, properties: [property] });
    expect(result.outcome.status).toBe('violation');
    expect(result.violations[0].record.property).toBe(property);
    expect(result.violations[0].record.path).toHaveLength(length);
    expect(result.outcome.stats.distinctStates).toBe(distinct);
  });

  it('KAFKA-15665 in KRaft: broker 1 (adding) joins the ISR of leader 2 and the builder completes with target replica 0 out of it', () => {
    const trace = checkModel(cluster, { preset: 'kraft-reassignment-before-isr', properties: ['reassignment-reaches-target'] }).violations[0].trace;
    const last = headImage((trace.states[trace.states.length - 1] as ClusterState).kraft!).partitions[0];
    expect(last.replicas).toEqual([0, 1]);
    expect(last.isr).toEqual([1]);
    expect(last.addingReplicas).toEqual([]);
    expect(trace.actions[trace.actions.length - 1]).toEqual({ type: 'ExpandIsr', broker: 2, partition: 0, replica: 1 });
  });

  it('the fix holds where it bit: with KAFKA-15665 the same crash and reassignment never completes early (10 actions deep)', () => {
    const { outcome } = checkModel(cluster, { preset: 'kraft-reassignment-before-isr', sets: ['kafka15665=true'], properties: ['reassignment-reaches-target'], maxDepth: 10 });
    expect(outcome.status).toBe('ok');
  });

  it('KIP-966 last known leader: the sole ISR member crashes, re-registers (unclean: out of ISR and ELR) and is elected back when unfenced', () => {
    const trace = checkModel(cluster, { preset: 'kraft-elr-last-known-leader', properties: ['leader-elected-from-isr'] }).violations[0].trace;
    expect(trace.actions).toEqual([
      { type: 'Produce', broker: 0, partition: 0 },
      { type: 'ShrinkIsr', broker: 0, partition: 0, replica: 2 },
      { type: 'CrashBroker', broker: 0 },
      { type: 'RestartBroker', broker: 0 },
      { type: 'BrokerHeartbeat', broker: 0 },
    ]);
    const p0 = headImage((trace.states[trace.states.length - 1] as ClusterState).kraft!).partitions[0];
    expect(p0.leader).toBe(0);
    expect(p0.leaderRecoveryState).toBe('RECOVERING');
  });
});

describe('cluster kraft codec and the properties no KRaft preset breaks', () => {
  const config = configFor(['crashes=1', 'controlledShutdowns=1', 'kip966Elr=true', 'cancellations=1']);
  const model = clusterModel(config);
  const states = breadthFirstSample(model);

  it('reaches fencing, controlled shutdown, failover and an in-flight reassignment', () => {
    expect(states.some((s) => s.kraft!.tail.some((r) => r.kind === 'broker' && r.registration.fenced))).toBe(true);
    expect(states.some((s) => headImage(s.kraft!).brokers.some((r) => r.inControlledShutdown))).toBe(true);
    expect(states.some((s) => s.kraft!.controllerEpoch === 2)).toBe(true);
    expect(states.some((s) => headImage(s.kraft!).partitions.some((p) => p.addingReplicas.length > 0))).toBe(true);
  });

  it('decode(encode(s)) deep-equals s', () => {
    expectDecodeRoundTrip(model, states);
  });

  const check = (name: string, s: ClusterState): boolean => {
    const p = clusterProperties(config).find((x) => x.name === name)!;
    if (p.kind !== 'always') throw new Error(name);
    return p.check(s);
  };
  const base = model.init()[0];
  const withP0 = (s: ClusterState, edit: Record<string, unknown>): ClusterState => {
    const k = s.kraft!;
    const partitions = k.image.partitions.map((p, i) => (i === 0 ? { ...p, ...edit } : p));
    return { ...s, kraft: { ...k, image: { ...k.image, partitions } } };
  };

  it('single-controller-per-epoch fails when two KRaft voters are active in epoch 1', () => {
    expect(check('single-controller-per-epoch', base)).toBe(true);
    expect(check('single-controller-per-epoch', { ...base, kraft: { ...base.kraft!, controllers: [1, 1, -1] } })).toBe(false);
  });

  it('isr-subset-of-replicas and replicas-on-distinct-brokers read the metadata log', () => {
    expect(check('isr-subset-of-replicas', withP0(base, { isr: [0, 1, 2] }))).toBe(false);
    expect(check('replicas-on-distinct-brokers', withP0(base, { replicas: [0, 0] }))).toBe(false);
  });

  it('no-committed-message-loss fails when an ISR member in the log lacks a committed record', () => {
    const committed = { ...base, ghosts: { ...base.ghosts, committed: [[0], []] } };
    expect(check('no-committed-message-loss', committed)).toBe(false);
  });
});

describe('produce admission per mode (rules/replication appendAdmission)', () => {
  // 3.9's appendRecordsToLeader compares the ISR with effectiveMinIsr = min(min.insync.replicas, replicas)
  // (edc7e10a745, 3.7); 2.8.0 with min.insync.replicas itself, so RF 1 under min ISR 2 refuses every acks=all write.
  const sets = ['replicationFactor=1', 'minInsyncReplicas=2', 'reassignment=none', 'sessionExpiries=0'];
  const committed = (mode: string) =>
    checkModel(cluster, { sets: [`controllerMode=${mode}`, ...sets, ...(mode === 'kraft' ? ['controllerFailovers=0'] : [])] }).outcome.witnesses.find((w) => w.name === 'record-committed')?.found;
  it('KRaft (3.9) commits a record at RF 1 with min ISR 2; ZooKeeper mode (2.8.0) refuses it', () => {
    expect(committed('kraft')).toBe(true);
    expect(committed('zk')).toBe(false);
  });
});
