// State of the `kafka-spec` calibration model: hachikuji/kafka-specification's KafkaReplication variables
// (replicaLog, replicaState, nextRecordId, nextLeaderEpoch, leaderAndIsrRequests, quorumState) packed into a
// flat array of small integers, so successors are a cheap slice and encode/decode are a plain copy.

/** The five protocol generations the spec repository models, one TLA+ module each. */
export const VARIANTS = ['truncate-to-hw', 'kip-101', 'kip-279', 'kip-320-first-try', 'kip-320'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The spec's CONSTANTS (Replicas is 1..replicas; ids 0-based inside the model) plus the module chosen. */
export interface KafkaSpecConfig {
  readonly variant: Variant;
  readonly replicas: number; // |Replicas|, at most 4 (ISR bit masks are 4 bits wide)
  readonly logSize: number; // LogSize, at most 5 (log end offset 0..5 in 3 bits)
  readonly maxRecords: number; // MaxRecords, at most 4 (record id 0..3 in 2 bits)
  readonly maxLeaderEpoch: number; // MaxLeaderEpoch, at most 5 (epochs 0..5 in 3 bits)
}

/**
 * Layout (R = replicas):
 * - s[0], "G": nextRecordId (bits 0-2) | nextLeaderEpoch (3-5) | quorumState.isr (6-9) | requests of leader
 *   epochs 0,1,2 (7 bits each from bit 10).
 * - s[1+r]: replicaLog[r]: endOffset (bits 0-2) | record at offset i in bits 3+5i (id 2 bits | epoch 3 bits).
 *   Offsets at or past endOffset are always 0, as FiniteReplicatedLog keeps them Nil, so the word is canonical.
 * - s[1+R+r]: replicaState[r]: hw (0-2) | leaderEpoch+1 (3-5, 0 = Nil) | leader (6-8, 0 = None, else id+1) |
 *   isr (9-12).
 * - s[1+2R+k]: requests of leader epochs 3+4k .. 6+4k, 7 bits each (only when MaxLeaderEpoch >= 3).
 * A request (element of leaderAndIsrRequests) is leader code (3 bits) | isr << 3. ControllerUpdateIsr gives
 * every request the next leader epoch, so the set holds exactly one request per epoch < nextLeaderEpoch and
 * an array indexed by epoch represents it exactly. quorumState.leaderEpoch is always nextLeaderEpoch - 1 (Nil
 * when no request was sent) and quorumState.leader the leader of that last request (None before): only
 * ControllerUpdateIsr sets them, QuorumUpdateLeaderAndIsr changes the ISR alone. So only the quorum ISR is stored.
 */
export type KafkaSpecState = readonly number[];

export const NONE = 0; // leader code of None; replica r has code r + 1

export function wordCount(c: KafkaSpecConfig): number {
  return 1 + 2 * c.replicas + (c.maxLeaderEpoch >= 3 ? 1 : 0);
}

// --- G: the spec's global variables -------------------------------------------------------------------
export const nextRecordId = (s: KafkaSpecState): number => s[0] & 7;
export const nextLeaderEpoch = (s: KafkaSpecState): number => (s[0] >>> 3) & 7;
export const quorumIsr = (s: KafkaSpecState): number => (s[0] >>> 6) & 15;

/** The request with leader epoch e (e < nextLeaderEpoch): leader code | isr << 3. */
export function request(s: KafkaSpecState, R: number, e: number): number {
  return e < 3 ? (s[0] >>> (10 + 7 * e)) & 127 : (s[1 + 2 * R] >>> (7 * (e - 3))) & 127;
}
/** quorumState.leader as a leader code (None before the first request). */
export function quorumLeader(s: KafkaSpecState, R: number): number {
  const n = nextLeaderEpoch(s);
  return n === 0 ? NONE : request(s, R, n - 1) & 7;
}

// --- replicaLog -----------------------------------------------------------------------------------------
export const endOffset = (s: KafkaSpecState, r: number): number => s[1 + r] & 7;
/** Record code at an offset below the end offset: id | epoch << 2. */
export const recordAt = (s: KafkaSpecState, r: number, offset: number): number => (s[1 + r] >>> (3 + 5 * offset)) & 31;
export const recordEpoch = (code: number): number => code >>> 2;
export const recordId = (code: number): number => code & 3;
export const makeRecord = (id: number, epoch: number): number => id | (epoch << 2);

/** Log word after FiniteReplicatedLog's Append of `code` at the end offset (the caller checked it is not full). */
export function appendedLog(log: number, code: number): number {
  return (log + 1) | (code << (3 + 5 * (log & 7)));
}
/** Log word after TruncateTo(newEnd): records at newEnd and above become Nil (the caller checked newEnd <= end). */
export function truncatedLog(log: number, newEnd: number): number {
  return newEnd | (log & (((1 << (5 * newEnd)) - 1) << 3));
}
/** True when offsets 0 .. n-1 hold the same records in both log words (both logs must reach n). */
export function samePrefix(logA: number, logB: number, n: number): boolean {
  return (((logA ^ logB) >>> 3) & ((1 << (5 * n)) - 1)) === 0;
}

// --- replicaState ---------------------------------------------------------------------------------------
export const hw = (s: KafkaSpecState, R: number, r: number): number => s[1 + R + r] & 7;
/** leaderEpoch + 1 (0 encodes Nil = -1), so `epoch > replicaState.leaderEpoch` reads `epoch + 1 > epochPlus1`. */
export const epochPlus1 = (s: KafkaSpecState, R: number, r: number): number => (s[1 + R + r] >>> 3) & 7;
export const leaderOf = (s: KafkaSpecState, R: number, r: number): number => (s[1 + R + r] >>> 6) & 7;
export const isrOf = (s: KafkaSpecState, R: number, r: number): number => (s[1 + R + r] >>> 9) & 15;
export const presumesLeadership = (s: KafkaSpecState, R: number, r: number): boolean => ((s[1 + R + r] >>> 6) & 7) === r + 1;

export function replicaStateWord(hwValue: number, epochP1: number, leaderCode: number, isr: number): number {
  return hwValue | (epochP1 << 3) | (leaderCode << 6) | (isr << 9);
}

/** KafkaReplication's Init: empty logs, hw 0, Nil epochs, no leader, the quorum ISR is every replica. */
export function initialState(c: KafkaSpecConfig): KafkaSpecState {
  const s = new Array<number>(wordCount(c)).fill(0);
  s[0] = ((1 << c.replicas) - 1) << 6;
  return s;
}
