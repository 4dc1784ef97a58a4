// Unit tests for the ZK controller's AlterPartition: check precedence (after ControllerIntegrationTest
// #testAlterPartitionErrors), idempotency, KIP-841 eligibility, and the fenced ZK write behind an accepted change.
import { describe, it, expect } from 'vitest';
import { zkAlterPartition, type ZkAlterPartitionItem, type ZkControllerView } from './alter-partition.ts';
import { registerControllerAndIncrementControllerEpoch } from './controller-registration.ts';
import { createTopicPartitionStates } from './update-leader-and-isr.ts';
import { emptyZk, type LeaderAndIsr, type ZkState } from './zk-state.ts';

const current: LeaderAndIsr = { leader: 0, leaderEpoch: 0, isr: [0, 1], leaderRecoveryState: 'RECOVERED', partitionEpoch: 0 };

function setup(): { zk: ZkState; controller: ZkControllerView } {
  const zk0 = registerControllerAndIncrementControllerEpoch(emptyZk(1), 0, 100).zk;
  const created = createTopicPartitionStates(zk0, [{ partition: 0, leaderAndIsr: current }], 1, 1);
  if (created.type !== 'ok') throw new Error('setup failed');
  const controller: ZkControllerView = {
    isActive: true,
    epoch: 1,
    epochZkVersion: 1,
    liveBrokers: [{ brokerId: 0, brokerEpoch: 50 }, { brokerId: 1, brokerEpoch: 60 }],
    shuttingDown: [],
    partitions: [current],
  };
  return { zk: created.zk, controller };
}

const item = (patch: Partial<ZkAlterPartitionItem> = {}): ZkAlterPartitionItem => ({
  partition: 0,
  leaderEpoch: 0,
  partitionEpoch: 0,
  newIsr: [0, 1],
  leaderRecoveryState: 0,
  ...patch,
});
const request = (patch: Partial<ZkAlterPartitionItem> = {}, brokerEpoch = 50) => ({ brokerId: 0, brokerEpoch, version: 3, partitions: [item(patch)] });

describe('zkAlterPartition', () => {
  it('top-level errors: not active, unknown broker, stale broker epoch, unparseable recovery state', () => {
    const { zk, controller } = setup();
    expect(zkAlterPartition(zk, { ...controller, isActive: false }, request()).topLevelError).toBe('NOT_CONTROLLER');
    expect(zkAlterPartition(zk, controller, { ...request(), brokerId: 99 }).topLevelError).toBe('STALE_BROKER_EPOCH');
    expect(zkAlterPartition(zk, controller, request({}, 49)).topLevelError).toBe('STALE_BROKER_EPOCH');
    expect(zkAlterPartition(zk, controller, request({ leaderRecoveryState: 25 })).topLevelError).toBe('UNKNOWN_SERVER_ERROR');
  });

  it('epoch errors win over content errors', () => {
    const { zk, controller } = setup();
    const err = (patch: Partial<ZkAlterPartitionItem>) => zkAlterPartition(zk, controller, request(patch)).partitions[0].error;
    expect(err({ partitionEpoch: 1, leaderRecoveryState: 1 })).toBe('NOT_CONTROLLER');
    expect(err({ leaderEpoch: -1, leaderRecoveryState: 1 })).toBe('FENCED_LEADER_EPOCH');
    expect(err({ partitionEpoch: -1, leaderRecoveryState: 1 })).toBe('INVALID_UPDATE_VERSION');
    expect(err({ leaderRecoveryState: 1 })).toBe('INVALID_REQUEST');
    expect(err({ leaderRecoveryState: 1, newIsr: [0] })).toBe('INVALID_REQUEST');
    expect(err({ topicKnown: false })).toBe('UNKNOWN_TOPIC_ID');
    expect(err({ partition: 3 })).toBe('UNKNOWN_TOPIC_OR_PARTITION');
  });

  it('returns the current state for a request equal to it, even with a stale partition epoch', () => {
    const { zk, controller } = setup();
    const r = zkAlterPartition(zk, { ...controller, partitions: [{ ...current, partitionEpoch: 4 }] }, request({ partitionEpoch: 2 }));
    expect(r.partitions).toEqual([{ partition: 0, error: 'NONE', leaderAndIsr: { ...current, partitionEpoch: 4 } }]);
    expect(r.zk).toBe(zk);
  });

  it('rejects an ISR with a dead or shutting-down broker (KIP-841), by version', () => {
    const { zk, controller } = setup();
    const shutting = { ...controller, shuttingDown: [1] };
    // an unchanged request is idempotent even then; a changed ISR naming the shutting-down broker is not eligible
    expect(zkAlterPartition(zk, shutting, request({ newIsr: [0, 1] })).partitions[0].error).toBe('NONE');
    expect(zkAlterPartition(zk, shutting, request({ newIsr: [1, 0] })).partitions[0].error).toBe('INELIGIBLE_REPLICA');
    expect(zkAlterPartition(zk, controller, request({ newIsr: [0, 2] })).partitions[0].error).toBe('INELIGIBLE_REPLICA');
    expect(zkAlterPartition(zk, controller, { ...request({ newIsr: [0, 2] }), version: 1 }).partitions[0].error).toBe('OPERATION_NOT_ATTEMPTED');
  });

  it('writes an accepted shrink through the fenced CAS and reports the new partition epoch', () => {
    const { zk, controller } = setup();
    const r = zkAlterPartition(zk, controller, request({ newIsr: [0] }));
    const written = { ...current, isr: [0], partitionEpoch: 1 };
    expect(r.partitions).toEqual([{ partition: 0, error: 'NONE', leaderAndIsr: written }]);
    expect(r.updated).toEqual([{ partition: 0, leaderAndIsr: written }]);
    expect(r.zk.partitions[0]?.version).toBe(1);
    // a zombie controller (stale epochZkVersion) cannot write: ControllerMoved is caught as UNKNOWN_SERVER_ERROR
    const zombie = zkAlterPartition(zk, { ...controller, epochZkVersion: 0 }, request({ newIsr: [0] }));
    expect(zombie).toMatchObject({ topLevelError: 'UNKNOWN_SERVER_ERROR', controllerMoved: true, zk });
    // the znode moved on underneath the cache: the partition CAS fails → INVALID_UPDATE_VERSION
    expect(zkAlterPartition(r.zk, controller, request({ newIsr: [1, 0] })).partitions[0].error).toBe('INVALID_UPDATE_VERSION');
  });
});
