// Pins the replication model: every preset meets its expectation (as `kcheck suite` runs it), the exact shortest
// counterexample of every violating preset and the steps that tell its story, distinct-state counts of the holding
// presets, that every property can fail, and that simulation finds bugs at sizes BFS cannot exhaust.

import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { runPreset, type SuiteCase } from '../../src/check/run-suite.ts';
import type { ActionBase } from '../../src/contract/model.ts';
import { replicationDefinition as replication } from './replication-definition.ts';

const steps = (actions: readonly ActionBase[]): string[] =>
  actions.map((a) => ('broker' in a ? `${a.type}:${String(a.broker)}` : a.type));

/** runPreset for every preset, once (the whole suite takes ~30 s on the 2-core box). */
const verdicts = new Map<string, SuiteCase>(replication.presets.map((p) => [p.name, runPreset(replication, p)]));

describe('replication presets (what `kcheck suite` checks)', () => {
  it.each(replication.presets.map((p) => p.name))('%s meets its expectation', (name) => {
    const verdict = verdicts.get(name)!;
    expect(verdict.met, `${name}: ${verdict.detail}`).toBe(true);
  });

  it.each([
    ['default', 87000, 25],
    ['kip-320', 78997, 27],
    ['eligible-leader-replicas', 58684, 26],
  ])('%s holds exhaustively over %i distinct states (depth %i), every witness reached', (name, distinct, depth) => {
    const verdict = verdicts.get(name)!;
    expect(verdict.detail).toBe('holds');
    expect(verdict.distinctStates).toBe(distinct);
    expect(verdict.maxDepth).toBe(depth);
  });

  it.each([
    ['kafka-2.1', 120847, 30],
    ['kafka-2.8', 105350, 27],
    ['kafka-latest', 26027, 23],
  ])('release preset %s holds over %i distinct states (depth %i)', (name, distinct, depth) => {
    const verdict = verdicts.get(name)!;
    expect(verdict.detail).toBe('holds');
    expect(verdict.distinctStates).toBe(distinct);
    expect(verdict.maxDepth).toBe(depth);
  });

  it.each([
    ['kafka-0.10', 7, 8265],
    ['kafka-0.11', 13, 16896],
    ['kafka-1.1', 13, 16896],
    ['kafka-2.0', 13, 16896],
    ['kafka-3.5', 5, 163],
    ['kafka-3.6', 5, 163],
    // failureDetection=timeout: the leader loses power and re-registers before its fence (KAFKA-18106's story).
    ['kafka-3.7', 7, 474],
    ['kafka-3.9', 7, 474],
    ['kip-903', 10, 3153],
    ['hw-below-min-isr', 5, 166],
    ['restart-before-fence', 7, 474],
    ['restart-before-fence-elr', 7, 474],
  ])('%s loses a committed record in %i steps (%i states explored)', (name, length, distinct) => {
    const verdict = verdicts.get(name)!;
    expect(verdict.violations).toEqual([{ property: 'no-committed-message-loss', length }]);
    expect(verdict.distinctStates).toBe(distinct);
  });

  it.each([
    ['default', 547, 12],
    ['kip-320', 351, 14],
  ])('%s at its smallest size (1 record, 1 election, 1 crash) holds over %i states (depth %i)', (preset, distinct, depth) => {
    const sets = ['records=1', 'maxLeaderEpoch=1', 'maxPartitionEpoch=2', 'cleanShutdowns=0', 'reassignments=0'];
    const { outcome } = checkModel(replication, { preset, sets });
    expect(outcome.status).toBe('ok');
    expect(outcome.complete).toBe(true);
    expect(outcome.stats.distinctStates).toBe(distinct);
    expect(outcome.stats.maxDepth).toBe(depth);
  });

  it('every property is violated by some preset, so none is vacuous', () => {
    const violated = new Set(replication.presets.flatMap((p) => ('violates' in p.expect ? p.expect.violates : [])));
    const defaults = Object.fromEntries(replication.params.map((p) => [p.name, p.default]));
    // Safety properties here; the liveness ones and their presets are replication-liveness.test.ts's.
    const names = replication.properties(defaults).filter((p) => p.kind !== 'sometimes' && p.kind !== 'liveness').map((p) => p.name);
    expect(names.sort()).toEqual(
      ['acked-writes-survive', 'consumed-prefix-stable', 'leader-elected-from-isr', 'no-committed-message-loss', 'no-fatal-error', 'replica-logs-agree-below-hw'],
    );
    for (const name of names) expect(violated.has(name), name).toBe(true);
  });
});

