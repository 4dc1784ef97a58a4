// Unit tests for the ReplicationControlManager callers: broker lifecycle handlers, AlterPartition validation
// and results, and the ElectLeaders API, each on one partition with plain broker registrations.

import { describe, expect, it } from 'vitest';
import { alterPartition, validateAlterPartition, type AlterPartitionRequest } from './alter-partition.ts';
import { acceptableLeaders, type BrokerRegistration, type ControllerContext } from './controller-context.ts';
import { electLeaders, maybeBalancePreferredLeader, maybeElectUncleanLeader } from './elect-leaders.ts';
import {
  handleBrokerFenced, handleBrokerInControlledShutdown, handleBrokerUncleanShutdown, handleBrokerUnfenced,
  handleBrokerUnregistered, handleDirectoryOffline,
} from './generate-leader-and-isr-updates.ts';
import { partitionRegistration, type PartitionInit } from './partition-registration.ts';

const broker = (id: number, over: Partial<BrokerRegistration> = {}): BrokerRegistration =>
  ({ id, epoch: 100 + id, fenced: false, inControlledShutdown: false, ...over });
const ctxOf = (over: Partial<ControllerContext> = {}): ControllerContext => ({
  brokers: [broker(0), broker(1), broker(2)], metadataVersion: '4.0-IV1', elrConfigEnabled: false,
  minInsyncReplicas: 2, uncleanLeaderElectionEnable: false, ...over,
});
const part = (over: Partial<PartitionInit> = {}) => partitionRegistration({
  replicas: [0, 1, 2], isr: [0, 1, 2], leader: 0, leaderRecoveryState: 'RECOVERED', leaderEpoch: 5, partitionEpoch: 7, ...over,
});

describe('broker lifecycle', () => {
  it('fencing the leader moves leadership to the next ISR member and drops it from the ISR', () => {
    const r = handleBrokerFenced(part(), 0, ctxOf());
    expect(r.record).toEqual({ leader: 1, isr: [1, 2] });
    expect(r.partition.leaderEpoch).toBe(6);
  });

  it('fencing a broker outside the ISR changes nothing', () => {
    const p = part({ isr: [0, 1] });
    expect(handleBrokerFenced(p, 2, ctxOf()).partition).toBe(p);
  });

  it('without ELR the last ISR member stays while the partition goes leaderless; unfencing it elects it again', () => {
    const fenced = ctxOf({ brokers: [broker(0), broker(1, { fenced: true }), broker(2, { fenced: true })] });
    const down = handleBrokerFenced(part({ isr: [0] }), 0, fenced);
    expect(down.partition).toMatchObject({ leader: -1, isr: [0] });
    const back = handleBrokerUnfenced(down.partition, 0, { ...fenced, brokers: [broker(0, { fenced: true }), ...fenced.brokers.slice(1)] });
    expect(back.record).toEqual({ leader: 0 });
  });

  it('unfencing never touches a partition that has a leader, and never grows the ISR', () => {
    const p = part({ isr: [0] });
    expect(handleBrokerUnfenced(p, 1, ctxOf()).partition).toBe(p);
  });

  it('elects an unfenced broker from outside the ISR only when the topic allows unclean election', () => {
    const p = part({ isr: [0], leader: -1 });
    const ctx = ctxOf({ brokers: [broker(0, { fenced: true }), broker(1, { fenced: true }), broker(2)] });
    expect(handleBrokerUnfenced(p, 1, ctx).record).toBeUndefined();
    expect(handleBrokerUnfenced(p, 1, { ...ctx, uncleanLeaderElectionEnable: true }).record)
      .toEqual({ leader: 1, isr: [1], leaderRecoveryState: 'RECOVERING' });
  });

  it('controlled shutdown of the leader hands leadership to an active ISR member', () => {
    const ctx = ctxOf({ brokers: [broker(0), broker(1, { inControlledShutdown: true }), broker(2)] });
    expect(handleBrokerInControlledShutdown(part(), 0, ctx).record).toEqual({ leader: 2, isr: [1, 2] });
  });

  it('an offline log dir makes the replica leave the ISR, and offline replicas are never acceptable', () => {
    expect(handleDirectoryOffline(part(), 0, ctxOf()).record).toEqual({ leader: 1, isr: [1, 2] });
    expect(acceptableLeaders(part(), ctxOf({ offlineReplicas: [1] }))).toEqual([0, 2]);
  });

  it('an unregistered ELR member stops being electable but stays in the ELR (Kafka only removes it from the ISR)', () => {
    const ctx = ctxOf({ elrConfigEnabled: true, minInsyncReplicas: 3 });
    const p = part({ isr: [], leader: -1, elr: [1, 2] });
    const r = handleBrokerUnregistered(p, 1, ctx);
    expect(r.record).toEqual({ leader: 2, isr: [2], eligibleLeaderReplicas: [1] });
  });

  it('an unclean shutdown drops the broker from ISR and ELR, but only from MV 4.0-IV1', () => {
    const ctx = ctxOf({ elrConfigEnabled: true, minInsyncReplicas: 3 });
    const p = part({ isr: [0], elr: [1, 2] });
    expect(handleBrokerUncleanShutdown(p, 2, ctx).record).toEqual({ leader: -2, eligibleLeaderReplicas: [1] });
    expect(handleBrokerUncleanShutdown(p, 2, { ...ctx, metadataVersion: '3.9-IV0' }).partition).toBe(p);
  });

  it('follows the ELR worked example: fence 2, 3, 1 with min ISR 3', () => {
    const ctx = ctxOf({ brokers: [0, 1, 2, 3].map((id) => broker(id)), elrConfigEnabled: true, minInsyncReplicas: 3 });
    let p = part({ replicas: [0, 1, 2, 3], isr: [0, 1, 2, 3] });
    for (const b of [2, 3, 1]) p = handleBrokerFenced(p, b, ctx).partition;
    expect(p).toMatchObject({ leader: 0, isr: [0], elr: [1, 3], lastKnownElr: [] });
  });

  it('needs MV 4.0-IV1 as well as the config for ELR', () => {
    const ctx = ctxOf({ elrConfigEnabled: true, minInsyncReplicas: 3, metadataVersion: '4.0-IV0' });
    expect(handleBrokerFenced(part(), 2, ctx).record).toEqual({ leader: -2, isr: [0, 1] });
  });
});

