// Conformance adapters for KRaft partition changes: runs Kafka's PartitionChangeBuilderTest and
// ReplicationControlManagerTest vectors (partition-election.json, non-ZK; replication.json, RCM) through
// model/rules/partition-change and diffs the result with `vector.expected`.

import { type Adapter, type AdapterTable, type Vector, type VectorVerdict, understanding } from '../../src/conformance/vector.ts';
import {
  alterPartition, buildPartitionChange, electLeader, handleBrokerFenced, handleBrokerUnfenced, isMetadataVersion,
  leaderAfterIsrShrinkBump, leaderAfterReassignmentBump, NO_LEADER_CHANGE, partitionRegistration,
  type AlterPartitionRequest, type BrokerRegistration, type ControllerContext, type Election, type LeaderRecoveryState,
  type MetadataVersion, type PartitionChangeRecord, type PartitionRegistration,
} from '../../model/rules/partition-change/index.ts';

import { BadVector, int, ints, obj, type Obj } from './vector-input.ts';
function optInts(o: Obj, key: string): readonly number[] | undefined {
  return o[key] === undefined ? undefined : ints(o[key], key);
}
function bool(value: unknown, what: string, fallback?: boolean): boolean {
  if (typeof (value ?? fallback) !== 'boolean') throw new BadVector(`${what} is not a boolean`);
  return (value ?? fallback) as boolean;
}
function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T)) throw new BadVector(`unknown ${what} ${String(value)}`);
  return value as T;
}
const recovery = (value: unknown, what: string): LeaderRecoveryState => oneOf(value, ['RECOVERED', 'RECOVERING'], what);
const election = (value: unknown): Election => oneOf(value ?? 'ONLINE', ['PREFERRED', 'ONLINE', 'UNCLEAN'], 'election');
function mv(value: unknown): MetadataVersion {
  if (typeof value !== 'string' || !isMetadataVersion(value)) throw new BadVector(`unknown metadataVersion ${String(value)}`);
  return value;
}

function partitionOf(value: unknown, what = 'partition'): PartitionRegistration {
  const p = obj(value, what);
  return partitionRegistration({
    replicas: ints(p.replicas, `${what}.replicas`), isr: ints(p.isr, `${what}.isr`), leader: int(p.leader, `${what}.leader`),
    leaderRecoveryState: recovery(p.leaderRecoveryState, `${what}.leaderRecoveryState`),
    leaderEpoch: int(p.leaderEpoch, `${what}.leaderEpoch`), partitionEpoch: int(p.partitionEpoch, `${what}.partitionEpoch`),
    removingReplicas: optInts(p, 'removingReplicas'), addingReplicas: optInts(p, 'addingReplicas'),
    elr: optInts(p, 'elr'), lastKnownElr: optInts(p, 'lastKnownElr'),
  });
}

/**
 * The vectors write Kafka's `isAcceptableLeader` lambda as "all", "none", "r == n" or "r != n"; the rules take
 * the accepted ids, so the predicate is evaluated over every broker id the vector mentions.
 */
function acceptable(predicate: unknown, universe: readonly number[]): readonly number[] {
  if (predicate === 'all') return universe;
  if (predicate === 'none') return [];
  const m = typeof predicate === 'string' ? /^r\s*(==|!=)\s*(\d+)$/.exec(predicate) : null;
  if (m === null) throw new BadVector(`unknown isAcceptableLeader ${String(predicate)}`);
  const n = Number(m[2]);
  return universe.filter((r) => (m[1] === '==' ? r === n : r !== n));
}

function idsIn(input: Obj, p: PartitionRegistration): readonly number[] {
  const lists = [p.replicas, p.isr, p.elr, p.lastKnownElr, p.removingReplicas, p.addingReplicas, [p.leader]];
  for (const key of ['targetIsr', 'targetReplicas', 'targetRemoving', 'targetAdding']) lists.push(optInts(input, key) ?? []);
  return [...new Set(lists.flat())].filter((r) => r >= 0).sort((a, b) => a - b);
}

/** Key-order-independent JSON, so records and registrations compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function verdict(expected: unknown, actual: unknown): VectorVerdict {
  const [e, a] = [canonical(expected), canonical(actual)];
  return e === a ? { status: 'pass', detail: '' } : { status: 'fail', detail: `expected ${e}, got ${a}` };
}

/** A record as the vectors write it: the leader field only when set. */
function recordView(record: PartitionChangeRecord | undefined): unknown {
  if (record === undefined) return null;
  const { leader, ...rest } = record;
  return leader === NO_LEADER_CHANGE ? rest : { leader, ...rest };
}

