// `fetch=async` (request handled by the leader, response delivered later, lost or discarded) and partial responses
// (maxRecordsPerFetch): one response reproduces the atomic fetch, a stale one is discarded by the fetcher's own
// check, a lost one lets the follower fetch again, and the bug presets are still found, one or two steps longer.

import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { replicationDefinition as replication } from '../../properties/replication/replication-definition.ts';
import { TOGGLE_NAMES } from './kafka-release.ts';
import type { ReplicationAction } from './replication-actions.ts';
import { replicationConfig } from './replication-config.ts';
import { replicationModel } from './replication-model.ts';
import { recordLabel, type ReplicationState } from './replication-state.ts';

const defaults = Object.fromEntries([
  ...replication.params.map((p) => [p.name, p.default] as const),
  ...TOGGLE_NAMES.map((name) => [name, 'auto'] as const),
]);

function run(overrides: Record<string, unknown>, actions: readonly ReplicationAction[]): ReplicationState {
  const model = replicationModel(replicationConfig({ ...defaults, ...overrides } as never));
  let s = model.init()[0];
  for (const a of actions) {
    const next = model.next(s, a);
    if (next === undefined) throw new Error(`${a.type} ${'broker' in a ? a.broker : ''} not enabled`);
    s = next;
  }
  return s;
}

const enabled = (overrides: Record<string, unknown>, s: ReplicationState, a: ReplicationAction): boolean =>
  replicationModel(replicationConfig({ ...defaults, ...overrides } as never)).next(s, a) !== undefined;

const act = (type: ReplicationAction['type'], broker: number) => ({ type, broker }) as ReplicationAction;
const logOf = (s: ReplicationState, b: number): string[] => s.brokers[b].log.map(recordLabel);
const ASYNC = { fetch: 'async' };

describe('fetch=async', () => {
  it('a request and its response reach the state one atomic fetch reaches', () => {
    const atomic = run({}, [act('Produce', 0), act('FollowerFetch', 1), act('FollowerFetch', 1)]);
    const async = run(ASYNC, [
      act('Produce', 0), act('FollowerFetch', 1), act('ReceiveFetchResponse', 1), act('FollowerFetch', 1), act('ReceiveFetchResponse', 1),
    ]);
    expect(async).toEqual(atomic);
  });

  it('the leader acts on the request at once: the follower joins the count of the HW before it has the data', () => {
    const s = run(ASYNC, [act('Produce', 0), act('FollowerFetch', 1)]);
    expect(s.brokers[0].role?.followerLeo[1]).toBe(0);
    expect(s.brokers[1].fetchResponse?.records.map(recordLabel)).toEqual(['a@0']);
    expect(logOf(s, 1)).toEqual([]);
    // One request outstanding per follower.
    expect(enabled(ASYNC, s, act('FollowerFetch', 1))).toBe(false);
  });

  it('a response from a broker the follower no longer fetches from is discarded (it became leader)', () => {
    const s = run(ASYNC, [act('Produce', 0), act('FollowerFetch', 1), act('CleanShutdown', 0), act('ApplyPartitionState', 1), act('ReceiveFetchResponse', 1)]);
    expect(s.brokers[1].role).not.toBeNull();
    expect(logOf(s, 1)).toEqual([]);
    expect(s.brokers[1].fetchResponse).toBeNull();
  });

  it('a lost response lets the follower fetch again, from the same offset', () => {
    const s = run(ASYNC, [act('Produce', 0), act('FollowerFetch', 1), act('DropFetchResponse', 1), act('FollowerFetch', 1), act('ReceiveFetchResponse', 1)]);
    expect(logOf(s, 1)).toEqual(['a@0']);
  });

  it('maxRecordsPerFetch=1 takes one record per response', () => {
    const s = run({ maxRecordsPerFetch: 1 }, [act('Produce', 0), act('Produce', 0), act('FollowerFetch', 1)]);
    expect(logOf(s, 1)).toEqual(['a@0']);
    expect(logOf(run({ maxRecordsPerFetch: 1 }, [act('Produce', 0), act('Produce', 0), act('FollowerFetch', 1), act('FollowerFetch', 1)]), 1)).toEqual(['a@0', 'b@0']);
  });

  it.each([
    [['records=1', 'maxLeaderEpoch=2', 'maxPartitionEpoch=3', 'cleanShutdowns=0'], 929],
    [['records=1', 'maxLeaderEpoch=2', 'maxPartitionEpoch=3', 'cleanShutdowns=0', 'fetch=async'], 2495],
    [['records=2', 'maxLeaderEpoch=2', 'maxPartitionEpoch=3', 'cleanShutdowns=0', 'maxRecordsPerFetch=1'], 3041],
  ])('today\'s Kafka holds at %j over %i states', (sets, distinct) => {
    const { outcome } = checkModel(replication, { sets });
    expect(outcome.status).toBe('ok');
    expect(outcome.stats.distinctStates).toBe(distinct);
  });

  it.each([
    ['kip-903', 12],
    ['kip-101', 14],
  ])('%s is still found with async fetches, in %i steps', (preset, length) => {
    const { violations } = checkModel(replication, { preset, sets: ['fetch=async'], properties: ['no-committed-message-loss'] });
    expect(violations[0].record.path).toHaveLength(length);
  });
});
