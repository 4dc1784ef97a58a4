// Which Kafka releases have which data-loss bug: each bug preset's shortest trace is replayed at every release
// (the preset's own fix switch back on `auto`), and must lose the record exactly in the releases that had the bug.
// Then what each fix switch changes on its own: a verdict where one flips, a state count where none does.

import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/check/resolve-params.ts';
import { checkModel } from '../../src/check/run-check.ts';
import type { ParamValue } from '../../src/contract/params.ts';
import { KAFKA_VERSIONS, type KafkaVersion } from '../../model/replication/kafka-release.ts';
import type { ReplicationAction } from '../../model/replication/replication-actions.ts';
import type { ReplicationState } from '../../model/replication/replication-state.ts';
import { replicationDefinition as replication } from './replication-definition.ts';
import { committedRecordsInIsr } from './replication-properties.ts';

const LOSS = ['no-committed-message-loss'];
const presetNamed = (name: string) => replication.presets.find((p) => p.name === name)!;

const traces = new Map<string, readonly ReplicationAction[]>();
/** The preset's shortest no-committed-message-loss trace (memoized: kip-279's BFS takes ~15 s). */
function shortestTrace(preset: string): readonly ReplicationAction[] {
  if (!traces.has(preset)) {
    const { violations } = checkModel(replication, { preset, properties: LOSS });
    traces.set(preset, violations[0].trace.actions as readonly ReplicationAction[]);
  }
  return traces.get(preset)!;
}

/**
 * 'loses' when every step is enabled and the last state lost a committed record; else 'safe'. `waitForSession`: a
 * restart the release refuses because the old session lives (ZK's checkedEphemeralCreate) happens after its
 * SessionExpires instead — the same story, the broker just comes back later.
 */
function replayAt(values: Record<string, ParamValue>, actions: readonly ReplicationAction[], waitForSession = false): 'loses' | 'safe' {
  const model = replication.create(resolveParams(replication, { values }));
  let s = model.init()[0] as ReplicationState;
  for (const a of actions) {
    let next = model.next(s, a) as ReplicationState | undefined;
    if (next === undefined && waitForSession && a.type === 'Restart') {
      const expired = model.next(s, { type: 'SessionExpires', broker: a.broker }) as ReplicationState | undefined;
      next = expired === undefined ? undefined : (model.next(expired, a) as ReplicationState | undefined);
    }
    if (next === undefined) return 'safe';
    s = next;
  }
  return committedRecordsInIsr(s) ? 'safe' : 'loses';
}

const from = (first: KafkaVersion): KafkaVersion[] => KAFKA_VERSIONS.slice(KAFKA_VERSIONS.indexOf(first));
const before = (fixed: KafkaVersion): KafkaVersion[] => KAFKA_VERSIONS.slice(0, KAFKA_VERSIONS.indexOf(fixed));

describe('each bug is in the releases that had it and not in those that fixed it', () => {
  it.each([
    // [bug preset, its fix switch, releases whose code loses the record on the bug's shortest trace]
    ['hw-truncation', 'kip101EpochTruncation', before('0.11')],
    ['kip-101', 'kip320Fencing', ['0.11', '1.1', '2.0']],
    ['kip-279', 'kip320Fencing', ['0.11', '1.1', '2.0']],
    // ZK releases ≤ 2.8 lose too: the model sends their ISR changes asynchronously and checks no member epoch (only
    // 2.7–2.8's AlterIsr did that; ≤ 2.6 wrote ZooKeeper synchronously — see the README's fidelity notes).
    ['kip-903', 'kip903BrokerEpochs', before('3.5')],
    // Not 2.8: this trace commits the record by the HW recomputed on the AlterIsr response, which 2.8 lacked (KAFKA-13091).
    ['hw-below-min-isr', 'kafka15583', before('3.7').filter((v) => v !== '2.8')],
    ['last-replica-standing', 'kip966Elr', before('latest')],
    // ZK releases refuse the restart before the session expires (checkedEphemeralCreate), so only KRaft ≤ 3.9.
    ['restart-before-fence', 'kafka18106', ['3.5', '3.6', '3.7', '3.9']],
  ] as const)('%s (fixed by %s): lost in exactly %j', (bug, fix, releases) => {
    const preset = presetNamed(bug);
    expect(preset.params[fix]).toBe('false');
    const trace = shortestTrace(bug);
    const losing = KAFKA_VERSIONS.filter((v) => replayAt({ ...preset.params, [fix]: 'auto', kafkaVersion: v }, trace, true) === 'loses');
    expect(losing).toEqual(releases);
  });

  it.each([
    ['hw-truncation', 'kip101EpochTruncation', {}],
    // The stale leader's OffsetsForLeaderEpoch answer is what KIP-320 fences (the trace's last step is refused).
    ['kip-101', 'kip320Fencing', {}],
    ['kip-279', 'kip320Fencing', {}],
    ['kip-903', 'kip903BrokerEpochs', {}],
    ['hw-below-min-isr', 'kafka15583', {}],
    ['last-replica-standing', 'kip966Elr', {}],
    ['no-maximal-isr', 'kip497MaximalIsr', {}],
    ['restart-before-fence', 'kafka18106', {}],
    ['restart-before-fence-elr', 'kafka15586', {}],
    ['restart-before-fence-elr', 'kafka16952', {}],
    ['restart-before-fence-elr', 'kafka18635', {}],
  ] as const)('%s: turning %s on alone (at %j) makes its shortest trace safe', (bug, fix, base) => {
    const params = { ...presetNamed(bug).params, ...base };
    const trace = shortestTrace(bug);
    expect(replayAt(params, trace)).toBe('loses');
    expect(replayAt({ ...params, [fix]: 'true' }, trace)).toBe('safe');
  });

  it.each(['0.11', '2.0'])('kip-101: KAFKA-7415 alone (caching the epoch on election) leaves the trace losing at %s', (version) => {
    const params = { ...presetNamed('kip-101').params, kafkaVersion: version, kafka7415: 'true' };
    expect(replayAt(params, shortestTrace('kip-101'))).toBe('loses');
  });
});

