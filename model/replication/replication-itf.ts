// The replication state with its real types for the ITF trace (Apalache/Quint can analyse it): ids and offsets
// as integers, ISR/ELR as #set, logs as lists of {record, leaderEpoch} records, committed/consumed as #map from
// offset. Display strings stay in replicationVariables; this reads the state defensively as it evolves.

import type { TraceValue } from '../../src/contract/model.ts';
import type { IsrState } from '../rules/replication/isr-state.ts';
import { recordEpoch, recordLabel, type BrokerState, type ReplicationState } from './replication-state.ts';

const set = (xs: readonly number[] | undefined): TraceValue => ({ '#set': [...(xs ?? [])].sort((a, b) => a - b) });
const rec = (code: number): TraceValue => ({ record: recordLabel(code).split('@')[0], leaderEpoch: recordEpoch(code) });
const byOffset = (codes: readonly number[] | undefined): TraceValue => ({ '#map': (codes ?? []).flatMap((c, o) => (c ? [[o, rec(c)]] : [])) });

function isr(s: IsrState | undefined): TraceValue {
  if (!s) return null;
  return { kind: s.kind, isr: set(s.isr), proposedIsr: s.kind === 'committed' ? set(s.isr) : set(s.proposedIsr) };
}

function broker(b: BrokerState, id: number): TraceValue {
  return {
    id,
    alive: b.alive,
    registered: b.registered,
    shutdown: b.shutdown,
    brokerEpoch: b.brokerEpoch,
    log: (b.log ?? []).map(rec),
    highWatermark: b.highWatermark,
    flushed: b.flushed,
    epochCache: (b.epochCache ?? []).map((e) => ({ epoch: e.epoch, startOffset: e.startOffset })),
    leader: b.leader,
    leaderEpoch: b.leaderEpoch,
    partitionEpoch: b.partitionEpoch,
    truncating: b.truncating,
    role: b.role
      ? {
          isrState: isr(b.role.isrState),
          epochStartOffset: b.role.epochStartOffset,
          followerLeo: { '#map': (b.role.followerLeo ?? []).flatMap((leo, r) => (r === id ? [] : [[r, leo]])) },
        }
      : null,
    inbox: (b.inbox ?? []).map((u) => ({ leader: u.leader, leaderEpoch: u.leaderEpoch, partitionEpoch: u.partitionEpoch, isr: set(u.isr) })),
    alterPartition: b.alterPartition
      ? { brokerEpoch: b.alterPartition.brokerEpoch, leaderEpoch: b.alterPartition.leaderEpoch, partitionEpoch: b.alterPartition.partitionEpoch, proposal: isr(b.alterPartition.proposal) }
      : null,
  };
}

export function replicationItfState(s: ReplicationState): Record<string, TraceValue> {
  const c = s.controller;
  const g = s.ghosts;
  const acked: TraceValue[] = [];
  for (let r = 0; (g?.acked ?? 0) >> r; r++) if ((g.acked >> r) & 1) acked.push(String.fromCharCode(97 + r));
  return {
    controller: {
      leader: c.leader,
      leaderEpoch: c.leaderEpoch,
      partitionEpoch: c.partitionEpoch,
      replicas: [...(c.replicas ?? [])],
      isr: set(c.isr),
      elr: set(c.elr),
      lastKnownElr: set(c.lastKnownElr),
      leaderRecoveryState: String(c.leaderRecoveryState),
    },
    brokers: s.brokers.map(broker),
    ghosts: {
      nextRecord: g?.nextRecord ?? 0,
      committed: byOffset(g?.committed),
      acked: { '#set': acked },
      consumed: byOffset(g?.consumed),
      pendingAcks: { '#map': (g?.pendingAcks ?? []).flatMap((holder, r) => (holder >= 0 ? [[String.fromCharCode(97 + r), holder]] : [])) },
    },
    budgets: { crashes: s.crashesLeft, dataLoss: s.dataLossLeft, cleanShutdowns: s.cleanShutdownsLeft, reassignments: s.reassignmentsLeft },
  };
}
