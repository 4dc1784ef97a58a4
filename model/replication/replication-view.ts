// How a replication state and step look on the trace page and in `kcheck explore`: the controller's registration
// (leader, ISR, ELR) beside each broker's own view, logs as cells tinted committed / lost, HW and LEO markers,
// the LeaderAndIsr updates and AlterPartition requests in flight; step lines that name the consequence. Reads the
// state defensively (optional chaining, defaults), since the state's shape is still evolving.

import type { Badge, ClusterView, LogCell, NodeView, StepInfo } from '../../src/contract/view.ts';
import { describeReplicationAction, type ReplicationAction } from './replication-actions.ts';
import { recordEpoch, recordLabel, type BrokerState, type ReplicationState } from './replication-state.ts';
import { replicationConsequence } from './replication-step-consequence.ts';

const broker = (id: number): string => `broker ${id}`;
const ids = (xs: readonly number[] | undefined): string => `[${(xs ?? []).join(', ')}]`;
const letter = (code: number): string => recordLabel(code).split('@')[0];

function logCells(s: ReplicationState, b: BrokerState, mustHold: boolean): LogCell[] {
  const committed = s.ghosts?.committed ?? [];
  const cells: LogCell[] = (b.log ?? []).map((code, offset) => ({
    offset,
    record: letter(code),
    epoch: recordEpoch(code),
    tone: committed[offset] ? (committed[offset] === code ? 'committed' : 'lost') : 'uncommitted',
  }));
  // The leader or an ISR member missing a committed record at the end of its log: draw the hole, so the loss shows.
  if (mustHold) for (let o = cells.length; o < committed.length; o++) if (committed[o]) cells.push({ offset: o, record: `${letter(committed[o])}?`, epoch: recordEpoch(committed[o]), tone: 'lost' });
  return cells;
}

function downText(b: BrokerState): string {
  return b.shutdown === 'clean' ? 'down (clean shutdown)' : b.shutdown === 'data-loss' ? 'down (lost power)' : 'down (crashed)';
}

function brokerNode(s: ReplicationState, b: BrokerState, id: number): NodeView {
  const c = s.controller;
  const badges: Badge[] = [];
  if (!b.alive) badges.push({ text: downText(b), tone: 'down' });
  if (b.role) badges.push(c.leader === id && c.leaderEpoch === b.leaderEpoch ? { text: `leader e${b.leaderEpoch}`, tone: 'leader' } : { text: `stale leader e${b.leaderEpoch}`, tone: 'fenced' });
  else if (b.alive && b.leader >= 0) badges.push({ text: `follows ${b.leader} e${b.leaderEpoch}`, tone: 'info' });
  if (c.isr?.includes(id)) badges.push({ text: 'ISR', tone: 'member' });
  if (c.elr?.includes(id)) badges.push({ text: 'ELR', tone: 'member' });
  if (b.truncating) badges.push({ text: 'truncating', tone: 'warn' });
  const facts: [string, string][] = [['broker epoch', String(b.brokerEpoch)]];
  if (b.role) facts.push(['its ISR', ids(b.role.isrState?.isr)]);
  if (b.inbox?.length) facts.push(['updates queued', String(b.inbox.length)]);
  const markers = [{ name: 'HW', offset: b.highWatermark }, { name: 'LEO', offset: b.log.length }];
  if (b.flushed < b.log.length && s.dataLossLeft > 0) markers.push({ name: 'flushed', offset: b.flushed });
  return { id: broker(id), perspective: 'node', badges, facts, log: logCells(s, b, c.leader === id || (c.isr?.includes(id) ?? false)), markers };
}

