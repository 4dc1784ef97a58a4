// Unit tests of single replication steps, driven through the model's own `next`: the HW trailing by a fetch round,
// what each shutdown leaves on disk, the epoch cached on election per era, fencing of stale fetches, the ZK
// reassignment epoch bump, and the encoding telling apart states that differ only in ghost history.

import { describe, expect, it } from 'vitest';
import type { ReplicationAction } from './replication-actions.ts';
import { TOGGLE_NAMES } from './kafka-release.ts';
import { replicationConfig } from './replication-config.ts';
import { replicationModel } from './replication-model.ts';
import { recordLabel, type ReplicationState } from './replication-state.ts';

/** The registry's defaults (properties/replication/replication-definition.ts), as raw params. */
const defaults = {
  replicas: 2, records: 2, maxLeaderEpoch: 3, maxPartitionEpoch: 5, acks: 'all', minInsyncReplicas: 2, uncleanLeaderElection: false,
  kafkaVersion: 'latest', truncation: 'auto', dataLossShutdowns: 0, crashes: 1, cleanShutdowns: 1,
  leaderElection: 'auto', preferredElection: true, consumer: true, reassignments: 0,
  ...Object.fromEntries(TOGGLE_NAMES.map((name) => [name, 'auto'])),
};

function run(overrides: Record<string, unknown>, actions: readonly ReplicationAction[]): ReplicationState {
  const model = replicationModel(replicationConfig({ ...defaults, ...overrides } as never));
  let s = model.init()[0];
  for (const a of actions) {
    const next = model.next(s, a);
    if (next === undefined) throw new Error(`${a.type} not enabled`);
    s = next;
  }
  return s;
}

const logOf = (s: ReplicationState, b: number): string[] => s.brokers[b].log.map(recordLabel);
const produce = (broker: number): ReplicationAction => ({ type: 'Produce', broker });
const fetch = (broker: number): ReplicationAction => ({ type: 'FollowerFetch', broker });
const apply = (broker: number): ReplicationAction => ({ type: 'ApplyPartitionState', broker });

