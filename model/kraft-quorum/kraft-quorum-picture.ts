// How a kraft-quorum state and step look on the trace page and in `kcheck explore`: one column per voter (role,
// epoch, vote, its metadata log as cells tinted committed / lost, HW and LEO), the Vote / BeginQuorumEpoch /
// Fetch messages in flight as arrows, and step lines naming what the delivery or timer caused. (Variables for
// traces stay in kraft-quorum-view.ts.)

import type { Badge, ClusterView, NodeView, StepInfo } from '../../src/contract/view.ts';
import { describeKraftAction, describeMessage, type KraftQuorumAction } from './kraft-quorum-actions.ts';
import { highWatermarkOfVoter } from './kraft-quorum-node.ts';
import { entryEpoch, entryName, leadersByEpoch, type KraftQuorumState, type VoterState } from './kraft-quorum-state.ts';

const voter = (id: number): string => `voter ${id}`;
const TONE: Record<string, Badge['tone']> = { Leader: 'leader', Candidate: 'warn', Prospective: 'warn', Follower: 'info', Unattached: 'info', Resigned: 'fenced' };

function voterNode(s: KraftQuorumState, v: VoterState, id: number): NodeView {
  const badges: Badge[] = [];
  if (v.halted) badges.push({ text: 'halted (fatal error)', tone: 'down' });
  else if (v.es === null) badges.push({ text: 'down', tone: 'down' });
  else badges.push({ text: `${v.es.role} e${v.es.epoch}`, tone: TONE[v.es.role] ?? 'info' });
  if (v.disk > 0) badges.push({ text: `new disk ×${v.disk}`, tone: 'warn' });
  const facts: [string, string][] = [];
  const stored = v.stored;
  if (stored) facts.push(['quorum-state', `epoch ${stored.epoch}, leader ${stored.leaderId ?? 'none'}, voted ${stored.votedKey?.id ?? 'none'}`]);
  const log = v.log.map((entry, offset) => ({
    offset,
    record: entryName(entry).split('@')[0],
    epoch: entryEpoch(entry),
    tone: s.committed[offset] === undefined ? ('uncommitted' as const) : s.committed[offset] === entry ? ('committed' as const) : ('lost' as const),
  }));
  const hw = highWatermarkOfVoter(v.es);
  const markers = [...(hw === null ? [] : [{ name: 'HW', offset: hw }]), { name: 'LEO', offset: v.log.length }];
  return { id: voter(id), badges, facts, log, markers };
}

export function kraftQuorumPicture(s: KraftQuorumState): ClusterView {
  return {
    nodes: s.voters.map((v, id) => voterNode(s, v, id)),
    inFlight: s.network.map((m) => ({ from: voter(m.from), to: voter(m.to), label: describeMessage(m) })),
    notes: [
      ['committed', s.committed.map(entryName).join(' ') || 'nothing yet'],
      ['budgets left', `restarts ${s.restartsLeft}, resigns ${s.resignsLeft}, drops ${s.dropsLeft}, duplicates ${s.duplicatesLeft}, disk losses ${s.diskLossesLeft}`],
    ],
  };
}

function voterChanges(id: number, v0: VoterState, v1: VoterState): string[] {
  const out: string[] = [];
  if (v0.es && v1.es && (v0.es.role !== v1.es.role || v0.es.epoch !== v1.es.epoch)) out.push(`voter ${id} is ${v1.es.role} in epoch ${v1.es.epoch}`);
  if (v0.halted !== v1.halted && v1.halted) out.push(`voter ${id} halts on a fatal error`);
  let common = 0;
  while (common < v0.log.length && common < v1.log.length && v0.log[common] === v1.log[common]) common++;
  if (common < v0.log.length) out.push(`voter ${id} truncates to offset ${common}, dropping ${v0.log.slice(common).map(entryName).join(' ')}`);
  if (v1.log.length > common) out.push(`voter ${id} appends ${v1.log.slice(common).map(entryName).join(' ')} at ${common}`);
  const h0 = highWatermarkOfVoter(v0.es);
  const h1 = highWatermarkOfVoter(v1.es);
  if (h0 !== h1 && h1 !== null) out.push(`voter ${id} HW ${h0 ?? 'none'} → ${h1}`);
  return out;
}

