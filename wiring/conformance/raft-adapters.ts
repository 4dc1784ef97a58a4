// Conformance adapters for raft.json (KRaft quorum vectors from Kafka's raft tests): each rebuilds the rule
// inputs from a vector, runs model/rules/raft and compares with what Kafka's test asserts. Vote vectors name the
// local state the way the vector file does (role, epoch, leader, voted id, isVoter, hasFetchedFromLeader).
import { type Adapter, type AdapterTable, type Vector, type VectorVerdict, understanding } from '../../src/conformance/vector.ts';
import {
  appendBatch,
  binaryExponentialElectionBackoffMs,
  electionTimeoutJitterBound,
  EMPTY_RAFT_LOG,
  endOffsetForEpoch,
  handleVoteRequest,
  lastFetchedEpoch,
  leaderIdOf,
  newLeaderProgress,
  newVoteTally,
  randomElectionTimeoutMs,
  replicaKey,
  RETRY_BACKOFF_BASE_MS,
  truncateToEndOffset,
  updateLocalState,
  updateReplicaState,
  validateOffsetAndEpoch,
  votedKeyOf,
  type EpochState,
  type OffsetAndEpoch,
  type QuorumContext,
  type RaftLog,
} from '../../model/rules/raft/index.ts';

const pass: VectorVerdict = { status: 'pass', detail: '' };
const show = (v: unknown) => JSON.stringify(v);

/** Compares field by field; the first mismatch becomes the failure detail. */
function compare(checks: readonly (readonly [string, unknown, unknown])[]): VectorVerdict {
  for (const [label, expected, actual] of checks) {
    if (show(expected) !== show(actual)) {
      return { status: 'fail', detail: `${label}: expected ${show(expected)}, got ${show(actual)}` };
    }
  }
  return pass;
}

interface VoteLocalState {
  role: EpochState['role'];
  epoch: number;
  leader: number | null;
  voted: number | null;
  isVoter: boolean;
  localId: number;
  hasFetchedFromLeader?: boolean;
}
interface VoteInput {
  localState: VoteLocalState;
  localLogEnd: OffsetAndEpoch;
  request: { candidateEpoch: number; candidateId: number; lastEpoch: number; lastOffset: number; preVote?: boolean };
}
interface VoteExpected {
  response?: { error?: string; granted?: boolean; responseEpoch?: number; responseLeaderId?: number | null };
  stateAfter?: { role?: string; epoch?: number; voted?: number | null; leader?: number | null };
}

/** The voter set the vector implies: the local node if it is a voter, plus every other node it names. */
function voteContext(input: VoteInput): QuorumContext {
  const { localState: ls, request } = input;
  const ids = new Set<number>([request.candidateId]);
  if (ls.isVoter) ids.add(ls.localId);
  for (const id of [ls.leader, ls.voted]) if (id !== null && (id !== ls.localId || ls.isVoter)) ids.add(id);
  const voters = [...ids].sort((a, b) => a - b).map((id) => replicaKey(id));
  return { local: replicaKey(ls.localId), voters, protocol: 'kip996' };
}

function voteLocalState(ls: VoteLocalState, ctx: QuorumContext, logEnd: OffsetAndEpoch): EpochState {
  const votedKey = ls.voted === null ? null : replicaKey(ls.voted);
  switch (ls.role) {
    case 'Unattached':
      return { role: 'Unattached', epoch: ls.epoch, leaderId: ls.leader, votedKey, highWatermark: null };
    case 'Prospective':
      return { role: 'Prospective', epoch: ls.epoch, leaderId: ls.leader, votedKey, retries: 1, votes: newVoteTally(ctx), highWatermark: null };
    case 'Candidate':
      return { role: 'Candidate', epoch: ls.epoch, retries: 1, votes: newVoteTally(ctx), backingOff: false, highWatermark: null };
    case 'Leader':
      return { role: 'Leader', epoch: ls.epoch, progress: newLeaderProgress(ctx, logEnd.offset) };
    case 'Follower': {
      if (ls.leader === null) throw new Error('a Follower vector needs a leader');
      const hasFetchedFromLeader = ls.hasFetchedFromLeader ?? false;
      return { role: 'Follower', epoch: ls.epoch, leaderId: ls.leader, votedKey, hasFetchedFromLeader, highWatermark: null };
    }
    case 'Resigned':
      return { role: 'Resigned', epoch: ls.epoch, preferredSuccessors: [] };
  }
}

