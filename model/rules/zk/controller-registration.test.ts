// Unit tests for ZK controller registration, raw epoch CAS and KRaft registration: the cases of Kafka's
// ControllerIntegrationTest / KafkaZkClientTest plus a property that interleaved elections never share an epoch.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  createControllerAndIncrementEpoch,
  electController,
  readControllerEpochForElection,
  registerControllerAndIncrementControllerEpoch,
} from './controller-registration.ts';
import { createControllerEpochRaw, setControllerEpochRaw } from './controller-epoch-raw.ts';
import { tryRegisterKRaftControllerAsActiveController } from './kraft-controller-registration.ts';
import { emptyZk, expireSession, type ZkState } from './zk-state.ts';

describe('registerControllerAndIncrementControllerEpoch', () => {
  it('first controller of a cluster gets epoch 1 at zkVersion 1', () => {
    const { zk, outcome } = registerControllerAndIncrementControllerEpoch(emptyZk(0), 1, 10);
    expect(outcome).toEqual({ type: 'registered', epoch: 1, epochZkVersion: 1 });
    expect(zk.controller).toEqual({ brokerId: 1, ephemeralOwner: 10, kraftEpoch: null });
    expect(zk.controllerEpoch).toEqual({ epoch: 1, version: 1 });
  });

  it('a second broker is refused while /controller exists, and the epoch is untouched', () => {
    const first = registerControllerAndIncrementControllerEpoch(emptyZk(0), 1, 10).zk;
    const second = registerControllerAndIncrementControllerEpoch(first, 2, 20);
    expect(second.outcome).toEqual({ type: 'controllerMoved' });
    expect(second.zk).toEqual(first);
  });

  it('loses the epoch CAS when another broker registered between its read and its multi (BADVERSION)', () => {
    const read = readControllerEpochForElection(emptyZk(0));
    const winner = registerControllerAndIncrementControllerEpoch(read.zk, 2, 20);
    const expired = expireSession(winner.zk, 20); // /controller gone, so only the epoch CAS can fail
    const loser = createControllerAndIncrementEpoch(expired, 1, 10, read.read);
    expect(loser.outcome).toEqual({ type: 'controllerMoved' });
    expect(loser.zk.controllerEpoch).toEqual({ epoch: 1, version: 1 });
  });

  it('treats NODEEXISTS after its own successful multi as success (retried request)', () => {
    const read = readControllerEpochForElection(emptyZk(0));
    const applied = createControllerAndIncrementEpoch(read.zk, 1, 10, read.read);
    const retried = createControllerAndIncrementEpoch(applied.zk, 1, 10, read.read);
    expect(retried.outcome).toEqual({ type: 'registered', epoch: 1, epochZkVersion: 1 });
    expect(retried.zk).toEqual(applied.zk);
  });

  it('elect() stops when a controller is already registered', () => {
    const zk = registerControllerAndIncrementControllerEpoch(emptyZk(0), 3, 30).zk;
    expect(electController(zk, 1, 10).outcome).toEqual({ type: 'alreadyElected', controllerId: 3 });
  });

  it('re-election after session expiry bumps the epoch; the epoch survives with no controller', () => {
    const one = electController(emptyZk(0), 1, 10).zk;
    const down = expireSession(one, 10);
    expect(down.controller).toBeNull();
    expect(down.controllerEpoch).toEqual({ epoch: 1, version: 1 });
    expect(electController(down, 1, 11).outcome).toEqual({ type: 'registered', epoch: 2, epochZkVersion: 2 });
  });

  it('interleaved two-step elections of several brokers never give two winners the same epoch', () => {
    const step = fc.record({ broker: fc.integer({ min: 0, max: 2 }), kind: fc.constantFrom('read', 'multi', 'expire') });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let zk: ZkState = emptyZk(0);
        const reads: ({ epoch: number; epochZkVersion: number } | null)[] = [null, null, null];
        const winners: number[] = []; // winners[epoch-1] = broker
        for (const { broker, kind } of steps) {
          if (kind === 'read') {
            const r = readControllerEpochForElection(zk);
            zk = r.zk;
            reads[broker] = r.read;
          } else if (kind === 'expire') {
            zk = expireSession(zk, broker);
          } else if (reads[broker] !== null) {
            const r = createControllerAndIncrementEpoch(zk, broker, broker, reads[broker]!);
            zk = r.zk;
            if (r.outcome.type === 'registered') {
              const e = r.outcome.epoch;
              // a retried success may report an epoch again, but only to the same broker
              if (winners[e - 1] === undefined) winners[e - 1] = broker;
              expect(winners[e - 1]).toBe(broker);
              expect(zk.controller?.brokerId).toBe(broker);
            }
          }
        }
        // epochs 1..current were each won by exactly one broker, with no gaps
        expect(winners.length).toBe(zk.controllerEpoch?.epoch ?? 0);
        expect(Array.from(winners).every((b) => b !== undefined)).toBe(true);
      }),
    );
  });
});

describe('raw /controller_epoch writes', () => {
  it('follows ZooKeeper create / conditional setData semantics', () => {
    let zk = emptyZk(0);
    expect(setControllerEpochRaw(zk, 1, 0).code).toBe('NONODE');
    ({ zk } = createControllerEpochRaw(zk, 0));
    expect(zk.controllerEpoch).toEqual({ epoch: 0, version: 0 });
    expect(createControllerEpochRaw(zk, 0).code).toBe('NODEEXISTS');
    ({ zk } = setControllerEpochRaw(zk, 1, 0));
    expect(zk.controllerEpoch).toEqual({ epoch: 1, version: 1 });
    expect(setControllerEpochRaw(zk, 1, 0)).toEqual({ zk, code: 'BADVERSION' });
    expect(setControllerEpochRaw(zk, 7, -1).zk.controllerEpoch).toEqual({ epoch: 7, version: 2 });
  });
});

describe('tryRegisterKRaftControllerAsActiveController', () => {
  const start: ZkState = { controller: null, controllerEpoch: { epoch: 1, version: 0 }, partitions: [] };

  it('registers persistently, fences ZK brokers, and can take over from a ZK controller', () => {
    const kraft = tryRegisterKRaftControllerAsActiveController(start, 3000, 42);
    expect(kraft.outcome).toEqual({ type: 'registered', epoch: 2, epochZkVersion: 1 });
    expect(kraft.zk.controller).toEqual({ brokerId: 3000, ephemeralOwner: null, kraftEpoch: 42 });
    expect(registerControllerAndIncrementControllerEpoch(kraft.zk, 1, 10).outcome).toEqual({ type: 'controllerMoved' });
    const zkCtl = registerControllerAndIncrementControllerEpoch({ ...kraft.zk, controller: null }, 1, 10);
    expect(zkCtl.outcome).toEqual({ type: 'registered', epoch: 3, epochZkVersion: 2 });
    expect(tryRegisterKRaftControllerAsActiveController(zkCtl.zk, 3000, 42).outcome).toEqual({
      type: 'registered',
      epoch: 4,
      epochZkVersion: 3,
    });
  });

  it('refuses a KRaft epoch that is not newer than the registered one', () => {
    const kraft = tryRegisterKRaftControllerAsActiveController(start, 3000, 42).zk;
    expect(tryRegisterKRaftControllerAsActiveController(kraft, 3001, 42).outcome).toEqual({ type: 'controllerMoved' });
    expect(tryRegisterKRaftControllerAsActiveController(kraft, 3001, 43).outcome.type).toBe('registered');
    expect(tryRegisterKRaftControllerAsActiveController(emptyZk(0), 3000, 1).outcome).toEqual({ type: 'noControllerEpoch' });
  });
});