describe('AlterPartition', () => {
  const request = (over: Partial<AlterPartitionRequest> = {}): AlterPartitionRequest => ({
    brokerId: 0, brokerEpoch: 100, leaderEpoch: 5, partitionEpoch: 7, newIsr: [0, 1], leaderRecoveryState: 'RECOVERED', ...over,
  });

  it('checks in Kafka order', () => {
    const ctx = ctxOf();
    expect(validateAlterPartition(part(), request({ brokerEpoch: 1, leaderEpoch: 9 }), ctx)).toBe('STALE_BROKER_EPOCH');
    expect(validateAlterPartition(undefined, request(), ctx)).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    expect(validateAlterPartition(part(), request({ leaderEpoch: 6, brokerId: 1, brokerEpoch: 101 }), ctx)).toBe('NOT_CONTROLLER');
    expect(validateAlterPartition(part(), request({ leaderEpoch: 4, brokerId: 1, brokerEpoch: 101 }), ctx)).toBe('FENCED_LEADER_EPOCH');
    expect(validateAlterPartition(part(), request({ brokerId: 1, brokerEpoch: 101, partitionEpoch: 6 }), ctx)).toBe('INVALID_REQUEST');
    expect(validateAlterPartition(part(), request({ partitionEpoch: 6, newIsr: [9] }), ctx)).toBe('INVALID_UPDATE_VERSION');
    expect(validateAlterPartition(part(), request({ newIsr: [0, 0] }), ctx)).toBe('INVALID_REQUEST');
  });

  it('rejects ineligible ISR members with INELIGIBLE_REPLICA (OPERATION_NOT_ATTEMPTED before v2)', () => {
    const ctx = ctxOf({ brokers: [broker(0), broker(1, { fenced: true }), broker(2)] });
    expect(alterPartition(part(), request(), ctx).error).toBe('INELIGIBLE_REPLICA');
    expect(alterPartition(part(), request({ version: 1 }), ctx).error).toBe('OPERATION_NOT_ATTEMPTED');
    expect(alterPartition(part(), request({ newIsr: [0, 2], newIsrBrokerEpochs: [100, 99] }), ctxOf()).error).toBe('INELIGIBLE_REPLICA');
    expect(alterPartition(part(), request({ newIsr: [0, 2], newIsrBrokerEpochs: [100, -1] }), ctxOf()).error).toBe('NONE');
  });

  it('commits an accepted ISR change without a leader-epoch bump from MV 3.6', () => {
    const r = alterPartition(part(), request(), ctxOf());
    expect(r).toMatchObject({ error: 'NONE', record: { leader: -2, isr: [0, 1] } });
    expect([r.partition.leaderEpoch, r.partition.partitionEpoch]).toEqual([5, 8]);
  });

  it('lets a recovering leader report RECOVERED', () => {
    const p = part({ isr: [0], leaderRecoveryState: 'RECOVERING' });
    expect(alterPartition(p, request({ newIsr: [0] }), ctxOf()).partition.leaderRecoveryState).toBe('RECOVERED');
  });

  it('writes the record but answers NEW_LEADER_ELECTED when completing a reassignment moves the leader', () => {
    const p = part({ replicas: [1, 2, 0], isr: [0, 1], removingReplicas: [0], addingReplicas: [2] });
    const r = alterPartition(p, request({ newIsr: [0, 1, 2] }), ctxOf());
    expect(r.error).toBe('NEW_LEADER_ELECTED');
    expect(r.partition).toMatchObject({ leader: 1, replicas: [1, 2], isr: [1, 2], removingReplicas: [], addingReplicas: [] });
    expect(alterPartition(p, request({ newIsr: [0, 1, 2], version: 1 }), ctxOf()).error).toBe('FENCED_LEADER_EPOCH');
  });
});