/** The builder settings both electLeader and build vectors carry. */
function builderSettings(input: Obj, partition: PartitionRegistration) {
  return {
    partition,
    acceptableLeaders: acceptable(input.isAcceptableLeader, idsIn(input, partition)),
    election: election(input.election),
    elrEnabled: bool(input.eligibleLeaderReplicasEnabled, 'eligibleLeaderReplicasEnabled', false),
    useLastKnownLeader: bool(input.useLastKnownLeaderInBalancedRecovery, 'useLastKnownLeaderInBalancedRecovery', true),
    targetIsr: optInts(input, 'targetIsr'),
    targetReplicas: optInts(input, 'targetReplicas'),
  };
}

const electLeaderAdapter: Adapter = (v) => {
  const input = obj(v.input, 'input');
  return verdict(v.expected, electLeader(builderSettings(input, partitionOf(input.partition))));
};

const buildAdapter: Adapter = (v) => {
  const input = obj(v.input, 'input');
  const expected = obj(v.expected, 'expected');
  const partition = partitionOf(input.partition);
  const result = buildPartitionChange({
    ...builderSettings(input, partition),
    metadataVersion: mv(input.metadataVersion),
    minIsr: int(input.minIsr, 'minIsr'),
    uncleanShutdownReplicas: optInts(input, 'uncleanShutdownReplicas'),
    targetRemoving: optInts(input, 'targetRemoving'),
    targetAdding: optInts(input, 'targetAdding'),
  });
  if (expected.record === null) return verdict({ record: null }, { record: recordView(result.record) });
  return verdict(
    { record: expected.record, partitionAfterMerge: partitionOf(expected.partitionAfterMerge, 'partitionAfterMerge') },
    { record: recordView(result.record), partitionAfterMerge: result.partition },
  );
};

/**
 * Mirrors PartitionChangeBuilderTest.testTriggerLeaderEpochBumpIfNeeded: on an empty record, the reassignment
 * bump with the target replicas, then record.isr = the builder's target ISR, then the ISR-shrink bump.
 */
const epochBumpAdapter: Adapter = (v) => {
  const input = obj(v.input, 'input');
  const partition = partitionOf(input.partition);
  const targetReplicas = optInts(input, 'targetReplicas') ?? partition.replicas;
  const targetIsr = optInts(input, 'targetIsr') ?? partition.isr;
  let leader = leaderAfterReassignmentBump(NO_LEADER_CHANGE, targetReplicas, partition);
  leader = leaderAfterIsrShrinkBump(leader, targetIsr, partition, mv(input.metadataVersion));
  return verdict(obj(v.expected, 'expected').recordLeaderField, leader);
};

/** The ReplicationControlManagerTest setup: one partition at epoch 0 and its replicas registered, unfenced, epoch 100+id. */
function rcmSetup(input: Obj): { partition: PartitionRegistration; brokers: readonly BrokerRegistration[] } {
  const replicas = ints(input.replicas, 'replicas');
  const partition = partitionRegistration({
    replicas, isr: ints(input.isr, 'isr'), leader: int(input.leader, 'leader'),
    leaderRecoveryState: 'RECOVERED', leaderEpoch: 0, partitionEpoch: 0,
  });
  return { partition, brokers: replicas.map((id) => ({ id, epoch: 100 + id, fenced: false, inControlledShutdown: false })) };
}

function setFenced(ctx: ControllerContext, id: number, fenced: boolean): ControllerContext {
  return { ...ctx, brokers: ctx.brokers.map((b) => (b.id === id ? { ...b, fenced } : b)) };
}

/** ReplicationControlManagerTest.testEligibleLeaderReplicas_BrokerFence: fence brokers one by one, then unfence all. */
const brokerFenceAdapter: Adapter = (v) => {
  const input = obj(v.input, 'input');
  const setup = rcmSetup(input);
  let partition = setup.partition;
  // The test context runs MetadataVersion.latestTesting() with ELR enabled.
  let ctx: ControllerContext = {
    brokers: setup.brokers,
    metadataVersion: '4.0-IV3',
    elrConfigEnabled: bool(input.eligibleLeaderReplicasEnabled, 'eligibleLeaderReplicasEnabled'),
    minInsyncReplicas: int(input.minIsr, 'minIsr'),
    uncleanLeaderElectionEnable: false,
  };
  const steps = ints(input.fenceOrder, 'fenceOrder').map((fence) => {
    const { record, partition: next } = handleBrokerFenced(partition, fence, ctx);
    partition = next;
    ctx = setFenced(ctx, fence, true);
    const { eligibleLeaderReplicas, ...rest } = (recordView(record) ?? {}) as Obj;
    return { fence, record: { ...rest, elr: eligibleLeaderReplicas }, isr: partition.isr, elr: partition.elr, leader: partition.leader };
  });
  for (const id of ints(input.thenUnfence, 'thenUnfence')) {
    partition = handleBrokerUnfenced(partition, id, ctx).partition;
    ctx = setFenced(ctx, id, false);
  }
  return verdict(v.expected, { steps, afterUnfenceAll: { elr: partition.elr, lastKnownElr: partition.lastKnownElr } });
};

