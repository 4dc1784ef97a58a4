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
  const code = [head('Vote', m.from, m.to, (m.orphan ? 1 : 0) | (m.preVote ? 2 : 0)), m.epoch, m.lastEpoch, m.lastOffset, m.fromDir];
  return { kind: 'Vote', ...m, code };
}
export function voteResponseMessage(m: Omit<Fields<VoteResponseMessage>, 'kind'>): VoteResponseMessage {
  const code = [head('VoteResponse', m.from, m.to, (m.granted ? 2 : 0) | (err(m.error) << 2)), m.epoch, opt(m.leaderId)];
  return { kind: 'VoteResponse', ...m, code };
}
export function quorumEpochMessage(kind: QuorumEpochMessage['kind'], from: number, to: number, epoch: number): QuorumEpochMessage {
  return { kind, from, to, epoch, code: [head(kind, from, to, 0), epoch] };
}
export function fetchMessage(m: Omit<Fields<FetchMessage>, 'kind'>): FetchMessage {
  const code = [head('Fetch', m.from, m.to, m.orphan ? 1 : 0), m.epoch, m.fetchOffset, m.lastFetchedEpoch, m.fromDir];
  return { kind: 'Fetch', ...m, code };
}
export function fetchResponseMessage(m: Omit<Fields<FetchResponseMessage>, 'kind'>): FetchResponseMessage {
  const d = m.diverging;
  const code = [
    head('FetchResponse', m.from, m.to, err(m.error) << 2),
    m.epoch,
    opt(m.leaderId),
    d === null ? -1 : d.offset,
    d === null ? -1 : d.epoch,
    opt(m.highWatermark),
    m.offset,
    ...m.records,
  ];
  return { kind: 'FetchResponse', ...m, code };
}

/** Inverse of the constructors' `code` (used by decode). */
export function messageFromCode(code: readonly number[]): Message {
  const h = code[0];
  const kind = KINDS[h & 7];
  const from = (h >> 3) & 7;
  const to = (h >> 6) & 7;
  const flags = h >> 9;
  switch (kind) {
    case 'Vote':
      return voteMessage({ from, to, orphan: (flags & 1) === 1, preVote: (flags & 2) === 2, epoch: code[1], lastEpoch: code[2], lastOffset: code[3], fromDir: code[4] });
    case 'VoteResponse':
      return voteResponseMessage({ from, to, granted: (flags & 2) === 2, error: ERRORS[flags >> 2], epoch: code[1], leaderId: unopt(code[2]) });
    case 'BeginQuorumEpoch':
    case 'EndQuorumEpoch':
      return quorumEpochMessage(kind, from, to, code[1]);
    case 'Fetch':
      return fetchMessage({ from, to, orphan: (flags & 1) === 1, epoch: code[1], fetchOffset: code[2], lastFetchedEpoch: code[3], fromDir: code[4] });
    case 'FetchResponse':
      return fetchResponseMessage({
        from,
        to,
        error: ERRORS[flags >> 2],
        epoch: code[1],
        leaderId: unopt(code[2]),
        diverging: code[3] < 0 ? null : { offset: code[3], epoch: code[4] },
        highWatermark: unopt(code[5]),
        offset: code[6],
        records: code.slice(7),
      });
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

/** The same request whose answer nobody waits for any more (RequestManager forgot it). */
export function orphaned(m: VoteMessage | FetchMessage): Message {
  return m.kind === 'Vote' ? voteMessage({ ...m, orphan: true }) : fetchMessage({ ...m, orphan: true });
}
