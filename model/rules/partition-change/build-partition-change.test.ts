// Unit tests for buildPartitionChange and electLeader beyond the Kafka vectors: ELR bookkeeping, the
// last-known-leader path and its quirks, recovery-state requests and the merge rule.

import { describe, expect, it } from 'vitest';
import { buildPartitionChange, type PartitionChangeInput } from './build-partition-change.ts';
import { electLeader } from './elect-leader.ts';
import { mergePartitionChange, partitionRegistration, type PartitionInit } from './partition-registration.ts';

const base: PartitionInit = {
  replicas: [1, 2, 3], isr: [1, 2, 3], leader: 1, leaderRecoveryState: 'RECOVERED', leaderEpoch: 10, partitionEpoch: 20,
};
const part = (over: Partial<PartitionInit> = {}) => partitionRegistration({ ...base, ...over });
const build = (over: Partial<PartitionChangeInput> & { partition?: ReturnType<typeof part> }) =>
  buildPartitionChange({ partition: part(), acceptableLeaders: [1, 2, 3], metadataVersion: '4.0-IV1', minIsr: 2, ...over });

describe('buildPartitionChange', () => {
  it('returns the very same registration when nothing changes', () => {
    const partition = part();
    const result = build({ partition });
    expect(result.record).toBeUndefined();
    expect(result.partition).toBe(partition);
  });

  it('keeps the last ISR member without ELR, but empties the ISR with ELR', () => {
    const partition = part({ isr: [1] });
    const noElr = build({ partition, acceptableLeaders: [], targetIsr: [] });
    expect(noElr.record).toEqual({ leader: -1 });
    expect(noElr.partition.isr).toEqual([1]);
    const elr = build({ partition, acceptableLeaders: [], targetIsr: [], elrEnabled: true });
    expect(elr.record).toEqual({ leader: -1, isr: [], eligibleLeaderReplicas: [1], lastKnownElr: [1] });
  });

  it('moves ex-ISR members into the ELR below min ISR, in ascending order, and clears it at min ISR', () => {
    const shrunk = build({ partition: part({ replicas: [3, 2, 1], isr: [3, 2, 1], leader: 3 }), targetIsr: [3], minIsr: 3, elrEnabled: true });
    expect(shrunk.partition.elr).toEqual([1, 2]);
    const grown = build({ partition: shrunk.partition, targetIsr: [3, 2, 1], minIsr: 3, elrEnabled: true });
    expect(grown.record).toEqual({ leader: -2, isr: [3, 2, 1], eligibleLeaderReplicas: [] });
  });

  it('keeps unclean-shutdown replicas out of the ELR (they go to lastKnownElr when useLastKnownLeader is off)', () => {
    const r = build({ partition: part({ isr: [1], elr: [2, 3] }), minIsr: 3, elrEnabled: true, useLastKnownLeader: false, uncleanShutdownReplicas: [2] });
    expect(r.record).toEqual({ leader: -2, eligibleLeaderReplicas: [3], lastKnownElr: [2] });
  });

  it('elects the last known leader even when it is not acceptable (Kafka only logs the check)', () => {
    const partition = part({ isr: [], leader: -1, lastKnownElr: [2] });
    const r = build({ partition, acceptableLeaders: [], elrEnabled: true });
    expect(r.record).toEqual({ leader: 2, isr: [2], leaderRecoveryState: 'RECOVERING', lastKnownElr: [] });
    expect(r.partition.leaderEpoch).toBe(11);
  });

  it('does not use the last known leader when lastKnownElr has several members or useLastKnownLeader is off', () => {
    expect(build({ partition: part({ isr: [], leader: -1, lastKnownElr: [2, 3] }), elrEnabled: true }).partition.leader).toBe(-1);
    expect(build({ partition: part({ isr: [], leader: -1, lastKnownElr: [2] }), elrEnabled: true, useLastKnownLeader: false }).partition.leader).toBe(-1);
  });

  it('stores [-1] as the last known leader when an already leaderless ISR empties (Kafka quirk kept)', () => {
    const r = build({ partition: part({ isr: [2], leader: -1 }), acceptableLeaders: [], targetIsr: [], elrEnabled: true });
    expect(r.record?.lastKnownElr).toEqual([-1]);
  });

  it('only marks RECOVERING once, and lets an explicit recovery request through', () => {
    const recovering = part({ isr: [2], leader: -1, leaderRecoveryState: 'RECOVERING' });
    expect(build({ partition: recovering, acceptableLeaders: [1], election: 'UNCLEAN' }).record).toEqual({ leader: 1, isr: [1] });
    const leader = part({ isr: [1], leaderRecoveryState: 'RECOVERING' });
    expect(build({ partition: leader, targetLeaderRecoveryState: 'RECOVERED' }).record).toEqual({ leader: -2, leaderRecoveryState: 'RECOVERED' });
  });

  it('bumps the leader epoch on a pre-3.6 ISR shrink but not on an expansion', () => {
    expect(build({ metadataVersion: '3.5-IV2', targetIsr: [1, 2] }).partition.leaderEpoch).toBe(11);
    expect(build({ metadataVersion: '3.6-IV0', targetIsr: [1, 2] }).partition.leaderEpoch).toBe(10);
    expect(build({ partition: part({ isr: [1] }), metadataVersion: '3.5-IV2', targetIsr: [1, 2] }).partition.leaderEpoch).toBe(10);
  });

  it('does not complete a reassignment whose ISR would lose every member', () => {
    const r = build({ partition: part({ replicas: [1, 2, 3, 4], isr: [1], removingReplicas: [1], addingReplicas: [4] }) });
    expect(r.record).toBeUndefined();
  });
});

describe('electLeader', () => {
  const partition = part({ replicas: [3, 1, 2], isr: [1, 2], leader: 2 });
  it('PREFERRED falls back to the current leader, then to the other replicas in order', () => {
    expect(electLeader({ partition, acceptableLeaders: [1, 2, 3], election: 'PREFERRED' })).toEqual({ leader: 2, unclean: false });
    expect(electLeader({ partition, acceptableLeaders: [1, 3], election: 'PREFERRED' })).toEqual({ leader: 1, unclean: false });
  });
  it('UNCLEAN picks the first acceptable replica only when no ISR member is acceptable', () => {
    expect(electLeader({ partition, acceptableLeaders: [3], election: 'UNCLEAN' })).toEqual({ leader: 3, unclean: true });
    expect(electLeader({ partition, acceptableLeaders: [3], election: 'ONLINE' })).toEqual({ leader: -1, unclean: false });
  });
  it('considers ELR members only when the target ISR is empty', () => {
    const p = part({ isr: [1], leader: 1, elr: [3] });
    expect(electLeader({ partition: p, acceptableLeaders: [3] })).toEqual({ leader: -1, unclean: false });
    expect(electLeader({ partition: p, acceptableLeaders: [3], targetIsr: [] })).toEqual({ leader: 3, unclean: false });
  });
});

describe('mergePartitionChange', () => {
  it('bumps partitionEpoch always and leaderEpoch whenever the leader field is set, even to the same leader', () => {
    const merged = mergePartitionChange(part(), { leader: 1 });
    expect([merged.leader, merged.leaderEpoch, merged.partitionEpoch]).toEqual([1, 11, 21]);
    const isrOnly = mergePartitionChange(part(), { leader: -2, isr: [1] });
    expect([isrOnly.leader, isrOnly.leaderEpoch, isrOnly.partitionEpoch, isrOnly.isr]).toEqual([1, 10, 21, [1]]);
  });
});
