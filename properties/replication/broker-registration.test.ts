// Broker registration and failure detection: what registerBroker's shutdown handling does release by release
// (KAFKA-15586, KAFKA-16952, KAFKA-18106, KAFKA-18635), and what the controller noticing a failure only at the
// session / heartbeat timeout (failureDetection=timeout) changes — a restart before the fence, pinned.

import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/check/resolve-params.ts';
import { checkModel } from '../../src/check/run-check.ts';
import type { ParamValue } from '../../src/contract/params.ts';
import { KAFKA_VERSIONS } from '../../model/replication/kafka-release.ts';
import type { ReplicationAction } from '../../model/replication/replication-actions.ts';
import type { ReplicationState } from '../../model/replication/replication-state.ts';
import { registrationHandling } from '../../model/rules/partition-change/register-broker.ts';
import { replicationDefinition as replication } from './replication-definition.ts';
import { committedRecordsInIsr } from './replication-properties.ts';

const LOSS = ['no-committed-message-loss'];
const steps = (actions: readonly ReplicationAction[]): string[] => actions.map((a) => ('broker' in a ? `${a.type}:${a.broker}` : a.type));
const presetParams = (name: string) => replication.presets.find((p) => p.name === name)!.params;

function shortest(preset: string, sets: readonly string[] = []) {
  const { outcome, violations } = checkModel(replication, { preset, sets, properties: LOSS });
  return { outcome, trace: (violations[0]?.trace.actions ?? []) as readonly ReplicationAction[] };
}

function replayLoses(values: Record<string, ParamValue>, actions: readonly ReplicationAction[]): boolean {
  const model = replication.create(resolveParams(replication, { values }));
  let s = model.init()[0] as ReplicationState;
  for (const a of actions) {
    const next = model.next(s, a) as ReplicationState | undefined;
    if (next === undefined) return false;
    s = next;
  }
  return !committedRecordsInIsr(s);
}

describe('registerBroker release by release (model/rules/partition-change/register-broker.ts)', () => {
  const none = { kafka15586: false, kafka16952: false, kafka18106: false, kafka18635: false };
  it.each([
    // [rules, ELR-supporting MV, clean shutdown, handling]
    ['3.5–3.7', none, true, false, 'none'],
    ['3.8 unclean', { ...none, kafka15586: true }, true, false, 'unclean'],
    ['3.8 clean', { ...none, kafka15586: true }, true, true, 'none'],
    ['3.9 clean (every incarnation)', { ...none, kafka15586: true, kafka16952: true }, true, true, 'unclean'],
    ['3.9 production MV (no ELR)', { ...none, kafka15586: true, kafka16952: true }, false, false, 'none'],
    ['#18045 without ELR', { ...none, kafka16952: true, kafka18106: true }, false, false, 'remove'],
    ['latest clean', { kafka15586: true, kafka16952: true, kafka18106: true, kafka18635: true }, true, true, 'remove'],
    ['latest unclean', { kafka15586: true, kafka16952: true, kafka18106: true, kafka18635: true }, true, false, 'unclean'],
  ] as const)('%s', (_label, rules, elr, clean, handling) => {
    expect(registrationHandling(rules, elr, clean)).toBe(handling);
  });
});

describe('failureDetection=timeout: a restart before the controller fences the broker', () => {
  it('restart-before-fence: the leader loses power and re-registers before its fence, staying leader with an empty log (7 steps)', () => {
    const { outcome, trace } = shortest('restart-before-fence');
    expect(steps(trace)).toEqual(['Produce:0', 'FollowerFetch:1', 'FollowerFetch:1', 'FollowerFetch:2', 'FollowerFetch:2', 'DataLossShutdown:0', 'Restart:0']);
    expect(outcome.stats.distinctStates).toBe(474);
  });

  it('restart-before-fence-elr: the same restart with ELR but 3.7\'s registerBroker; failureDetection=instant holds at this size', () => {
    const timeout = shortest('restart-before-fence-elr');
    expect(timeout.trace).toHaveLength(7);
    expect(timeout.outcome.stats.distinctStates).toBe(474);
    const instant = checkModel(replication, { preset: 'restart-before-fence-elr', sets: ['failureDetection=instant'] }).outcome;
    expect(instant.status).toBe('ok');
    expect(instant.stats.distinctStates).toBe(18334);
  });

  it.each(KAFKA_VERSIONS.filter((v) => KAFKA_VERSIONS.indexOf(v) >= KAFKA_VERSIONS.indexOf('3.5')).map((v) => [v, ['3.5', '3.6', '3.7'].includes(v)]))(
    'restart-before-fence-elr trace with ELR on and the registration switches from Kafka %s: lost %s (3.7 only logged the unclean shutdown)',
    (version, loses) => {
      const values = { ...presetParams('restart-before-fence-elr'), kafkaVersion: version, kip966Elr: 'true', kafka15586: 'auto', kafka16952: 'auto', kafka18635: 'auto' };
      expect(replayLoses(values, shortest('restart-before-fence-elr').trace)).toBe(loses);
    },
  );

  it('a ZooKeeper broker cannot register while its old session lives: Restart waits for SessionExpires', () => {
    const values = { ...presetParams('restart-before-fence'), kafkaVersion: '2.8' };
    expect(replayLoses(values, shortest('restart-before-fence').trace)).toBe(false);
    const withExpiry = shortest('restart-before-fence').trace.slice(0, 6).concat([{ type: 'SessionExpires', broker: 0 }, { type: 'Restart', broker: 0 }]);
    const model = replication.create(resolveParams(replication, { values }));
    let s = model.init()[0] as ReplicationState;
    for (const a of withExpiry) s = model.next(s, a) as ReplicationState;
    expect(s.brokers[0].alive && s.controller.isr.includes(0)).toBe(false);
  });
});

describe('clean-shutdown detection with ELR (failureDetection=instant)', () => {
  const size = ['dataLossShutdowns=1', 'crashes=0', 'failureDetection=instant'];
  it('without KAFKA-15586/16952/18635 a broker that lost power stays in the ELR and is elected: 6 steps', () => {
    const { outcome, violations } = checkModel(replication, { sets: [...size, 'kafka15586=false', 'kafka16952=false', 'kafka18635=false'], properties: LOSS });
    expect(steps(violations[0].trace.actions as readonly ReplicationAction[])).toEqual([
      'Produce:0', 'FollowerFetch:1', 'FollowerFetch:1', 'CleanShutdown:0', 'DataLossShutdown:1', 'Restart:1',
    ]);
    expect(outcome.stats.distinctStates).toBe(464);
  });

  // KAFKA-16952 without KAFKA-18635: a cleanly restarted broker also leaves the ELR — availability, not safety.
  it.each([
    ['', 'ok', 2482],
    ['kafka18635=false', 'ok', 2104],
  ])('latest small with %s: %s over %i states', (set, status, distinct) => {
    const sets = ['records=1', 'maxLeaderEpoch=2', 'maxPartitionEpoch=3', 'failureDetection=instant'];
    const { outcome } = checkModel(replication, { sets: set === '' ? sets : [...sets, set] });
    expect(outcome.status).toBe(status);
    expect(outcome.stats.distinctStates).toBe(distinct);
  });
});
