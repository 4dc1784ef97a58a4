// The KRaft RPCs in flight (Vote/PreVote and its response, BeginQuorumEpoch, EndQuorumEpoch, Fetch and its
// response) as plain data. Each message carries `code`, a flat integer form used to sort the network (a multiset),
// to fingerprint it and to rebuild it (`messageFromCode`). BeginQuorumEpoch and EndQuorumEpoch answers are not
// modelled: they only tell the sender about a newer epoch, which Vote and Fetch traffic tells it as well.
import type { OffsetAndEpoch } from '../rules/raft/index.ts';

export const ERRORS = [
  'NONE',
  'INVALID_REQUEST',
  'FENCED_LEADER_EPOCH',
  'INVALID_VOTER_KEY',
  'UNKNOWN_LEADER_EPOCH',
  'NOT_LEADER_OR_FOLLOWER',
] as const;
export type WireError = (typeof ERRORS)[number];

interface Envelope {
  readonly from: number;
  readonly to: number;
  readonly code: readonly number[];
}

/** Vote (or PreVote) request. `orphan`: the sender reset its connections since, so the answer will be ignored. */
export interface VoteMessage extends Envelope {
  readonly kind: 'Vote';
  readonly fromDir: number;
  readonly epoch: number;
  readonly lastEpoch: number;
  readonly lastOffset: number;
  readonly preVote: boolean;
  readonly orphan: boolean;
}
export interface VoteResponseMessage extends Envelope {
  readonly kind: 'VoteResponse';
  readonly error: WireError;
  readonly granted: boolean;
  readonly epoch: number;
  readonly leaderId: number | null;
}
export interface QuorumEpochMessage extends Envelope {
  readonly kind: 'BeginQuorumEpoch' | 'EndQuorumEpoch';
  readonly epoch: number;
}
export interface FetchMessage extends Envelope {
  readonly kind: 'Fetch';
  readonly fromDir: number;
  /** currentLeaderEpoch */
  readonly epoch: number;
  readonly fetchOffset: number;
  readonly lastFetchedEpoch: number;
  readonly orphan: boolean;
}
export interface FetchResponseMessage extends Envelope {
  readonly kind: 'FetchResponse';
  readonly error: WireError;
  readonly epoch: number;
  readonly leaderId: number | null;
  /** divergingEpoch: where the follower's log stops matching (validateOffsetAndEpoch DIVERGING). */
  readonly diverging: OffsetAndEpoch | null;
  readonly highWatermark: number | null;
  /** Base offset of `records` (the fetch offset). */
  readonly offset: number;
  readonly records: readonly number[];
}
export type Message = VoteMessage | VoteResponseMessage | QuorumEpochMessage | FetchMessage | FetchResponseMessage;

const KINDS = ['Vote', 'VoteResponse', 'BeginQuorumEpoch', 'EndQuorumEpoch', 'Fetch', 'FetchResponse'] as const;
const head = (kind: Message['kind'], from: number, to: number, flags: number) => KINDS.indexOf(kind) | (from << 3) | (to << 6) | (flags << 9);
const opt = (n: number | null) => (n === null ? -1 : n);
const unopt = (n: number) => (n < 0 ? null : n);
const err = (e: WireError) => ERRORS.indexOf(e);

type Fields<M extends Message> = Omit<M, 'code'>;

