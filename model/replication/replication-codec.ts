// How a replication state is fingerprinted (a flat list of integers, no strings) and how it reads in a trace:
// the controller's registration, then per broker its role and view, its log as "a@0 b@1", HW, epoch cache and
// pending requests, then the ghost history (what was committed, acknowledged, consumed).

import type { StateWriter, TraceValue } from '../../src/contract/model.ts';
import type { IsrState } from '../rules/replication/isr-state.ts';
import type { EpochEntries } from '../rules/replication/leader-epoch-cache.ts';
import { at5, pack5, writeRecords } from './packed-ints.ts';
import type { ReplicationConfig } from './replication-config.ts';
import { recordLabel, type BrokerState, type PartitionUpdate, type ReplicationState, type ShutdownKind } from './replication-state.ts';

const SHUTDOWN: readonly ShutdownKind[] = ['none', 'clean', 'crash', 'data-loss'];

function mask(set: readonly number[]): number {
  let m = 0;
  for (const r of set) m |= 1 << r;
  return m;
}

function list(out: StateWriter, xs: readonly number[]): void {
  out.int(xs.length);
  for (const x of xs) out.int(x);
}

function isrState(out: StateWriter, s: IsrState): void {
  out.int(s.kind === 'committed' ? 0 : s.kind === 'pending-expand' ? 1 : 2);
  out.int(mask(s.isr));
  out.int(s.kind === 'committed' ? 0 : mask(s.proposedIsr));
}

function update(out: StateWriter, u: PartitionUpdate): void {
  out.int(u.leader);
  out.int(u.leaderEpoch);
  out.int(u.partitionEpoch);
  list(out, u.isr);
}

function broker(out: StateWriter, b: BrokerState): void {
  const flags = (b.alive ? 1 : 0) | (b.truncating ? 2 : 0) | (SHUTDOWN.indexOf(b.shutdown) << 2) | (b.registered ? 16 : 0);
  out.int(flags | (at5(b.partitionEpoch, 0) << 5));
  out.int(at5(b.brokerEpoch, 0) | at5(b.highWatermark, 1) | at5(b.hwCheckpoint, 2) | at5(b.flushed, 3) | at5(b.leader, 4) | at5(b.leaderEpoch, 5));
  writeRecords(out, b.log);
  out.int(b.epochCache.length);
  for (const e of b.epochCache) {
    out.int(e.epoch);
    out.int(e.startOffset);
  }
  if (b.role === null) out.int(0);
  else {
    out.int(1);
    out.int(b.role.epochStartOffset);
    isrState(out, b.role.isrState);
    out.int(pack5(b.role.followerLeo));
    out.int(pack5(b.role.followerBrokerEpoch));
  }
  out.int(b.inbox.length);
  for (const u of b.inbox) update(out, u);
  if (b.alterPartition === null) out.int(0);
  else {
    const r = b.alterPartition;
    out.int(1);
    out.int(r.brokerEpoch);
    out.int(r.leaderEpoch);
    out.int(r.partitionEpoch);
    isrState(out, r.proposal);
    list(out, r.isrBrokerEpochs);
  }
  const f = b.fetchResponse;
  if (f === null) out.int(0);
  else {
    out.int(1);
    out.int(f.from);
    out.int(f.fetchOffset);
    out.int(f.highWatermark);
    out.int(f.truncateTo);
    writeRecords(out, f.records);
  }
}

export function encodeReplication(s: ReplicationState, out: StateWriter): void {
  const c = s.controller;
  out.int(c.leader);
  out.int(c.leaderEpoch);
  out.int(c.partitionEpoch);
  out.int(c.leaderRecoveryState === 'RECOVERED' ? 0 : 1);
  list(out, c.replicas);
  list(out, c.isr);
  list(out, c.elr);
  list(out, c.lastKnownElr);
  for (const b of s.brokers) broker(out, b);
  out.int(s.crashesLeft);
  out.int(s.dataLossLeft);
  out.int(s.cleanShutdownsLeft);
  out.int(s.reassignmentsLeft);
  const g = s.ghosts;
  out.int(g.nextRecord);
  out.int(g.acked);
  for (const holder of g.pendingAcks) out.int(holder);
  writeRecords(out, g.committed);
  writeRecords(out, g.consumed);
  out.int(g.fatal);
}

