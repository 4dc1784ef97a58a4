// Unit tests for the broker-side fencing of controller requests (KIP-380 broker epoch, controller epoch,
// LeaderAndIsr and StopReplica per-partition leader-epoch checks), after ReplicaManager's ZK-era behaviour.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  checkControlRequest,
  isBrokerEpochStale,
  leaderAndIsrPartitionCheck,
  stopReplicaPartitionCheck,
} from './broker-request-checks.ts';

describe('checkControlRequest', () => {
  const broker = { brokerEpoch: 100, controllerEpoch: 10 };

  it('rejects a request for an older registration of the broker first', () => {
    expect(checkControlRequest(broker, { brokerEpoch: 99, controllerEpoch: 3 })).toEqual({ error: 'STALE_BROKER_EPOCH', controllerEpoch: 10 });
  });

  it('accepts -1 and newer broker epochs, then applies the controller epoch check', () => {
    expect(isBrokerEpochStale(-1, 100)).toBe(false);
    expect(isBrokerEpochStale(101, 100)).toBe(false);
    expect(checkControlRequest(broker, { brokerEpoch: -1, controllerEpoch: 0 })).toEqual({ error: 'STALE_CONTROLLER_EPOCH', controllerEpoch: 10 });
    expect(checkControlRequest(broker, { brokerEpoch: 100, controllerEpoch: 10 })).toEqual({ error: 'NONE', controllerEpoch: 10 });
    expect(checkControlRequest(broker, { brokerEpoch: 100, controllerEpoch: 12 })).toEqual({ error: 'NONE', controllerEpoch: 12 });
  });

  it('property: the recorded controller epoch never decreases', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 })), (epochs) => {
        let state = { brokerEpoch: 5, controllerEpoch: 0 };
        for (const e of epochs) {
          const r = checkControlRequest(state, { brokerEpoch: 5, controllerEpoch: e });
          expect(r.controllerEpoch).toBeGreaterThanOrEqual(state.controllerEpoch);
          expect(r.error === 'NONE').toBe(e >= state.controllerEpoch);
          state = { ...state, controllerEpoch: r.controllerEpoch };
        }
      }),
    );
  });
});

describe('leaderAndIsrPartitionCheck', () => {
  const zk = { currentLeaderEpoch: 5, fromKRaftController: false };

  it('applies a greater epoch, rejects equal and smaller ones from a ZK controller', () => {
    expect(leaderAndIsrPartitionCheck({ ...zk, requestLeaderEpoch: 6 })).toEqual({ kind: 'apply' });
    expect(leaderAndIsrPartitionCheck({ ...zk, requestLeaderEpoch: 5 })).toEqual({ kind: 'reject', error: 'STALE_CONTROLLER_EPOCH' });
    expect(leaderAndIsrPartitionCheck({ ...zk, requestLeaderEpoch: 4 })).toEqual({ kind: 'reject', error: 'STALE_CONTROLLER_EPOCH' });
  });

  it('applies an equal epoch from a KRaft controller', () => {
    expect(leaderAndIsrPartitionCheck({ ...zk, requestLeaderEpoch: 5, fromKRaftController: true })).toEqual({ kind: 'apply' });
    expect(leaderAndIsrPartitionCheck({ ...zk, requestLeaderEpoch: 4, fromKRaftController: true }).kind).toBe('reject');
  });

  it('handles topic-id upgrade/downgrade at an equal epoch and inconsistent topic ids', () => {
    expect(leaderAndIsrPartitionCheck({ ...zk, requestLeaderEpoch: 5, requestTopicId: 'a' })).toEqual({ kind: 'topicIdOnly' });
    expect(leaderAndIsrPartitionCheck({ ...zk, requestLeaderEpoch: 5, logTopicId: 'a' })).toEqual({ kind: 'topicIdOnly' });
    expect(leaderAndIsrPartitionCheck({ ...zk, requestLeaderEpoch: 5, logTopicId: 'a', localIsLeader: true }).kind).toBe('reject');
    expect(leaderAndIsrPartitionCheck({ ...zk, requestLeaderEpoch: 9, requestTopicId: 'b', logTopicId: 'a' })).toEqual({
      kind: 'reject',
      error: 'INCONSISTENT_TOPIC_ID',
    });
    expect(leaderAndIsrPartitionCheck({ ...zk, requestLeaderEpoch: 9, localInReplicas: false })).toEqual({
      kind: 'reject',
      error: 'UNKNOWN_TOPIC_OR_PARTITION',
    });
  });
});

describe('stopReplicaPartitionCheck', () => {
  it('accepts ≥ current and the -1 / -2 sentinels, fences the rest', () => {
    expect(stopReplicaPartitionCheck(0, 1)).toBe('FENCED_LEADER_EPOCH');
    expect(stopReplicaPartitionCheck(1, 1)).toBe('NONE');
    expect(stopReplicaPartitionCheck(2, 1)).toBe('NONE');
    expect(stopReplicaPartitionCheck(-1, 1)).toBe('NONE');
    expect(stopReplicaPartitionCheck(-2, 7)).toBe('NONE');
    expect(stopReplicaPartitionCheck(-3, 0)).toBe('FENCED_LEADER_EPOCH');
  });
});