/**
 * ReplicationControlManagerTest.testInvalidAlterPartitionRequests. The vector states each request in prose;
 * this table is the test's concrete request for each sentence (brokers 0..2 registered with epoch 100+id,
 * newIsr member epochs quoted correctly, leader 0 at leader/partition epoch 0, request version 3).
 */
const ALTER_PARTITION_CASES: Readonly<Record<string, Partial<AlterPartitionRequest>>> = {
  'sender is not the leader (broker 1)': { brokerId: 1, brokerEpoch: 101 },
  'broker epoch in request older than registration': { brokerEpoch: 99 },
  'leaderEpoch 500 > current': { leaderEpoch: 500 },
  'partitionEpoch 500 > current': { partitionEpoch: 500 },
  'newIsr [0,1,3] contains non-replica 3': { newIsr: [0, 1, 3] },
  'newIsr [1,2] omits leader 0': { newIsr: [1, 2] },
  'leaderRecoveryState RECOVERING with newIsr [0,1] (size>1)': { leaderRecoveryState: 'RECOVERING' },
  'RECOVERED -> RECOVERING with newIsr [0]': { newIsr: [0], leaderRecoveryState: 'RECOVERING' },
};

const alterPartitionAdapter: Adapter = (v) => {
  const input = obj(v.input, 'input');
  const { partition, brokers } = rcmSetup(input);
  const ctx: ControllerContext = {
    brokers, metadataVersion: '4.0-IV3', elrConfigEnabled: false, minInsyncReplicas: 1, uncleanLeaderElectionEnable: false,
  };
  const cases = input.cases;
  if (!Array.isArray(cases)) throw new BadVector('cases is not a list');
  const errors = cases.map((c) => {
    const overrides = typeof c === 'string' ? ALTER_PARTITION_CASES[c] : undefined;
    if (overrides === undefined) throw new BadVector(`no concrete request for case ${JSON.stringify(c)}`);
    const newIsr = overrides.newIsr ?? [0, 1];
    const request: AlterPartitionRequest = {
      brokerId: partition.leader, brokerEpoch: 100 + partition.leader, leaderEpoch: partition.leaderEpoch,
      partitionEpoch: partition.partitionEpoch, newIsr, newIsrBrokerEpochs: newIsr.map((id) => 100 + id),
      leaderRecoveryState: 'RECOVERED', version: 3, ...overrides,
    };
    return alterPartition(partition, request, ctx).error;
  });
  // Kafka throws StaleBrokerEpochException for the whole request; the model reports it as STALE_BROKER_EPOCH.
  const expectedErrors = obj(v.expected, 'expected').errors;
  if (!Array.isArray(expectedErrors)) throw new BadVector('expected.errors is not a list');
  const expected = expectedErrors.map((e: unknown) =>
    typeof e === 'string' && e.startsWith('StaleBrokerEpochException') ? 'STALE_BROKER_EPOCH' : e);
  return verdict(expected, errors);
};

/** Malformed vector input becomes a failing verdict that says what could not be read. */
const guarded = (adapter: Adapter): Adapter => (vector: Vector) => {
  try {
    return adapter(vector);
  } catch (error) {
    if (error instanceof BadVector) return { status: 'fail', detail: `unreadable vector: ${error.message}` };
    throw error;
  }
};

export const partitionChangeAdapters: AdapterTable = {
  'PartitionChangeBuilder.electLeader': understanding(["leader", "unclean"], guarded(electLeaderAdapter)),
  'PartitionChangeBuilder.build': understanding(["partitionAfterMerge", "record"], guarded(buildAdapter)),
  'PartitionChangeBuilder leader-epoch bump rules': understanding(["recordLeaderField"], guarded(epochBumpAdapter)),
  'ReplicationControlManager.handleBrokerFenced -> generateLeaderAndIsrUpdates -> PartitionChangeBuilder': understanding(["afterUnfenceAll", "steps"], guarded(brokerFenceAdapter)),
  'ReplicationControlManager.alterPartition / validateAlterPartitionData': understanding(["errors"], guarded(alterPartitionAdapter)),
};