export function voteMessage(m: Omit<Fields<VoteMessage>, 'kind'>): VoteMessage {
  const { from, to, fromDir, epoch, lastEpoch, lastOffset, preVote, orphan } = m;
  const code = [0 | (from << 3) | (to << 6) | ((orphan ? 1 : 0) << 9) | ((preVote ? 2 : 0) << 9), epoch, lastEpoch, lastOffset, fromDir];
  return { kind: 'Vote', from, to, fromDir, epoch, lastEpoch, lastOffset, preVote, orphan, code };
}
export function voteResponseMessage(m: Omit<Fields<VoteResponseMessage>, 'kind'>): VoteResponseMessage {
  const { from, to, error, granted, epoch, leaderId } = m;
  const code = [1 | (from << 3) | (to << 6) | (((granted ? 2 : 0) | (err(error) << 2)) << 9), epoch, opt(leaderId)];
  return { kind: 'VoteResponse', from, to, error, granted, epoch, leaderId, code };
}
export function quorumEpochMessage(kind: QuorumEpochMessage['kind'], from: number, to: number, epoch: number): QuorumEpochMessage {
  return { kind, from, to, epoch, code: [head(kind, from, to, 0), epoch] };
}
export function fetchMessage(m: Omit<Fields<FetchMessage>, 'kind'>): FetchMessage {
  const { from, to, fromDir, epoch, fetchOffset, lastFetchedEpoch, orphan } = m;
  const code = [4 | (from << 3) | (to << 6) | ((orphan ? 1 : 0) << 9), epoch, fetchOffset, lastFetchedEpoch, fromDir];
  return { kind: 'Fetch', from, to, fromDir, epoch, fetchOffset, lastFetchedEpoch, orphan, code };
}
export function fetchResponseMessage(m: Omit<Fields<FetchResponseMessage>, 'kind'>): FetchResponseMessage {
  const { from, to, error, epoch, leaderId, diverging, highWatermark, offset, records } = m;
  const code = [
    5 | (from << 3) | (to << 6) | ((err(error) << 2) << 9),
    epoch,
    opt(leaderId),
    diverging === null ? -1 : diverging.offset,
    diverging === null ? -1 : diverging.epoch,
    opt(highWatermark),
    offset,
  ];
  for (const r of records) code.push(r);
  return { kind: 'FetchResponse', from, to, error, epoch, leaderId, diverging, highWatermark, offset, records, code };
}

/** Inverse of the constructors' `code` (used by decode): the code array is kept as the message's own. */
export function messageFromCode(code: readonly number[]): Message {
  const h = code[0];
  const kind = KINDS[h & 7];
  const from = (h >> 3) & 7;
  const to = (h >> 6) & 7;
  const flags = h >> 9;
  switch (kind) {
    case 'Vote':
      return { kind, from, to, orphan: (flags & 1) === 1, preVote: (flags & 2) === 2, epoch: code[1], lastEpoch: code[2], lastOffset: code[3], fromDir: code[4], code };
    case 'VoteResponse':
      return { kind, from, to, granted: (flags & 2) === 2, error: ERRORS[flags >> 2], epoch: code[1], leaderId: unopt(code[2]), code };
    case 'BeginQuorumEpoch':
    case 'EndQuorumEpoch':
      return { kind, from, to, epoch: code[1], code };
    case 'Fetch':
      return { kind, from, to, orphan: (flags & 1) === 1, epoch: code[1], fetchOffset: code[2], lastFetchedEpoch: code[3], fromDir: code[4], code };
    case 'FetchResponse':
      return {
        kind,
        from,
        to,
        error: ERRORS[flags >> 2],
        epoch: code[1],
        leaderId: unopt(code[2]),
        diverging: code[3] < 0 ? null : { offset: code[3], epoch: code[4] },
        highWatermark: unopt(code[5]),
        offset: code[6],
        records: code.slice(7),
        code,
      };
  }
}

export function compareMessages(a: Message, b: Message): number {
  const x = a.code;
  const y = b.code;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

export const isRequest = (m: Message): m is VoteMessage | FetchMessage => m.kind === 'Vote' || m.kind === 'Fetch';
export const isResponse = (m: Message): m is VoteResponseMessage | FetchResponseMessage =>
  m.kind === 'VoteResponse' || m.kind === 'FetchResponse';

/** The same request whose answer nobody waits for any more (RequestManager forgot it): the orphan bit is set. */
export function orphaned(m: VoteMessage | FetchMessage): Message {
  const code = m.code.slice();
  code[0] |= 1 << 9;
  return m.kind === 'Vote' ? { ...m, orphan: true, code } : { ...m, orphan: true, code };
}
