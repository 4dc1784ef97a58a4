// What a replication step caused, in words, found by comparing the states before and after: the controller's
// election (clean, unclean, via ELR, or none possible), ISR changes, appends, truncations, HW moves, records
// becoming committed or acknowledged; and what a violation concretely means (which committed record is gone).

import type { ReplicationAction } from './replication-actions.ts';
import { firstServedDifference } from './ghosts.ts';
import { recordId, recordLabel, type BrokerState, type ReplicationState } from './replication-state.ts';

const ids = (xs: readonly number[] | undefined): string => `[${(xs ?? []).join(', ')}]`;
const label = (code: number): string => recordLabel(code);

function election(before: ReplicationState, after: ReplicationState): string[] {
  const c0 = before.controller;
  const c1 = after.controller;
  const out: string[] = [];
  if (c1.leader !== c0.leader || c1.leaderEpoch !== c0.leaderEpoch) {
    if (c1.leader < 0) out.push(`the partition has no leader (epoch ${c1.leaderEpoch}): no eligible replica`);
    else {
      const how = c0.isr.includes(c1.leader) ? 'from the ISR' : c0.elr?.includes(c1.leader) ? 'from the ELR' : 'unclean, not in ISR';
      out.push(`controller elects broker ${c1.leader} (${how}) in epoch ${c1.leaderEpoch}`);
    }
  }
  if (ids(c1.isr) !== ids(c0.isr)) out.push(`ISR ${ids(c0.isr)} → ${ids(c1.isr)}`);
  if (ids(c1.elr) !== ids(c0.elr)) out.push(`ELR ${ids(c0.elr)} → ${ids(c1.elr)}`);
  return out;
}

function brokerChanges(id: number, b0: BrokerState, b1: BrokerState): string[] {
  const out: string[] = [];
  const common = (() => {
    let o = 0;
    while (o < b0.log.length && o < b1.log.length && b0.log[o] === b1.log[o]) o++;
    return o;
  })();
  if (common < b0.log.length) out.push(`broker ${id} truncates to offset ${common}, dropping ${b0.log.slice(common).map(label).join(' ')}`);
  if (b1.log.length > common) out.push(`broker ${id} appends ${b1.log.slice(common).map((c, k) => `${label(c)} at ${common + k}`).join(', ')}`);
  if (b1.highWatermark !== b0.highWatermark) out.push(`broker ${id} HW ${b0.highWatermark} → ${b1.highWatermark}`);
  if (b1.role && (!b0.role || b0.leaderEpoch !== b1.leaderEpoch)) out.push(`broker ${id} leads epoch ${b1.leaderEpoch}`);
  else if (!b1.role && b1.alive && (b1.leader !== b0.leader || b1.leaderEpoch !== b0.leaderEpoch) && b1.leader >= 0) out.push(`broker ${id} follows broker ${b1.leader} in epoch ${b1.leaderEpoch}`);
  return out;
}

function ghostChanges(before: ReplicationState, after: ReplicationState): string[] {
  const out: string[] = [];
  const c0 = before.ghosts?.committed ?? [];
  (after.ghosts?.committed ?? []).forEach((code, o) => {
    if (code && !c0[o]) out.push(`${label(code)} is committed at offset ${o}`);
  });
  const newlyAcked = (after.ghosts?.acked ?? 0) & ~(before.ghosts?.acked ?? 0);
  for (let r = 0; newlyAcked >> r; r++) if ((newlyAcked >> r) & 1) out.push(`the producer is told ${String.fromCharCode(97 + r)} is written`);
  return out;
}

export function replicationConsequence(before: ReplicationState, a: ReplicationAction, after: ReplicationState): string {
  if (before === after) return 'nothing changes';
  const parts = election(before, after);
  after.brokers.forEach((b1, id) => {
    const b0 = before.brokers[id];
    if (b0 && b1 !== b0) parts.push(...brokerChanges(id, b0, b1));
  });
  parts.push(...ghostChanges(before, after));
  if (a.type === 'HandleAlterPartition' && ids(before.controller.isr) === ids(after.controller.isr)) parts.unshift('the controller rejects it');
  return parts.join('; ');
}

/** The committed (or acknowledged) record a state has lost, in words; undefined when nothing is missing. */
export function explainReplication(property: string, s: ReplicationState): string | undefined {
  const committed = s.ghosts?.committed ?? [];
  const c = s.controller;
  const holders = (code: number, o: number): number[] => s.brokers.map((b, id) => (b.log[o] === code ? id : -1)).filter((id) => id >= 0);
  if (property === 'consumed-prefix-stable') {
    const changed = offsetServedDifferently(s);
    if (changed) return changed;
  }
  for (let o = 0; o < committed.length; o++) {
    const code = committed[o];
    if (!code) continue;
    const missing = c.isr.filter((id) => s.brokers[id]?.log[o] !== code);
    if (missing.length === 0) continue;
    const leader = c.leader >= 0 ? s.brokers[c.leader] : undefined;
    const witness = s.brokers.findIndex((b) => b.log[o] === code && b.highWatermark > o);
    const when = witness >= 0 ? ` (below broker ${witness}'s HW ${s.brokers[witness].highWatermark})` : '';
    const where =
      leader && leader.log[o] !== code
        ? `broker ${c.leader} leads epoch ${c.leaderEpoch} without it (its log: ${leader.log.map(label).join(' ') || 'empty'})`
        : `broker${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, in the ISR ${ids(c.isr)}, no longer ${missing.length > 1 ? 'have' : 'has'} it at offset ${o}`;
    const held = holders(code, o);
    return `Record ${label(code)}, committed at offset ${o}${when}, is gone: ${where}; ${held.length ? `only broker${held.length > 1 ? 's' : ''} ${held.join(', ')} still hold${held.length > 1 ? '' : 's'} it` : 'no replica holds it any more'}.`;
  }
  const acked = s.ghosts?.acked ?? 0;
  for (let r = 0; acked >> r; r++) {
    if (!((acked >> r) & 1) || s.brokers.some((b) => b.log.some((code) => recordId(code) === r + 1))) continue;
    const name = String.fromCharCode(97 + r);
    return `Record ${name} was acknowledged to the producer, and no replica holds it any more (logs: ${s.brokers.map((b, id) => `broker ${id} ${b.log.map(label).join(' ') || 'empty'}`).join(', ')}).`;
  }
  if (property === 'leader-elected-from-isr' && c.leader >= 0) return `Broker ${c.leader} leads epoch ${c.leaderEpoch} after an unclean election: it was in neither the ISR nor the ELR when elected (the ISR is now ${ids(c.isr)}).`;
  return undefined;
}

/** The first presumed leader serving, below its HW, something other than the first record served there. */
function offsetServedDifferently(s: ReplicationState): string | undefined {
  const changed = s.ghosts ? firstServedDifference(s) : null;
  if (changed === null) return undefined;
  const { broker: id, offset: o } = changed;
  const b = s.brokers[id];
  const first = s.ghosts.committed[o];
  const was = first ? label(first) : 'nothing';
  return `A consumer reading from broker ${id} (which believes it leads epoch ${b.leaderEpoch}) now gets ${label(b.log[o])} at offset ${o}, below its HW ${b.highWatermark}; a consumer that read offset ${o} before got ${was}, the first record a presumed leader served there — the offset changed under it.`;
}