describe('hwCheckpoint: a crashed broker restores its last checkpointed HW', () => {
  const small = ['records=1', 'maxLeaderEpoch=2', 'maxPartitionEpoch=3', 'cleanShutdowns=0'];
  it.each([
    ['0.10', false, 'ok', 688, 0],
    // KIP-101's motivation: the restarted follower truncates to a stale checkpointed HW and drops a committed record.
    ['0.10', true, 'violation', 665, 10],
    ['2.1', true, 'ok', 1615, 0],
    ['latest', true, 'ok', 1623, 0],
  ] as const)('Kafka %s, hwCheckpoint=%s: %s over %i states (shortest %i)', (version, on, status, distinct, length) => {
    const { outcome, violations } = checkModel(replication, { sets: [`kafkaVersion=${version}`, ...small, `hwCheckpoint=${String(on)}`] });
    expect(outcome.status).toBe(status);
    expect(outcome.stats.distinctStates).toBe(distinct);
    if (length > 0) expect(violations[0].record.path).toHaveLength(length);
  });
});

describe('no-fatal-error', () => {
  it.each(KAFKA_VERSIONS.map((v) => [v, KAFKA_VERSIONS.indexOf(v) <= KAFKA_VERSIONS.indexOf('2.0')]))(
    'the fatal-truncation trace at %s halts the follower: %s (the exit was removed in 2.1, 0984a76b712)',
    (version, halts) => {
      const { violations } = checkModel(replication, { preset: 'fatal-truncation', properties: ['no-fatal-error'] });
      const model = replication.create(resolveParams(replication, { values: { ...presetNamed('fatal-truncation').params, kafkaVersion: version } }));
      let s = model.init()[0] as ReplicationState;
      for (const a of violations[0].trace.actions as readonly ReplicationAction[]) {
        const next = model.next(s, a) as ReplicationState | undefined;
        if (next === undefined) break;
        s = next;
      }
      expect(s.ghosts.fatal !== 0).toBe(halts);
    },
  );
});

describe('what each fix switch changes alone', () => {
  it.each([
    // 2.1 with one 2.1 fix taken back, at the kip-101 size (2.1 itself holds there, 239,122 states).
    ['kafka-2.1', 'kafka7415=false', 17],
    ['kafka-2.1', 'kip320Fencing=false', 12],
    // Today's Kafka without the strict min-ISR HW: ELR (KIP-966) is unsafe without KAFKA-15583 — at the default size.
    ['default', 'kafka15583=false', 4],
  ])('%s with %s loses a committed record in %i steps', (preset, set, length) => {
    const { violations } = checkModel(replication, { preset, sets: [set], properties: LOSS });
    expect(violations[0].record.path).toHaveLength(length);
  });

  // Small sizes where every run finishes in well under a second: today's Kafka and 2.1 (ZK) with one switch flipped.
  const latestSmall = ['records=1', 'maxLeaderEpoch=2', 'maxPartitionEpoch=3', 'cleanShutdowns=0'];
  const zk21Small = ['kafkaVersion=2.1', ...latestSmall, 'reassignments=1'];
  it.each([
    [latestSmall, '', 'ok', 929],
    [latestSmall, 'kip101EpochTruncation=false', 'ok', 918],
    [latestSmall, 'divergingEpochFetch=false', 'ok', 1083],
    [latestSmall, 'kip903BrokerEpochs=false', 'ok', 827],
    [latestSmall, 'kip966Elr=false', 'ok', 678],
    [zk21Small, '', 'ok', 3559],
    [zk21Small, 'kip101EpochTruncation=false', 'violation', 191],
    [zk21Small, 'kafka7164=false', 'ok', 3393],
    [zk21Small, 'kafka7415=false', 'ok', 3387],
    [zk21Small, 'kip320Fencing=false', 'ok', 4073],
    [zk21Small, 'divergingEpochFetch=true', 'ok', 3111],
    [zk21Small, 'kafka15583=true', 'ok', 3682],
  ])('%j with %s: %s over %i states', (sets, set, status, distinct) => {
    const { outcome } = checkModel(replication, { sets: set === '' ? sets : [...sets, set] });
    expect(outcome.status).toBe(status);
    expect(outcome.stats.distinctStates).toBe(distinct);
  });

  // No verdict and no state count moves with these at any size tried (README: which are redundant here and why).
  it.each(['kip279', 'kafka7128', 'kafka13790', 'kafka15021'])('%s changes nothing at the small sizes', (toggle) => {
    for (const [sets, value] of [[latestSmall, 'false'], [zk21Small, toggle === 'kafka13790' || toggle === 'kafka15021' ? 'true' : 'false']] as const) {
      const base = checkModel(replication, { sets }).outcome.stats.distinctStates;
      expect(checkModel(replication, { sets: [...sets, `${toggle}=${value}`] }).outcome.stats.distinctStates).toBe(base);
    }
  });
});