const voteAdapter: Adapter = (vector) => {
  const input = vector.input as VoteInput;
  const expected = vector.expected as VoteExpected;
  const ctx = voteContext(input);
  const state = voteLocalState(input.localState, ctx, input.localLogEnd);
  const r = input.request;
  const { state: after, response } = handleVoteRequest(state, ctx, input.localLogEnd, {
    candidate: replicaKey(r.candidateId),
    candidateEpoch: r.candidateEpoch,
    lastEpoch: r.lastEpoch,
    lastOffset: r.lastOffset,
    preVote: r.preVote ?? false,
  });
  const actualAfter: Record<string, unknown> = {
    role: after.role,
    epoch: after.epoch,
    voted: votedKeyOf(after, ctx)?.id ?? null,
    leader: leaderIdOf(after, ctx),
  };
  // Only the fields the vector gives are compared (a response given without its leader id checks the rest).
  const given = (name: string, want: unknown, got: unknown) => (want === undefined ? [] : [[name, want, got] as const]);
  return compare([
    ...given('response.error', expected.response?.error, response.error),
    ...given('response.granted', expected.response?.granted, response.granted),
    ...given('response.epoch', expected.response?.responseEpoch, response.epoch),
    ...given('response.leaderId', expected.response?.responseLeaderId, response.leaderId),
    ...Object.entries(expected.stateAfter ?? {}).map(
      ([field, value]) => [`stateAfter.${field}`, value, actualAfter[field]] as const,
    ),
  ]);
};

interface HwStep {
  op: 'local' | 'replica';
  node?: number;
  offset: number;
  voters?: number[];
  returns: boolean;
  hw: number | null;
}

const highWatermarkAdapter: Adapter = (vector) => {
  const input = vector.input as { localId: number; voters: number[]; epochStartOffset: number };
  const steps = (vector as Vector & { steps?: HwStep[] }).steps ?? [];
  const ctx: QuorumContext = { local: replicaKey(input.localId), voters: input.voters.map((id) => replicaKey(id)), protocol: 'kip996' };
  let progress = newLeaderProgress(ctx, input.epochStartOffset);
  for (const [i, step] of steps.entries()) {
    const update =
      step.op === 'local'
        ? updateLocalState(progress, step.offset, step.voters?.map((id) => replicaKey(id)))
        : updateReplicaState(progress, replicaKey(step.node ?? -1), step.offset);
    progress = update.progress;
    const verdict = compare([
      [`step ${i} (${step.op} ${step.node ?? ''}@${step.offset}) returns`, step.returns, update.highWatermarkChanged],
      [`step ${i} (${step.op} ${step.node ?? ''}@${step.offset}) hw`, step.hw, progress.highWatermark],
    ]);
    if (verdict.status !== 'pass') return verdict;
  }
  return steps.length > 0 ? pass : { status: 'fail', detail: 'vector has no steps' };
};

interface LogInput {
  epochStartOffsets: { epoch: number; startOffset: number }[];
  logEndOffset: number;
  logStartOffset?: number;
  earliestSnapshotId?: OffsetAndEpoch | null;
  latestSnapshotId?: OffsetAndEpoch | null;
}

function logOf(input: LogInput): RaftLog {
  const earliest = input.earliestSnapshotId ?? null;
  return {
    startOffset: input.logStartOffset ?? 0,
    endOffset: input.logEndOffset,
    epochs: input.epochStartOffsets,
    earliestSnapshot: earliest,
    latestSnapshot: input.latestSnapshotId ?? earliest,
  };
}

const validateAdapter: Adapter = (vector) => {
  const input = vector.input as LogInput & { lastFetchedEpoch: number; fetchOffset: number; lastFetchedEpochInRequest: number };
  const log = logOf(input);
  return compare([
    ['lastFetchedEpoch of the described log', input.lastFetchedEpoch, lastFetchedEpoch(log)],
    ['validation', vector.expected, validateOffsetAndEpoch(log, input.fetchOffset, input.lastFetchedEpochInRequest)],
  ]);
};