describe('replication steps', () => {
  it('a follower learns the HW one fetch round late (the response carries the HW from before the fetch)', () => {
    const s = run({}, [produce(0), fetch(1), fetch(1)]);
    expect(logOf(s, 1)).toEqual(['a@0']);
    expect(s.brokers[0].highWatermark).toBe(1);
    expect(s.brokers[1].highWatermark).toBe(0);
    expect(s.ghosts.committed.map(recordLabel)).toEqual(['a@0']);
    expect(s.ghosts.acked).toBe(1); // acks=all: answered once the HW passed the record
  });

  it('acks=all is refused below min ISR: nothing is written', () => {
    const shrunk = run({}, [{ type: 'ShrinkIsr', broker: 0 }, { type: 'HandleAlterPartition', broker: 0 }]);
    expect(shrunk.controller.isr).toEqual([0]);
    const model = replicationModel(replicationConfig(defaults as never));
    expect(model.next(shrunk, produce(0))).toBeUndefined();
  });

  it('a power failure keeps only the flushed prefix; a clean shutdown flushes first', () => {
    const lost = run({ dataLossShutdowns: 1 }, [produce(0), { type: 'DataLossShutdown', broker: 0 }]);
    expect(lost.brokers[0].log).toEqual([]);
    const clean = run({ dataLossShutdowns: 1 }, [produce(0), { type: 'CleanShutdown', broker: 0 }]);
    expect(logOf(clean, 0)).toEqual(['a@0']);
    expect(clean.brokers[0].flushed).toBe(1);
    // With no power loss left nothing reads the flushed offset, so it is not tracked (kept at 0).
    expect(run({}, [produce(0), { type: 'CleanShutdown', broker: 0 }]).brokers[0].flushed).toBe(0);
  });

  it('since KAFKA-7415 (2.1) a new leader caches its epoch at its LEO on election; in 2.0 only on its first append', () => {
    const failover = [produce(0), { type: 'Crash', broker: 0 } as const, { type: 'SessionExpires', broker: 0 } as const, apply(1)];
    expect(run({ truncation: 'kip-320', leaderElection: 'zk', kip966Elr: 'false' }, failover).brokers[1].epochCache).toEqual([{ epoch: 1, startOffset: 0 }]);
    expect(run({ truncation: 'kip-279', leaderElection: 'zk', kip966Elr: 'false' }, failover).brokers[1].epochCache).toEqual([]);
  });

  it('KIP-320 fences a fetch carrying a stale leader epoch; before it the leader served and counted it', () => {
    // Broker 0 fails over to 1 and comes back as leader of epoch 2 while broker 2 still acts on epoch 0.
    const zk = { leaderElection: 'zk', kip966Elr: 'false', replicas: 3, crashes: 2, maxLeaderEpoch: 2 };
    const steps: ReplicationAction[] = [
      produce(0), fetch(2), { type: 'Crash', broker: 0 }, { type: 'SessionExpires', broker: 0 }, apply(1), { type: 'Restart', broker: 0 }, apply(0),
      { type: 'TruncateFollower', broker: 0 }, fetch(0), { type: 'HandleAlterPartition', broker: 1 }, { type: 'Crash', broker: 1 },
      { type: 'SessionExpires', broker: 1 }, apply(0),
    ];
    const model = (era: string) => replicationModel(replicationConfig({ ...defaults, ...zk, truncation: era } as never));
    const before279 = run({ ...zk, truncation: 'kip-279' }, steps);
    expect(before279.brokers[2].leaderEpoch).toBe(0);
    expect(before279.brokers[0].leaderEpoch).toBe(2);
    expect(model('kip-279').next(before279, fetch(2))).toBeDefined();
    const before320 = run({ ...zk, truncation: 'kip-320' }, steps);
    expect(model('kip-320').next(before320, fetch(2))).toBeUndefined();
  });

  it('a ZK reassignment that only reorders bumps the leader epoch (moveReassignedPartitionLeaderIfRequired); KRaft does not', () => {
    const zk = run({ leaderElection: 'zk', kip966Elr: 'false', reassignments: 1 }, [{ type: 'ReorderReplicas', broker: 1 }]);
    expect(zk.controller.replicas).toEqual([1, 0]);
    expect(zk.controller.leaderEpoch).toBe(1);
    const kraft = run({ reassignments: 1 }, [{ type: 'ReorderReplicas', broker: 1 }]);
    expect(kraft.controller.replicas).toEqual([1, 0]);
    expect(kraft.controller.leaderEpoch).toBe(0);
    const preferred = run({ reassignments: 1 }, [{ type: 'ReorderReplicas', broker: 1 }, { type: 'ElectPreferredLeader' }]);
    expect(preferred.controller.leader).toBe(1);
  });

  it('decode inverts encode on every state within 6 steps of the start (ZK and KRaft, with data loss and reorders)', () => {
    for (const overrides of [{ dataLossShutdowns: 1, reassignments: 1 }, { leaderElection: 'zk', kip966Elr: 'false', truncation: 'kip-279', replicas: 3 }]) {
      const model = replicationModel(replicationConfig({ ...defaults, ...overrides } as never));
      const encode = (s: ReplicationState): number[] => {
        const out: number[] = [];
        model.encode(s, { int: (v) => out.push(v) });
        return out;
      };
      let level = model.init();
      let checked = 0;
      for (let depth = 0; depth < 6; depth++) {
        const next: ReplicationState[] = [];
        for (const s of level) {
          const ints = encode(s);
          let at = 0;
          const decoded = model.decode!({ int: () => ints[at++] });
          expect(at).toBe(ints.length);
          expect(decoded).toEqual(s);
          checked++;
          for (const a of model.actions(s)) {
            const n = model.next(s, a);
            if (n !== undefined && next.length < 400) next.push(n);
          }
        }
        level = next;
      }
      expect(checked).toBeGreaterThan(1000);
    }
  });

  it('the encoding separates states that differ only in ghost history (what was consumed)', () => {
    const model = replicationModel(replicationConfig(defaults as never));
    const encode = (s: ReplicationState): number[] => {
      const out: number[] = [];
      model.encode(s, { int: (v) => out.push(v) });
      return out;
    };
    const committed = run({}, [produce(0), fetch(1), fetch(1)]);
    const read = model.next(committed, { type: 'Consume', broker: 0 })!;
    expect(read.ghosts.consumed.map(recordLabel)).toEqual(['a@0']);
    expect(encode(read)).not.toEqual(encode(committed));
  });
});