function controllerNode(s: ReplicationState): NodeView {
  const c = s.controller;
  const badges: Badge[] = [c.leader < 0 ? { text: 'no leader', tone: 'down' } : { text: `leader: broker ${c.leader}`, tone: 'leader' }];
  if (c.leaderRecoveryState && c.leaderRecoveryState !== 'RECOVERED') badges.push({ text: String(c.leaderRecoveryState), tone: 'warn' });
  const facts: [string, string][] = [
    ['leader epoch', String(c.leaderEpoch)],
    ['partition epoch', String(c.partitionEpoch)],
    ['ISR', ids(c.isr)],
  ];
  if (c.elr?.length || c.lastKnownElr?.length) facts.push(['ELR', ids(c.elr)], ['last known ELR', ids(c.lastKnownElr)]);
  if (c.replicas) facts.push(['replicas', ids(c.replicas)]);
  return { id: 'controller', perspective: 'controller', badges, facts };
}

function records(codes: readonly number[] | undefined): string {
  const shown = (codes ?? []).map((c, o) => (c ? `${recordLabel(c)}@offset ${o}` : '')).filter((x) => x);
  return shown.length ? shown.join(', ') : 'nothing yet';
}

export function replicationView(s: ReplicationState): ClusterView {
  const inFlight: { from: string; to: string; label: string }[] = [];
  s.brokers.forEach((b, id) => {
    for (const u of b.inbox ?? []) inFlight.push({ from: 'controller', to: broker(id), label: `leader ${u.leader} e${u.leaderEpoch} ISR ${ids(u.isr)}` });
    const r = b.alterPartition;
    if (r && r.proposal?.kind !== 'committed') inFlight.push({ from: broker(id), to: 'controller', label: `AlterPartition ISR ${ids(r.proposal.proposedIsr)}` });
  });
  const acked: string[] = [];
  for (let r = 0; (s.ghosts?.acked ?? 0) >> r; r++) if ((s.ghosts.acked >> r) & 1) acked.push(String.fromCharCode(97 + r));
  return {
    nodes: [controllerNode(s), ...s.brokers.map((b, id) => brokerNode(s, b, id))],
    inFlight,
    notes: [
      ['committed', records(s.ghosts?.committed)],
      ['acknowledged to the producer', acked.join(', ') || 'none'],
      ['consumed', records(s.ghosts?.consumed)],
    ],
  };
}

const MARKS = { Crash: 'crash', DataLossShutdown: 'power-loss', CleanShutdown: 'shutdown', Restart: 'restart' } as const;

export function describeReplicationStep(before: ReplicationState, a: ReplicationAction, after: ReplicationState): StepInfo {
  const tail = replicationConsequence(before, a, after);
  const text = `${describeReplicationAction(a)}${tail ? ` → ${tail}` : ''}`;
  switch (a.type) {
    case 'ElectPreferredLeader':
    case 'ElectLeaderlessPartition':
    case 'SessionExpires':
      return { actor: 'controller', text };
    case 'Produce':
      return { actor: broker(a.broker), text, exchanges: [{ from: 'producer', to: broker(a.broker), label: 'Produce' }] };
    case 'Consume':
      return { actor: broker(a.broker), text, exchanges: [{ from: 'consumer', to: broker(a.broker), label: 'Fetch' }] };
    case 'ReorderReplicas':
      return { actor: 'controller', text };
    case 'HandleAlterPartition':
      return { actor: 'controller', text, exchanges: [{ from: 'controller', to: broker(a.broker), label: 'AlterPartition response' }] };
    case 'FollowerFetch':
    case 'TruncateFollower': {
      const leader = before.brokers[a.broker]?.leader ?? -1;
      return { actor: broker(a.broker), text, exchanges: leader >= 0 ? [{ from: broker(a.broker), to: broker(leader), label: a.type === 'FollowerFetch' ? 'Fetch' : 'OffsetsForLeaderEpoch' }] : [] };
    }
    case 'Crash':
    case 'DataLossShutdown':
    case 'CleanShutdown':
    case 'Restart':
      return { actor: broker(a.broker), text, mark: MARKS[a.type] };
    default:
      return { actor: broker((a as { broker: number }).broker), text };
  }
}
