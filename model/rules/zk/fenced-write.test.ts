// Unit tests for KAFKA-6082 fencing: updateLeaderAndIsr's two CASes, createTopicPartitionStates, deleteController
// and deleteRecursive, after KafkaZkClientTest; plus a property that a stale epochZkVersion never changes ZK.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createTopicPartitionStates, updateLeaderAndIsr, type PartitionWrite } from './update-leader-and-isr.ts';
import { deleteController, deletePartitionRecursive } from './fenced-delete.ts';
import { registerControllerAndIncrementControllerEpoch } from './controller-registration.ts';
import { emptyZk, type LeaderAndIsr, type ZkState } from './zk-state.ts';

const lai = (leader: number, leaderEpoch: number, isr: number[], partitionEpoch: number): LeaderAndIsr => ({
  leader,
  leaderEpoch,
  isr,
  leaderRecoveryState: 'RECOVERED',
  partitionEpoch,
});

/** Controller 1 registered (epoch 1, zkVersion 1) and partitions 0 and 1 created; partition 2 has no state. */
function setup(): ZkState {
  const zk = registerControllerAndIncrementControllerEpoch(emptyZk(3), 1, 10).zk;
  const creates: PartitionWrite[] = [0, 1].map((p) => ({ partition: p, leaderAndIsr: lai(1, 0, [1, 2], 0) }));
  const r = createTopicPartitionStates(zk, creates, 1, 1);
  if (r.type !== 'ok') throw new Error('setup failed');
  return r.zk;
}

describe('updateLeaderAndIsr', () => {
  it('fails the whole batch with ControllerMoved on a stale epochZkVersion, writing nothing', () => {
    const zk = setup();
    const r = updateLeaderAndIsr(zk, [{ partition: 0, leaderAndIsr: lai(2, 1, [2], 0) }], 1, 0);
    expect(r).toEqual({ type: 'controllerMoved', zk });
  });

  it('writes with partition CAS: ok → new zkVersion, stale → retry, absent → NONODE', () => {
    const zk = setup();
    const ok = updateLeaderAndIsr(zk, [0, 1].map((p) => ({ partition: p, leaderAndIsr: lai(2, 1, [2], 0) })), 1, 1);
    expect(ok.type).toBe('ok');
    if (ok.type !== 'ok') return;
    expect(ok.value.finished.map((f) => f.leaderAndIsr.partitionEpoch)).toEqual([1, 1]);
    expect(ok.zk.partitions[0]).toEqual({ leader: 2, leaderEpoch: 1, isr: [2], leaderRecoveryState: 'RECOVERED', controllerEpoch: 1, version: 1 });
    const stale = updateLeaderAndIsr(ok.zk, [{ partition: 0, leaderAndIsr: lai(2, 1, [2], 0) }], 1, 1);
    expect(stale.type === 'ok' && stale.value).toEqual({ finished: [], retry: [0], failed: [] });
    const mixed = updateLeaderAndIsr(
      ok.zk,
      [
        { partition: 0, leaderAndIsr: lai(1, 2, [4, 5], 1) },
        { partition: 1, leaderAndIsr: lai(0, 2, [3, 4], 0) },
        { partition: 2, leaderAndIsr: lai(0, 2, [3, 4], 0) },
      ],
      4,
      1,
    );
    expect(mixed.type === 'ok' && mixed.value).toEqual({
      finished: [{ partition: 0, leaderAndIsr: lai(1, 2, [4, 5], 2) }],
      retry: [1],
      failed: [{ partition: 2, code: 'NONODE' }],
    });
    expect(mixed.zk.partitions[0]?.controllerEpoch).toBe(4);
  });

  it('without /controller_epoch every partition fails with NONODE (Kafka catches the KeeperException)', () => {
    const r = updateLeaderAndIsr(emptyZk(1), [{ partition: 0, leaderAndIsr: lai(1, 0, [1], 0) }], 1, 0);
    expect(r.type === 'ok' && r.value.failed).toEqual([{ partition: 0, code: 'NONODE' }]);
  });

  it('property: any write with a version other than the current epochZkVersion leaves ZK unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), (version, pe) => {
        const zk = setup();
        fc.pre(version !== zk.controllerEpoch!.version);
        const w = [{ partition: 0, leaderAndIsr: lai(2, 9, [2], pe) }];
        expect(updateLeaderAndIsr(zk, w, 9, version)).toEqual({ type: 'controllerMoved', zk });
        expect(deleteController(zk, version).zk).toBe(zk);
        expect(deletePartitionRecursive(zk, 0, version)).toEqual({ type: 'controllerMoved', zk });
        expect(createTopicPartitionStates(zk, [{ partition: 2, leaderAndIsr: w[0].leaderAndIsr }], 9, version).type).toBe('controllerMoved');
      }),
    );
  });
});

describe('fenced deletes', () => {
  it('deleteRecursive: missing → false without a check, stale → ControllerMoved, current → true', () => {
    const zk = setup();
    expect(deletePartitionRecursive(zk, 2, 5)).toEqual({ type: 'ok', zk, value: false });
    expect(deletePartitionRecursive(zk, 0, 2).type).toBe('controllerMoved');
    const done = deletePartitionRecursive(zk, 0, 1);
    expect(done.type === 'ok' && done.value).toBe(true);
    expect(done.zk.partitions[0]).toBeNull();
  });

  it('deleteController removes /controller only for the current epochZkVersion', () => {
    const zk = setup();
    expect(deleteController(zk, 0).type).toBe('controllerMoved');
    const gone = deleteController(zk, 1);
    expect(gone).toEqual({ type: 'ok', zk: { ...zk, controller: null }, value: true });
    expect(deleteController(gone.zk, 1)).toEqual({ type: 'ok', zk: gone.zk, value: false });
  });

  it('createTopicPartitionStates reports an existing state znode as NODEEXISTS', () => {
    const zk = setup();
    const r = createTopicPartitionStates(zk, [{ partition: 0, leaderAndIsr: lai(1, 0, [1], 0) }], 1, 1);
    expect(r.type === 'ok' && r.value).toEqual({ created: [], nodeExists: [0] });
  });
});
