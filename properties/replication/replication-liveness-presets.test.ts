// The replication liveness presets pinned against Kafka's history: without onBrokerStartup's election a partition
// whose last ISR member returns stays offline; KAFKA-13091 (2.8's AlterIsr response forgot the HW) leaves the HW
// below the log end for ever, and 3.1's fix (9ee19713966) closes it. Lasso prefix and loop lengths are pinned.
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { runPreset } from '../../src/check/run-suite.ts';
import { releaseToggles } from '../../model/replication/kafka-release.ts';
import { replicationDefinition as replication } from './replication-definition.ts';

const preset = (name: string) => replication.presets.find((p) => p.name === name)!;

function lasso(presetName: string, property: string) {
  const { outcome, violations } = checkModel(replication, { preset: presetName, properties: [property] });
  expect(violations.map((v) => v.record.property)).toEqual([property]);
  const { path, lasso } = violations[0].record;
  return { outcome, actions: violations[0].trace.actions.map((a) => a.type), prefix: lasso!.loop, loop: path.length - lasso!.loop, trigger: lasso!.trigger };
}

describe('partition-eventually-has-leader can fail', () => {
  it('no-startup-election: the only ISR member crashes, is noticed, returns and is never elected (7-step prefix, stutter)', () => {
    const l = lasso('no-startup-election', 'partition-eventually-has-leader');
    expect(l.outcome.stats.distinctStates).toBe(3571);
    expect(l.outcome.graph?.edges).toBe(6465);
    expect([l.trigger, l.prefix, l.loop]).toEqual([5, 7, 0]);
    expect(l.actions).toEqual(['ShrinkIsr', 'HandleAlterPartition', 'Crash', 'SessionExpires', 'Restart', 'ApplyPartitionState', 'ApplyPartitionState']);
  });

  it('startup-election: Kafka elects the returning ISR member (holds over 4,002 states)', () => {
    const c = runPreset(replication, preset('startup-election'));
    expect(c.met).toBe(true);
    expect(c.distinctStates).toBe(4002);
  });
});

describe('KAFKA-13091: the HW stops advancing after an AlterIsr response', () => {
  it('is a switch that only 2.8 (2.7–3.0 AlterIsr) lacks', () => {
    expect(releaseToggles('2.8').kafka13091).toBe(false);
    expect(releaseToggles('2.1').kafka13091).toBe(true);
    expect(releaseToggles('3.5').kafka13091).toBe(true);
  });

  it('kafka-13091 (2.8): produce, shrink to the leader, AlterIsr commits — then the HW stays at 0 (3-step prefix, stutter)', () => {
    const l = lasso('kafka-13091', 'high-watermark-eventually-advances');
    expect(l.outcome.stats.distinctStates).toBe(56);
    expect([l.trigger, l.prefix, l.loop]).toEqual([1, 3, 0]);
    expect(l.actions).toEqual(['Produce', 'ShrinkIsr', 'HandleAlterPartition']);
  });

  it('kafka-13091-isr-flapping (async fetch, every response lost): shrink/expand for ever, a real 2-step loop that only maxPartitionEpoch ends (bounded)', () => {
    const { outcome, violations } = checkModel(replication, { preset: 'kafka-13091-isr-flapping', properties: ['high-watermark-eventually-advances'] });
    expect(outcome.status).toBe('incomplete');
    expect(outcome.stats.distinctStates).toBe(124);
    const { path, lasso } = violations[0].record;
    expect(lasso).toEqual({ trigger: 1, loop: 14, bounded: 'maxPartitionEpoch=5' });
    expect(path.length - lasso!.loop).toBe(2);
    expect(violations[0].trace.actions.slice(14).map((a) => a.type)).toEqual(['DropFetchResponse', 'FollowerFetch']);
    expect(runPreset(replication, preset('kafka-13091-isr-flapping-fixed')).met).toBe(true);
  });

  it('kafka-13091-fixed: with the fix the response recomputes the HW (holds over 43 states)', () => {
    const c = runPreset(replication, preset('kafka-13091-fixed'));
    expect(c.met).toBe(true);
    expect(c.distinctStates).toBe(43);
  });
});
