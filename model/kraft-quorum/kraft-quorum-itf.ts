// The kraft-quorum state with its real types for the ITF trace: per voter its role, epoch, leader, vote and
// high watermark as integers (null when none), its log as a list of {entry, epoch} records, the quorum-state
// file as a record, and the messages in flight as records. Display strings stay in kraft-quorum-view.ts.

import type { TraceValue } from '../../src/contract/model.ts';
import { describeMessage } from './kraft-quorum-actions.ts';
import { highWatermarkOfVoter } from './kraft-quorum-node.ts';
import { entryEpoch, entryName, type KraftQuorumState, type VoterState } from './kraft-quorum-state.ts';

const entry = (e: number): TraceValue => ({ entry: entryName(e).split('@')[0], epoch: entryEpoch(e) });

function voter(v: VoterState, id: number): TraceValue {
  const es = v.es;
  const stored = v.stored;
  return {
    id,
    up: es !== null,
    halted: v.halted,
    disk: v.disk,
    role: es ? es.role : null,
    epoch: es ? es.epoch : null,
    leaderId: es && 'leaderId' in es ? (es.leaderId ?? null) : es?.role === 'Leader' ? id : null,
    votedFor: es && 'votedKey' in es ? (es.votedKey?.id ?? null) : null,
    highWatermark: highWatermarkOfVoter(es),
    quorumState: stored ? { epoch: stored.epoch, leaderId: stored.leaderId ?? null, votedFor: stored.votedKey?.id ?? null } : null,
    log: v.log.map(entry),
    hwSeen: v.hwSeen,
  };
}

export function kraftQuorumItfState(s: KraftQuorumState): Record<string, TraceValue> {
  return {
    voters: s.voters.map(voter),
    network: s.network.map((m) => ({ kind: m.kind, from: m.from, to: m.to, epoch: m.epoch, text: describeMessage(m) })),
    committed: s.committed.map(entry),
    appended: s.appended,
    budgets: { restarts: s.restartsLeft, resigns: s.resignsLeft, drops: s.dropsLeft, duplicates: s.duplicatesLeft, diskLosses: s.diskLossesLeft },
  };
}