export function describeKraftStep(before: KraftQuorumState, a: KraftQuorumAction, after: KraftQuorumState): StepInfo {
  const parts: string[] = [];
  after.voters.forEach((v1, id) => {
    const v0 = before.voters[id];
    if (v0 && v0 !== v1) parts.push(...voterChanges(id, v0, v1));
  });
  if (after.committed.length > before.committed.length) parts.push(`${after.committed.slice(before.committed.length).map(entryName).join(' ')} committed`);
  const text = `${describeKraftAction(a)}${parts.length ? ` → ${parts.join('; ')}` : ''}`;
  switch (a.type) {
    case 'Deliver':
      return { actor: voter(a.message.to), text, delivered: [{ from: voter(a.message.from), to: voter(a.message.to), label: describeMessage(a.message) }] };
    case 'Drop':
      return { actor: voter(a.message.to), text, drop: true };
    case 'Duplicate':
      return { actor: voter(a.message.from), text, delivered: [] };
    case 'Crash':
      return { actor: voter(a.voter), text, mark: 'crash', delivered: [] };
    case 'RejoinWithEmptyDisk':
      return { actor: voter(a.voter), text, mark: 'power-loss', delivered: [] };
    case 'Restart':
      return { actor: voter(a.voter), text, mark: 'restart', delivered: [] };
    default:
      return { actor: voter(a.voter), text, delivered: [] };
  }
}

const logText = (v: VoterState): string => v.log.map(entryName).join(' ') || 'empty';

/** What a violation concretely means in state `s`, in words; undefined when the model has nothing to add. */
export function explainKraft(property: string, s: KraftQuorumState): string | undefined {
  if (property === 'no-fatal-error') {
    const id = s.voters.findIndex((v) => v.halted);
    if (id >= 0) return `Voter ${id} hit one of Kafka's fatal checks and its raft thread exited (its log: ${logText(s.voters[id])}).`;
  }
  if (property === 'single-controller-per-epoch') {
    const twice = leadersByEpoch(s, 15).findIndex((m) => (m & (m - 1)) !== 0);
    if (twice >= 0) return `Two voters lead epoch ${twice}: ${[0, 1, 2, 3, 4, 5, 6, 7].filter((id) => (leadersByEpoch(s, 15)[twice] >> id) & 1).map((id) => `voter ${id}`).join(' and ')}.`;
  }
  if (property === 'high-watermark-monotonic') {
    const id = s.voters.findIndex((v) => (highWatermarkOfVoter(v.es) ?? Infinity) < v.hwSeen);
    if (id >= 0) return `Voter ${id}'s high watermark fell to ${highWatermarkOfVoter(s.voters[id].es)} after it had reached ${s.voters[id].hwSeen}.`;
  }
  if (property === 'log-matching') {
    for (let i = 0; i < s.voters.length; i++) {
      for (let j = i + 1; j < s.voters.length; j++) {
        const [a, b] = [s.voters[i].log, s.voters[j].log];
        for (let k = Math.min(a.length, b.length) - 1; k >= 0; k--) {
          if (entryEpoch(a[k]) !== entryEpoch(b[k])) continue;
          const o = a.findIndex((e, x) => x <= k && e !== b[x]);
          if (o >= 0) return `Voters ${i} and ${j} both hold an epoch-${entryEpoch(a[k])} entry at offset ${k} yet differ at offset ${o}: ${entryName(a[o])} vs ${entryName(b[o])}.`;
          break;
        }
      }
    }
  }
  if (property === 'committed-never-lost') {
    for (const [id, v] of s.voters.entries()) {
      const hw = highWatermarkOfVoter(v.es) ?? 0;
      for (let o = 0; o < hw; o++) {
        if (v.log[o] !== s.committed[o]) return `Below voter ${id}'s HW ${hw}, offset ${o} holds ${v.log[o] === undefined ? 'nothing' : entryName(v.log[o])}, not the committed ${s.committed[o] === undefined ? 'entry' : entryName(s.committed[o])} (its log: ${logText(v)}).`;
      }
    }
  }
  for (let o = 0; o < s.committed.length; o++) {
    const lacking = s.voters.map((v, id) => ({ v, id })).filter(({ v }) => v.es?.role === 'Leader' && v.log[o] !== s.committed[o]);
    if (lacking.length > 0) {
      const { v, id } = lacking[0];
      return `Entry ${entryName(s.committed[o])}, committed at offset ${o}, is gone: voter ${id} leads epoch ${v.es?.epoch} without it (its log: ${logText(v)}).`;
    }
  }
  return undefined;
}