describe('replication shortest counterexamples', () => {
  it.each([
    ['unclean-election', 'leader-elected-from-isr', ['ShrinkIsr:0', 'HandleAlterPartition:0', 'CleanShutdown:0']],
    ['unclean-election', 'no-committed-message-loss', ['Produce:0', 'ShrinkIsr:0', 'HandleAlterPartition:0', 'CleanShutdown:0']],
    ['unclean-election', 'replica-logs-agree-below-hw', ['Produce:0', 'ShrinkIsr:0', 'HandleAlterPartition:0', 'CleanShutdown:0', 'ApplyPartitionState:1', 'Produce:1']],
    [
      'unclean-election',
      'consumed-prefix-stable',
      ['Produce:0', 'ShrinkIsr:0', 'HandleAlterPartition:0', 'CleanShutdown:0', 'ApplyPartitionState:1', 'Produce:1'],
    ],
    ['acks-1', 'acked-writes-survive', ['Produce:0', 'CleanShutdown:0', 'ApplyPartitionState:1', 'Restart:0', 'ApplyPartitionState:0', 'FollowerFetch:0']],
    [
      'hw-truncation',
      'no-committed-message-loss',
      ['Produce:0', 'FollowerFetch:1', 'FollowerFetch:1', 'FollowerFetch:2', 'FollowerFetch:2', 'CleanShutdown:0', 'ApplyPartitionState:2'],
    ],
    [
      'kip-101',
      'no-committed-message-loss',
      [
        'Produce:0', 'FollowerFetch:1', 'FollowerFetch:1', 'ReorderReplicas:1', 'ApplyPartitionState:1', 'ElectPreferredLeader',
        'ApplyPartitionState:1', 'Produce:1', 'ReorderReplicas:0', 'ApplyPartitionState:1', 'ElectPreferredLeader',
        'ApplyPartitionState:1', 'TruncateFollower:1',
      ],
    ],
    [
      'kip-279',
      'no-committed-message-loss',
      [
        'Produce:0', 'FollowerFetch:2', 'Crash:0', 'SessionExpires:0', 'ApplyPartitionState:1', 'Produce:1', 'Restart:0',
        'ApplyPartitionState:0', 'TruncateFollower:0', 'FollowerFetch:0', 'HandleAlterPartition:1', 'Crash:1', 'SessionExpires:1',
        'ApplyPartitionState:0', 'FollowerFetch:2',
      ],
    ],
    // The last ISR member loses power and re-registers before its fence: KAFKA-18106 drops it from the ISR, but
    // without ELR the ISR never empties, so it is re-elected (a new epoch) with the record gone.
    ['last-replica-standing', 'no-committed-message-loss', ['Produce:0', 'FollowerFetch:1', 'FollowerFetch:1', 'CleanShutdown:0', 'DataLossShutdown:1', 'Restart:1']],
    ['elr-last-known-leader', 'leader-elected-from-isr', ['Produce:0', 'Crash:1', 'DataLossShutdown:0', 'SessionExpires:0', 'Restart:1', 'Restart:0']],
    [
      'elr-last-known-leader',
      'no-committed-message-loss',
      ['Produce:0', 'FollowerFetch:1', 'FollowerFetch:1', 'Crash:0', 'DataLossShutdown:1', 'Restart:0', 'Restart:1'],
    ],
    ['no-maximal-isr', 'no-committed-message-loss', ['ShrinkIsr:0', 'HandleAlterPartition:0', 'FollowerFetch:1', 'Produce:0', 'HandleAlterPartition:0']],
    [
      'fatal-truncation',
      'no-fatal-error',
      ['Produce:0', 'FollowerFetch:1', 'ShrinkIsr:0', 'HandleAlterPartition:0', 'DataLossShutdown:0', 'SessionExpires:0', 'Restart:0', 'ApplyPartitionState:0', 'FollowerFetch:1'],
    ],
    ['znode-race', 'leader-elected-from-isr', ['Crash:0', 'SessionExpires:0', 'Restart:0', 'WinLeaderZnode:0']],
    ['znode-race', 'no-committed-message-loss', ['Produce:0', 'ShrinkIsr:0', 'HandleAlterPartition:0', 'Crash:0', 'SessionExpires:0', 'WinLeaderZnode:1']],
    [
      'largest-leo-election',
      'no-committed-message-loss',
      ['Produce:0', 'FollowerFetch:1', 'FollowerFetch:1', 'ShrinkIsr:0', 'HandleAlterPartition:0', 'CleanShutdown:0', 'Crash:1', 'SessionExpires:1'],
    ],
    [
      'restart-before-fence',
      'no-committed-message-loss',
      ['Produce:0', 'FollowerFetch:1', 'FollowerFetch:1', 'FollowerFetch:2', 'FollowerFetch:2', 'DataLossShutdown:0', 'Restart:0'],
    ],
  ])('%s violates %s in exactly these steps', (preset, property, expected) => {
    const verdict = verdicts.get(preset)!;
    expect(verdict.violations.find((v) => v.property === property)?.length).toBe(expected.length);
    const result = checkModel(replication, { preset, properties: [property] });
    expect(result.outcome.status).toBe('violation');
    expect(steps(result.violations[0].trace.actions)).toEqual(expected);
  });

  it('kip-101: the follower truncates the committed record because its last epoch is unknown to the stale leader', () => {
    const { violations } = checkModel(replication, { preset: 'kip-101', properties: ['no-committed-message-loss'] });
    const states = violations[0].trace.states as readonly { brokers: readonly { log: readonly number[]; highWatermark: number; leaderEpoch: number }[] }[];
    const [beforeTruncation, after] = states.slice(-2);
    // Broker 0 still acts on epoch 0 and never wrote in a later epoch; broker 1 holds a record of epoch 2 and HW 0.
    expect(beforeTruncation.brokers[0].leaderEpoch).toBe(0);
    expect(beforeTruncation.brokers[1].log).toHaveLength(2);
    expect(beforeTruncation.brokers[1].highWatermark).toBe(0);
    expect(after.brokers[1].log).toEqual([]);
  });
});