const ids = (xs: readonly number[]): string => `[${xs.join(', ')}]`;
const records = (codes: readonly number[]): TraceValue => codes.map((c) => (c === 0 ? '—' : recordLabel(c)));
const cache = (entries: EpochEntries): string => (entries.length === 0 ? 'empty' : entries.map((e) => `epoch ${e.epoch} from offset ${e.startOffset}`).join(', '));

function isrText(s: IsrState): string {
  if (s.kind === 'committed') return ids(s.isr);
  return `${ids(s.isr)}, proposing ${s.kind === 'pending-expand' ? 'expansion' : 'shrink'} to ${ids(s.proposedIsr)}`;
}

function status(b: BrokerState): string {
  if (!b.alive) {
    const how = b.shutdown === 'clean' ? 'down (clean shutdown)' : b.shutdown === 'crash' ? 'down (crashed)' : 'down (lost power)';
    return b.registered ? `${how}, not yet noticed by the controller` : how;
  }
  if (b.role !== null) return `leader in epoch ${b.leaderEpoch}`;
  if (b.leader < 0) return b.leaderEpoch < 0 ? 'waiting for partition state' : `no leader (epoch ${b.leaderEpoch})`;
  return `follower of broker ${b.leader} in epoch ${b.leaderEpoch}${b.truncating ? ', truncating' : ''}`;
}

export function replicationVariables(s: ReplicationState, config: ReplicationConfig): Record<string, TraceValue> {
  const c = s.controller;
  const controller: Record<string, TraceValue> = {
    leader: c.leader < 0 ? 'none' : `broker ${c.leader}`,
    leaderEpoch: c.leaderEpoch,
    partitionEpoch: c.partitionEpoch,
    isr: ids(c.isr),
  };
  if (config.reassignments > 0) controller.replicas = ids(c.replicas);
  if (config.eligibleLeaderReplicas) {
    controller.elr = ids(c.elr);
    controller.lastKnownElr = ids(c.lastKnownElr);
  }
  if (config.uncleanLeaderElection) controller.leaderRecoveryState = c.leaderRecoveryState;
  const brokers: TraceValue[] = s.brokers.map((b, id) => {
    const v: Record<string, TraceValue> = {
      status: status(b),
      log: records(b.log),
      highWatermark: b.highWatermark,
      epochCache: cache(b.epochCache),
      isr: b.role === null ? '—' : isrText(b.role.isrState),
      followersFetchedFrom:
        b.role === null
          ? '—'
          : b.role.followerLeo
              .map((leo, r) => (r === id ? null : leo < 0 ? `broker ${r}: not yet` : `broker ${r}: offset ${leo}`))
              .filter((x) => x !== null)
              .join(', '),
      pendingUpdates: b.inbox.map((u) => `leader ${u.leader < 0 ? 'none' : u.leader}, epoch ${u.leaderEpoch}, ISR ${ids(u.isr)} (partition epoch ${u.partitionEpoch})`),
      alterPartitionInFlight:
        b.alterPartition === null || b.alterPartition.proposal.kind === 'committed'
          ? 'none'
          : `ISR ${ids(b.alterPartition.proposal.proposedIsr)} (leader epoch ${b.alterPartition.leaderEpoch}, partition epoch ${b.alterPartition.partitionEpoch})`,
    };
    if (config.dataLossShutdowns > 0 && s.dataLossLeft > 0) v.flushedUpTo = b.flushed;
    return v;
  });
  const g = s.ghosts;
  const acked: string[] = [];
  for (let r = 0; r < config.records; r++) if ((g.acked >> r) & 1) acked.push(String.fromCharCode(97 + r));
  return {
    controller,
    brokers,
    history: {
      committed: records(g.committed),
      acknowledgedToProducer: acked,
      consumed: records(g.consumed),
      fatalError: g.fatal === 0 ? 'none' : `broker ${g.fatal - 1} exited (log truncation not allowed)`,
      faultsLeft: `crashes ${s.crashesLeft}, data-loss shutdowns ${s.dataLossLeft}, clean shutdowns ${s.cleanShutdownsLeft}${config.reassignments > 0 ? `, reorders ${s.reassignmentsLeft}` : ''}`,
    },
  };
}