/** "5@e1,10@e1" → a log of 5 records in epoch 1 then 10 more: cross-checks the vector's epoch table. */
function logFromBatches(batches: string): RaftLog {
  return batches.split(',').reduce((log, batch) => {
    const [count, epoch] = batch.split('@e').map(Number);
    return appendBatch(log, epoch, count);
  }, EMPTY_RAFT_LOG);
}

const endOffsetForEpochAdapter: Adapter = (vector) => {
  const input = vector.input as LogInput & { batches?: string; epoch: number };
  const log = logOf(input);
  const checks: [string, unknown, unknown][] = [];
  if (input.batches) {
    const built = logFromBatches(input.batches);
    checks.push(['epoch table built from batches', { epochs: log.epochs, leo: log.endOffset }, { epochs: built.epochs, leo: built.endOffset }]);
  }
  checks.push(['endOffsetForEpoch', vector.expected, endOffsetForEpoch(log, input.epoch)]);
  return compare(checks);
};

const truncateAdapter: Adapter = (vector) => {
  const input = vector.input as LogInput & { divergingEpoch: { epoch: number; endOffset: number } };
  const result = truncateToEndOffset(logOf(input), { offset: input.divergingEpoch.endOffset, epoch: input.divergingEpoch.epoch });
  if (result.kind === 'fatal') return { status: 'fail', detail: `expected a truncation, got fatal: ${result.reason}` };
  return compare([['truncationOffset', (vector.expected as { truncationOffset: number }).truncationOffset, result.truncationOffset]]);
};

const backoffAdapter: Adapter = (vector) => {
  const input = vector.input as { retries: number; randomNextIntResult: number; RETRY_BACKOFF_BASE_MS: number; electionBackoffMaxMs: number };
  return compare([
    ['RETRY_BACKOFF_BASE_MS', input.RETRY_BACKOFF_BASE_MS, RETRY_BACKOFF_BASE_MS],
    [
      'backoffMs',
      (vector.expected as { backoffMs: number }).backoffMs,
      binaryExponentialElectionBackoffMs(input.retries, input.randomNextIntResult, input.electionBackoffMaxMs),
    ],
  ]);
};

/** The vector states a range: check its ends with the smallest and largest draws nextInt(T) can return. */
const electionTimeoutAdapter: Adapter = (vector) => {
  const { electionTimeoutMs } = vector.input as { electionTimeoutMs: number };
  const [lo, hi] = (vector.expected as { rangeInclusiveExclusive: [number, number] }).rangeInclusiveExclusive;
  const bound = electionTimeoutJitterBound(electionTimeoutMs);
  return compare([
    ['smallest timeout (draw 0)', lo, randomElectionTimeoutMs(electionTimeoutMs, 0)],
    ['exclusive upper end (draw T-1, plus 1)', hi, randomElectionTimeoutMs(electionTimeoutMs, bound - 1) + 1],
    ['timeout 0 stays 0', 0, randomElectionTimeoutMs(0, 0)],
  ]);
};

export const raftAdapters: AdapterTable = {
  'KafkaRaftClient.handleVoteRequest + EpochState.canGrantVote': understanding(["response", "stateAfter"], voteAdapter),
  'LeaderState.updateLocalState/updateReplicaState -> maybeUpdateHighWatermark': highWatermarkAdapter,
  'ReplicatedLog.validateOffsetAndEpoch (leader side of KRaft Fetch)': understanding(["kind", "offsetAndEpoch"], validateAdapter),
  'ReplicatedLog.endOffsetForEpoch': understanding(["epoch", "offset"], endOffsetForEpochAdapter),
  'ReplicatedLog.truncateToEndOffset (follower handling FetchResponse.divergingEpoch)': understanding(["truncationOffset"], truncateAdapter),
  'KafkaRaftClient.binaryExponentialElectionBackoffMs': understanding(["backoffMs"], backoffAdapter),
  'QuorumState.randomElectionTimeoutMs': understanding(["rangeInclusiveExclusive"], electionTimeoutAdapter),
};
