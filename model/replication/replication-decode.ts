// The inverse of encodeReplication: rebuilds a replication state from its packed integers, so the BFS frontier
// (and the parallel explorer's threads) can hold states as ints. Every object is built by one literal per type.

import type { StateReader } from '../../src/contract/model.ts';
import type { IsrState } from '../rules/replication/isr-state.ts';
import type { EpochEntry } from '../rules/replication/leader-epoch-cache.ts';
import type { PartitionRegistration } from '../rules/partition-change/partition-registration.ts';
import { field5, readRecords, unpack5 } from './packed-ints.ts';
import type { ReplicationConfig } from './replication-config.ts';
import type { AlterPartitionInFlight, BrokerState, FetchResponseInFlight, LeaderRole, PartitionUpdate, ReplicationState, ShutdownKind } from './replication-state.ts';

const SHUTDOWN: readonly ShutdownKind[] = ['none', 'clean', 'crash', 'data-loss'];

function list(r: StateReader): number[] {
  const n = r.int();
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(r.int());
  return out;
}

/** The ascending replica set a bit mask stands for. */
function members(mask: number): number[] {
  const out: number[] = [];
  for (let id = 0; mask >> id !== 0; id++) if ((mask >> id) & 1) out.push(id);
  return out;
}

function isrState(r: StateReader): IsrState {
  const kind = r.int();
  const isr = members(r.int());
  const proposed = members(r.int());
  if (kind === 0) return { kind: 'committed', isr };
  return kind === 1 ? { kind: 'pending-expand', isr, proposedIsr: proposed } : { kind: 'pending-shrink', isr, proposedIsr: proposed };
}

function update(r: StateReader): PartitionUpdate {
  const leader = r.int();
  const leaderEpoch = r.int();
  const partitionEpoch = r.int();
  return { leader, leaderEpoch, partitionEpoch, isr: list(r) };
}

function broker(r: StateReader, replicas: number): BrokerState {
  const head = r.int();
  const flags = head & 31;
  const partitionEpoch = field5(head >>> 5, 0);
  const scalars = r.int();
  const brokerEpoch = field5(scalars, 0);
  const highWatermark = field5(scalars, 1);
  const hwCheckpoint = field5(scalars, 2);
  const flushed = field5(scalars, 3);
  const leader = field5(scalars, 4);
  const leaderEpoch = field5(scalars, 5);
  const log = readRecords(r);
  const entries = r.int();
  const epochCache: EpochEntry[] = [];
  for (let i = 0; i < entries; i++) epochCache.push({ epoch: r.int(), startOffset: r.int() });
  let role: LeaderRole | null = null;
  if (r.int() === 1) {
    const epochStartOffset = r.int();
    const state = isrState(r);
    const followerLeo = unpack5(r.int(), replicas);
    const followerBrokerEpoch = unpack5(r.int(), replicas);
    role = { isrState: state, epochStartOffset, followerLeo, followerBrokerEpoch };
  }
  const inbox: PartitionUpdate[] = [];
  const queued = r.int();
  for (let i = 0; i < queued; i++) inbox.push(update(r));
  let alterPartition: AlterPartitionInFlight | null = null;
  if (r.int() === 1) {
    const requestEpoch = r.int();
    const requestLeaderEpoch = r.int();
    const requestPartitionEpoch = r.int();
    const proposal = isrState(r);
    alterPartition = { brokerEpoch: requestEpoch, leaderEpoch: requestLeaderEpoch, partitionEpoch: requestPartitionEpoch, proposal, isrBrokerEpochs: list(r) };
  }
  let fetchResponse: FetchResponseInFlight | null = null;
  if (r.int() === 1) {
    const from = r.int();
    const fetchOffset = r.int();
    const highWatermark = r.int();
    const truncateTo = r.int();
    fetchResponse = { from, fetchOffset, records: readRecords(r), highWatermark, truncateTo };
  }
  return {
    alive: (flags & 1) !== 0,
    registered: (flags & 16) !== 0,
    brokerEpoch,
    shutdown: SHUTDOWN[(flags >> 2) & 3],
    log,
    highWatermark,
    hwCheckpoint,
    epochCache,
    flushed,
    leader,
    leaderEpoch,
    partitionEpoch,
    truncating: (flags & 2) !== 0,
    role,
    inbox,
    alterPartition,
    fetchResponse,
  };
}

export function decodeReplication(r: StateReader, config: ReplicationConfig): ReplicationState {
  const leader = r.int();
  const leaderEpoch = r.int();
  const partitionEpoch = r.int();
  const recovering = r.int() === 1;
  const replicas = list(r);
  const isr = list(r);
  const elr = list(r);
  const lastKnownElr = list(r);
  const controller: PartitionRegistration = {
    replicas,
    isr,
    removingReplicas: [],
    addingReplicas: [],
    leader,
    leaderRecoveryState: recovering ? 'RECOVERING' : 'RECOVERED',
    leaderEpoch,
    partitionEpoch,
    elr,
    lastKnownElr,
  };
  const brokers: BrokerState[] = [];
  for (let id = 0; id < config.replicas; id++) brokers.push(broker(r, config.replicas));
  const crashesLeft = r.int();
  const dataLossLeft = r.int();
  const cleanShutdownsLeft = r.int();
  const reassignmentsLeft = r.int();
  const nextRecord = r.int();
  const acked = r.int();
  const pendingAcks: number[] = [];
  for (let i = 0; i < config.records; i++) pendingAcks.push(r.int());
  const committed = readRecords(r);
  const consumed = readRecords(r);
  const fatal = r.int();
  return {
    brokers,
    controller,
    crashesLeft,
    dataLossLeft,
    cleanShutdownsLeft,
    reassignmentsLeft,
    ghosts: { nextRecord, committed, acked, pendingAcks, consumed, fatal },
  };
}
