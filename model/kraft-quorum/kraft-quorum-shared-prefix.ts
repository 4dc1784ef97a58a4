// The second half of kraft-quorum's liveness quotient: a log prefix every voter holds is forgotten, and every
// offset shifted down by its length. Kafka's rules compare offsets with each other and with 0 (an empty log, the
// log start), so the drop keeps one shared entry and stays below every offset in the state: all stay ≥ 1.
import type { EpochState, LeaderProgress, ReplicaProgress } from '../rules/raft/index.ts';
import { messageFromCode, type Message } from './kraft-quorum-messages.ts';
import { stateWith, type KraftQuorumState, type VoterState } from './kraft-quorum-state.ts';

/** How many entries can be dropped: below the shared prefix's last entry and below every offset held anywhere. */
export function droppablePrefix(s: KraftQuorumState): number {
  // While a disk may be lost a voter can come back empty (offset 0): no shift commutes with that.
  if (s.diskLossesLeft > 0) return 0;
  const first = s.voters[0].log;
  let shared = first.length;
  for (const v of s.voters) {
    shared = Math.min(shared, v.log.length);
    for (let i = 0; i < shared; i++) {
      if (v.log[i] !== first[i]) shared = i;
    }
  }
  let least = Math.min(shared, s.committed.length);
  const offset = (o: number | null) => {
    if (o !== null && o >= 0 && o < least) least = o;
  };
  for (const v of s.voters) {
    offset(v.hwSeen);
    if (v.es !== null) offsetsOf(v.es, offset);
  }
  for (const m of s.network) offsetsOfMessage(m, offset);
  return Math.max(0, least - 1);
}

function offsetsOf(es: EpochState, visit: (o: number | null) => void): void {
  if (es.role === 'Resigned') return;
  if (es.role !== 'Leader') return visit(es.highWatermark);
  const p = es.progress;
  visit(p.epochStartOffset), visit(p.highWatermark);
  for (const r of p.voters) visit(r.endOffset);
  for (const r of p.observers) visit(r.endOffset);
}

/** Code positions holding offsets, per message kind (-1 = none, kept). */
const OFFSET_FIELDS: Record<Message['kind'], readonly number[]> = {
  Vote: [3],
  VoteResponse: [],
  BeginQuorumEpoch: [],
  EndQuorumEpoch: [],
  Fetch: [2],
  FetchResponse: [3, 5, 6],
};

function offsetsOfMessage(m: Message, visit: (o: number | null) => void): void {
  for (const i of OFFSET_FIELDS[m.kind]) visit(m.code[i]);
}

/** The state without its first k log entries, every offset k lower (the same object when k = 0). */
export function dropSharedPrefix(s: KraftQuorumState, k: number): KraftQuorumState {
  if (k === 0) return s;
  const down = (o: number | null) => (o === null || o < 0 ? o : o - k);
  const logs = new Map<readonly number[], readonly number[]>();
  const drop = (log: readonly number[]) => {
    let out = logs.get(log);
    if (out === undefined) logs.set(log, (out = log.slice(k)));
    return out;
  };
  const voters = s.voters.map((v): VoterState => ({
    es: v.es === null ? null : shiftState(v.es, down),
    stored: v.stored,
    halted: v.halted,
    disk: v.disk,
    log: drop(v.log),
    hwSeen: down(v.hwSeen) as number,
  }));
  const network = s.network.map((m) => {
    if (OFFSET_FIELDS[m.kind].length === 0) return m;
    const code = m.code.slice();
    for (const i of OFFSET_FIELDS[m.kind]) code[i] = down(code[i]) as number;
    return messageFromCode(code);
  });
  return stateWith(s, { voters, network, committed: drop(s.committed) });
}

function shiftState(es: EpochState, down: (o: number | null) => number | null): EpochState {
  switch (es.role) {
    case 'Resigned':
      return es;
    case 'Leader': {
      const p = es.progress;
      const replica = (r: ReplicaProgress): ReplicaProgress => ({ ...r, endOffset: down(r.endOffset) });
      const progress: LeaderProgress = {
        ...p,
        epochStartOffset: down(p.epochStartOffset) as number,
        highWatermark: down(p.highWatermark),
        voters: p.voters.map(replica),
        observers: p.observers.map(replica),
      };
      return { ...es, progress };
    }
    default:
      return { ...es, highWatermark: down(es.highWatermark) };
  }
}