describe('ElectLeaders', () => {
  it('PREFERRED: not needed when replicas[0] leads, unavailable when it cannot, else elects it', () => {
    expect(electLeaders(part(), 'PREFERRED', ctxOf()).error).toBe('ELECTION_NOT_NEEDED');
    const p = part({ leader: 1 });
    expect(electLeaders(p, 'PREFERRED', ctxOf({ brokers: [broker(0, { fenced: true }), broker(1), broker(2)] })).error)
      .toBe('PREFERRED_LEADER_NOT_AVAILABLE');
    expect(electLeaders(p, 'PREFERRED', ctxOf())).toMatchObject({ error: 'NONE', record: { leader: 0 } });
  });

  it('UNCLEAN: not needed with a leader; elects outside the ISR when nothing else is possible', () => {
    expect(electLeaders(part(), 'UNCLEAN', ctxOf()).error).toBe('ELECTION_NOT_NEEDED');
    const p = part({ isr: [0], leader: -1 });
    const ctx = ctxOf({ brokers: [broker(0, { fenced: true }), broker(1), broker(2)] });
    expect(electLeaders(p, 'UNCLEAN', ctx)).toMatchObject({
      error: 'NONE', record: { leader: 1, isr: [1], leaderRecoveryState: 'RECOVERING' },
    });
    const none = ctxOf({ brokers: [broker(0, { fenced: true })] });
    expect(electLeaders(p, 'UNCLEAN', none).error).toBe('ELIGIBLE_LEADERS_NOT_AVAILABLE');
  });

  it('the periodic unclean task needs the topic config; the rebalance task runs a PREFERRED build', () => {
    const p = part({ isr: [0], leader: -1 });
    const ctx = ctxOf({ brokers: [broker(0, { fenced: true }), broker(1), broker(2)] });
    expect(maybeElectUncleanLeader(p, ctx).record).toBeUndefined();
    expect(maybeElectUncleanLeader(p, { ...ctx, uncleanLeaderElectionEnable: true }).partition.leader).toBe(1);
    expect(maybeBalancePreferredLeader(part({ leader: 2 }), ctxOf()).partition.leader).toBe(0);
  });
});
