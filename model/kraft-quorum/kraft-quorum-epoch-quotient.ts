// The liveness quotient of kraft-quorum: epochs renumbered. Kafka's rules read epochs only through <, = and
// "epoch + 1" of a *current* epoch (a voter's, a quorum-state file's, a message's), plus the constant 0 (the
// initial epoch, an empty log's). So every current epoch ≥ m (the least one) is shifted down alike, and the older
// epochs below m that only logs remember (entries, lastEpoch, diverging epochs) are numbered 1, 2, … in order,
// 0 staying 0. Nothing ever becomes such an old epoch again, so their gaps decide nothing. The representative
// first forgets the log prefix every voter shares (kraft-quorum-shared-prefix.ts), so old epochs do leave.
import { messageFromCode, type Message } from './kraft-quorum-messages.ts';
import { droppablePrefix, dropSharedPrefix } from './kraft-quorum-shared-prefix.ts';
import { stateWith, type KraftQuorumState, type VoterState } from './kraft-quorum-state.ts';

/** Where a state's epochs go: current epochs (≥ least) shift by `shift`; older ones map through `old`. */
export interface EpochRenumbering {
  readonly least: number;
  readonly shift: number;
  readonly old: readonly number[];
}

const NONE: EpochRenumbering = { least: 0, shift: 0, old: [] };

/**
 * The renumbering of a state. While a disk may still be lost it is the identity: a voter that rejoins starts at
 * the absolute epoch 0 (QuorumState.initialize without a file), which no shift commutes with.
 */
export function epochRenumbering(s: KraftQuorumState): EpochRenumbering {
  if (s.diskLossesLeft > 0) return NONE;
  let least = Infinity;
  for (const v of s.voters) {
    const current = v.es !== null ? v.es.epoch : v.stored !== null ? v.stored.epoch : 0;
    if (current < least) least = current;
  }
  for (const m of s.network) if (m.epoch < least) least = m.epoch;
  if (least === 0) return NONE;
  // Only epochs below `least` are ranked: collect those (0, the initial epoch and an empty log's, always is one).
  const older: number[] = [0];
  const note = (e: number) => {
    if (e < least && !older.includes(e)) older.push(e);
  };
  for (const v of s.voters) for (const e of v.log) note(e >> 4);
  for (const e of s.committed) note(e >> 4);
  for (const m of s.network) {
    if (m.kind === 'Vote') note(m.lastEpoch);
    else if (m.kind === 'Fetch') note(m.lastFetchedEpoch);
    else if (m.kind === 'FetchResponse') {
      if (m.diverging !== null) note(m.diverging.epoch);
      for (const e of m.records) note(e >> 4);
    }
  }
  older.sort((x, y) => x - y);
  return { least, shift: least - older.length, old: older };
}

/** The epoch's new number (e ≥ least: shifted; below: its rank among the older epochs, 0 first). */
export function renumber(r: EpochRenumbering, epoch: number): number {
  return epoch >= r.least ? epoch - r.shift : r.old.indexOf(epoch);
}

const isIdentity = (r: EpochRenumbering) => r.shift === 0 && r.old.every((e, i) => e === i);

/** The representative: the state with its epochs renumbered (the same object when nothing moves). */
export function epochQuotient(s: KraftQuorumState): KraftQuorumState {
  const r = epochRenumbering(s);
  if (isIdentity(r)) return s;
  const f = (e: number) => renumber(r, e);
  const entries = memoEntries(f);
  const voters = s.voters.map((v): VoterState => ({
    es: v.es === null ? null : { ...v.es, epoch: f(v.es.epoch) },
    stored: v.stored === null ? null : { ...v.stored, epoch: f(v.stored.epoch) },
    halted: v.halted,
    disk: v.disk,
    log: entries(v.log),
    hwSeen: v.hwSeen,
  }));
  return stateWith(s, { voters, network: s.network.map((m) => renumberMessage(m, f, entries)), committed: entries(s.committed) });
}

/** Log arrays are shared between voters and states: each is renumbered once per call. */
function memoEntries(f: (e: number) => number): (log: readonly number[]) => readonly number[] {
  const done = new Map<readonly number[], readonly number[]>();
  return (log) => {
    if (log.length === 0) return log;
    let out = done.get(log);
    if (out === undefined) {
      out = log.map((e) => f(e >> 4) * 16 + (e & 15));
      done.set(log, out);
    }
    return out;
  };
}

/** Renumbers the epoch fields of a message's code (the order of codes, hence of the network, is kept). */
function renumberMessage(m: Message, f: (e: number) => number, entries: (log: readonly number[]) => readonly number[]): Message {
  const code = m.code.slice();
  code[1] = f(code[1]);
  if (m.kind === 'Vote') code[2] = f(code[2]);
  else if (m.kind === 'Fetch') code[3] = f(code[3]);
  else if (m.kind === 'FetchResponse') {
    if (code[4] >= 0) code[4] = f(code[4]);
    const records = entries(m.records);
    for (let i = 0; i < records.length; i++) code[7 + i] = records[i];
  }
  return messageFromCode(code);
}

/** kraft-quorum's liveness representative: the shared log prefix dropped, then the epochs renumbered. */
export function kraftRepresentative(s: KraftQuorumState): KraftQuorumState {
  return epochQuotient(withoutSharedPrefix(s));
}

/** The state without the log prefix every voter shares (kraft-quorum-shared-prefix.ts). */
export const withoutSharedPrefix = (s: KraftQuorumState): KraftQuorumState => dropSharedPrefix(s, droppablePrefix(s));

/** How `to` differs from `from` when both have one representative, e.g. "every current epoch 2 higher". */
export function describeEpochShift(from: KraftQuorumState, to: KraftQuorumState): string {
  const dropped = droppablePrefix(to) - droppablePrefix(from);
  const records = dropped === 0 ? '' : `, ${Math.abs(dropped)} ${dropped > 0 ? 'more' : 'fewer'} log entr${Math.abs(dropped) === 1 ? 'y' : 'ies'} every voter shares, every offset as much ${dropped > 0 ? 'higher' : 'lower'}`;
  const a = epochRenumbering(withoutSharedPrefix(from));
  const b = epochRenumbering(withoutSharedPrefix(to));
  const d = b.shift - a.shift;
  const current = d === 0 ? 'the same epochs' : `every current epoch ${Math.abs(d)} ${d > 0 ? 'higher' : 'lower'} (voters, quorum-state files, messages in flight)`;
  const older = a.old.length === b.old.length && a.old.every((e, i) => e === b.old[i]) ? '' : `, and the older epochs only logs remember renumbered in order (${a.old.join(', ')} then, ${b.old.join(', ')} now)`;
  return `the same state with ${current}${records}${older}`;
}