describe('KIP-320 closes the holes the older eras leave', () => {
  it('Kafka 2.0 (kip-279) still falls back to the HW at the kip-101 preset\'s bounds: no epoch is cached on election before KAFKA-7415', () => {
    const { violations } = checkModel(replication, { preset: 'kip-101', sets: ['truncation=kip-279'], properties: ['no-committed-message-loss'] });
    expect(violations[0].record.path).toHaveLength(13);
    expect(steps(violations[0].trace.actions).at(-1)).toBe('TruncateFollower:1');
  });


  it('at the kip-101 preset\'s bounds, KIP-320 truncation holds past the 13-step counterexample (BFS to depth 15)', () => {
    const kip101 = replication.presets.find((p) => p.name === 'kip-101')!;
    const sets = Object.entries(kip101.params).map(([k, v]) => `${k}=${String(v)}`).concat('truncation=kip-320', 'kip320Fencing=auto');
    const { outcome } = checkModel(replication, { sets, maxDepth: 15, properties: ['no-committed-message-loss'] });
    expect(outcome.status).toBe('ok');
    expect(outcome.stoppedBy).toBe('max-depth');
  });
});

describe('replication at 5 replicas (RF 5, as critical topics run)', () => {
  it('unclean election loses a committed record in 4 steps, BFS over 1,329 states', () => {
    const { outcome, violations } = checkModel(replication, { preset: 'unclean-election', sets: ['replicas=5'], properties: ['no-committed-message-loss'] });
    expect(violations[0].record.path).toHaveLength(4);
    expect(outcome.stats.distinctStates).toBe(1329);
  });

  it('today\'s Kafka with min ISR 3 survives 2,000 seeded walks of 50 steps', () => {
    const { outcome } = checkModel(replication, { sets: ['replicas=5', 'minInsyncReplicas=3'], strategy: 'simulate', seed: 1, walks: 2000 });
    expect(outcome.status).toBe('ok');
  });
});

