// How a kafka-spec state is fingerprinted and read back (the packed words themselves: the layout is already
// canonical) and how it reads in traces: the spec's six variables with replicas named 1..n, logs as
// "id@epoch" strings, None/Nil spelled out.

import type { StateReader, StateWriter, TraceValue } from '../../src/contract/model.ts';
import type { KafkaSpecAction } from './kafka-spec-actions.ts';
import {
  endOffset, epochPlus1, hw, isrOf, leaderOf, nextLeaderEpoch, nextRecordId, quorumIsr, quorumLeader, recordAt,
  recordEpoch, recordId, request, type KafkaSpecState,
} from './kafka-spec-state.ts';

export function encodeKafkaSpec(s: KafkaSpecState, out: StateWriter): void {
  for (let i = 0; i < s.length; i++) out.int(s[i]);
}

export function decodeKafkaSpec(input: StateReader, words: number): KafkaSpecState {
  const s = new Array<number>(words);
  for (let i = 0; i < words; i++) s[i] = input.int();
  return s;
}

const replicaName = (code: number): TraceValue => (code === 0 ? 'None' : code);
const isrNames = (mask: number, R: number): TraceValue[] => {
  const out: TraceValue[] = [];
  for (let r = 0; r < R; r++) if (mask & (1 << r)) out.push(r + 1);
  return out;
};

/** The log of replica r as records "id@epoch" (record `id` written in leader epoch `epoch`). */
export function logText(s: KafkaSpecState, r: number): string {
  const parts: string[] = [];
  for (let o = 0; o < endOffset(s, r); o++) {
    const code = recordAt(s, r, o);
    parts.push(`${recordId(code)}@${recordEpoch(code)}`);
  }
  return parts.length === 0 ? '(empty)' : parts.join(' ');
}

export function kafkaSpecVariables(s: KafkaSpecState, R: number): Record<string, TraceValue> {
  const replicaLog: Record<string, TraceValue> = {};
  const replicaState: Record<string, TraceValue> = {};
  for (let r = 0; r < R; r++) {
    replicaLog[String(r + 1)] = logText(s, r);
    const ep = epochPlus1(s, R, r);
    replicaState[String(r + 1)] = {
      hw: hw(s, R, r),
      leaderEpoch: ep === 0 ? 'Nil' : ep - 1,
      leader: replicaName(leaderOf(s, R, r)),
      isr: isrNames(isrOf(s, R, r), R),
    };
  }
  const requests: TraceValue[] = [];
  for (let e = 0; e < nextLeaderEpoch(s); e++) {
    const req = request(s, R, e);
    requests.push({ leaderEpoch: e, leader: replicaName(req & 7), isr: isrNames(req >>> 3, R) });
  }
  const n = nextLeaderEpoch(s);
  return {
    replicaLog,
    replicaState,
    quorumState: { leaderEpoch: n === 0 ? 'Nil' : n - 1, leader: replicaName(quorumLeader(s, R)), isr: isrNames(quorumIsr(s), R) },
    leaderAndIsrRequests: requests,
    nextRecordId: nextRecordId(s),
    nextLeaderEpoch: n,
  };
}

/** One line per action, in the spec's terms with replica ids 1..n. */
export function describeKafkaSpecAction(a: KafkaSpecAction): string {
  const r = a.r + 1;
  const x = a.x + 1;
  switch (a.type) {
    case 'ControllerElectLeader':
      return `controller elects replica ${r} leader (next leader epoch)`;
    case 'ControllerShrinkIsr':
      return `controller takes replica ${r} out of the ISR (next leader epoch)`;
    case 'BecomeLeader':
      return `the leader named in the LeaderAndIsr request of epoch ${a.x} becomes leader`;
    case 'LeaderWrite':
      return `replica ${r}, presuming leadership, appends the next record`;
    case 'LeaderIncHighWatermark':
    case 'ImprovedLeaderIncHighWatermark':
    case 'FencedLeaderIncHighWatermark':
      return `leader ${r} advances its high watermark (${a.type})`;
    case 'LeaderExpandIsr':
    case 'LeaderExpandIsrBetterFencing':
    case 'FencedLeaderExpandIsr':
      return `leader ${r} adds replica ${x} to the ISR (${a.type})`;
    case 'LeaderShrinkIsr':
    case 'LeaderShrinkIsrBetterFencing':
    case 'FencedLeaderShrinkIsr':
      return `leader ${r} removes replica ${x} from the ISR (${a.type})`;
    case 'BecomeFollower':
      return `replica ${r} becomes follower on the LeaderAndIsr request of epoch ${a.x}, no truncation`;
    case 'BecomeFollowerTruncateToHighWatermark':
    case 'BecomeFollowerTruncateKip101':
    case 'BecomeFollowerTruncateKip279':
    case 'FencedBecomeFollowerAndTruncate':
      return `replica ${r} becomes follower on the LeaderAndIsr request of epoch ${a.x} and truncates (${a.type})`;
    case 'FollowerReplicate':
    case 'FollowerFetch':
    case 'FencedFollowerFetch':
      return `follower ${r} fetches the next record from leader ${x} (${a.type})`;
    case 'FollowerTruncate':
      return `follower ${r} truncates after a log-truncation error from leader ${x}`;
  }
}