describe('replication simulation', () => {
  // A size BFS cannot exhaust (3 replicas, 3 records, 4 leader epochs: `default` is at 12.8 million states and depth
  // 17 after five minutes); seeded uniform walks of 50 steps, the first failing one shrunk. Each row pins
  // the walk that first broke the property and the shrunk length, so a change in the walker or the model shows.
  const large = ['replicas=3', 'records=3', 'maxLeaderEpoch=4', 'maxPartitionEpoch=8'];
  it.each([
    ['unclean-election', 'no-committed-message-loss', 137, 4],
    ['acks-1', 'acked-writes-survive', 3, 9],
    ['hw-truncation', 'no-committed-message-loss', 18, 7],
    ['kip-101', 'no-committed-message-loss', 360, 15],
    // With failureDetection=instant: at the timeout default every crash needs a SessionExpires step as well, and
    // 100,000 uniform walks miss the longer story (measured: none of them breaks it, 180 s).
    ['kip-279', 'no-committed-message-loss', 10251, 19, ['failureDetection=instant']],
    ['last-replica-standing', 'no-committed-message-loss', 127, 9],
    ['no-maximal-isr', 'no-committed-message-loss', 2, 5],
    ['largest-leo-election', 'no-committed-message-loss', 6728, 8],
    ['elr-last-known-leader', 'no-committed-message-loss', 187, 9],
    ['kip-903', 'no-committed-message-loss', 43, 10],
    ['hw-below-min-isr', 'no-committed-message-loss', 16, 5],
    ['znode-race', 'no-committed-message-loss', 137, 6],
    ['restart-before-fence', 'no-committed-message-loss', 6, 7],
    ['restart-before-fence-elr', 'no-committed-message-loss', 6, 7],
  ] as [string, string, number, number, string[]?][])('finds %s (%s) at the larger size: walk %i breaks it, shrunk to %i steps', (preset, property, walk, length, extra) => {
    const result = checkModel(replication, { preset, sets: [...large, ...(extra ?? [])], properties: [property], strategy: 'simulate', seed: 1, walks: 100_000 });
    expect(result.outcome.status).toBe('violation');
    expect(result.outcome.simulation?.foundInWalk).toBe(walk);
    expect(result.violations[0].record.property).toBe(property);
    expect(result.violations[0].record.path).toHaveLength(length);
    expect(result.violations[0].trace.states).toHaveLength(length + 1);
  });

  it('covers every violating bug preset (the release presets replay them: release-history.test.ts)', () => {
    const defaults = Object.fromEntries(replication.params.map((p) => [p.name, p.default]));
    const liveness = new Set(replication.properties(defaults).filter((p) => p.kind === 'liveness').map((p) => p.name));
    // Bug presets of safety properties (liveness presets such as dead-follower are checked by exhaustive search only).
    const violating = replication.presets
      .filter((p) => 'violates' in p.expect && !p.name.startsWith('kafka-') && p.expect.violates.some((v) => !liveness.has(v)))
      .map((p) => p.name);
    expect(violating.sort()).toEqual([
      'acks-1', 'elr-last-known-leader', 'fatal-truncation', 'hw-below-min-isr', 'hw-truncation', 'kip-101', 'kip-279', 'kip-903', 'largest-leo-election',
      'last-replica-standing', 'no-maximal-isr', 'restart-before-fence', 'restart-before-fence-elr', 'unclean-election', 'znode-race',
    ]);
  });
});
