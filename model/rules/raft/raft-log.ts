// The KRaft metadata log as the rules see it (ReplicatedLog / KafkaMetadataLog over UnifiedLog): log start and
// end offsets, the leader-epoch cache (epoch → start offset) and the snapshot ids. Records themselves are the
// model's business; only epochs and offsets decide truncation, fetch validation and vote comparison.
import type { OffsetAndEpoch } from './raft-types.ts';

/** One leader-epoch cache entry (LeaderEpochFileCache EpochEntry). */
export interface EpochEntry {
  readonly epoch: number;
  readonly startOffset: number;
}

export interface RaftLog {
  /** Log start offset (> 0 only after a snapshot). */
  readonly startOffset: number;
  /** Log end offset (LEO). */
  readonly endOffset: number;
  /** Epoch cache, ascending by epoch and start offset. */
  readonly epochs: readonly EpochEntry[];
  readonly earliestSnapshot: OffsetAndEpoch | null;
  readonly latestSnapshot: OffsetAndEpoch | null;
}

export const EMPTY_RAFT_LOG: RaftLog = {
  startOffset: 0,
  endOffset: 0,
  epochs: [],
  earliestSnapshot: null,
  latestSnapshot: null,
};

/** A snapshot-less log from the epoch of each entry, offset 0 first (e.g. [1, 1, 3] → epochs 1@0, 3@2, LEO 3). */
export function raftLogFromEntryEpochs(entryEpochs: readonly number[]): RaftLog {
  return entryEpochs.reduce((log, epoch) => appendBatch(log, epoch, 1), EMPTY_RAFT_LOG);
}

export function latestEpoch(log: RaftLog): number | null {
  return log.epochs.length === 0 ? null : log.epochs[log.epochs.length - 1].epoch;
}

/**
 * KafkaMetadataLog.lastFetchedEpoch: the cache's latest epoch; on an empty log sitting exactly at a snapshot,
 * the snapshot's epoch; otherwise 0.
 */
export function lastFetchedEpoch(log: RaftLog): number {
  const latest = latestEpoch(log);
  if (latest !== null) return latest;
  const snap = log.latestSnapshot;
  if (snap === null) return 0;
  if (snap.offset === log.startOffset && snap.offset === log.endOffset) return snap.epoch;
  throw new Error(`Log has no last fetched epoch but a snapshot ${snap.offset}@${snap.epoch} inside it`);
}

/** KafkaRaftClient.endOffset(): (LEO, lastFetchedEpoch) — what votes compare and requests carry. */
export function logEndOffsetAndEpoch(log: RaftLog): OffsetAndEpoch {
  return { offset: log.endOffset, epoch: lastFetchedEpoch(log) };
}

/** LeaderEpochFileCache.assign: a new epoch starts at `startOffset`; an older epoch is a broken log. */
function assignEpochStartOffset(log: RaftLog, epoch: number, startOffset: number): RaftLog {
  const latest = latestEpoch(log);
  if (latest !== null && epoch < latest) {
    throw new Error(`Append in epoch ${epoch} after epoch ${latest}: the epoch cache only grows`);
  }
  if (latest === epoch) return log;
  return { ...log, epochs: [...log.epochs, { epoch, startOffset }] };
}

/** ReplicatedLog.initializeLeaderEpoch: a new leader's epoch starts at its LEO (before LeaderChange is written). */
export function initializeLeaderEpoch(log: RaftLog, epoch: number): RaftLog {
  return assignEpochStartOffset(log, epoch, log.endOffset);
}

/** appendAsLeader / appendAsFollower of `count` records in `epoch` at the LEO. */
export function appendBatch(log: RaftLog, epoch: number, count: number): RaftLog {
  if (count <= 0) throw new Error('Attempt to append an empty record set');
  const withEpoch = assignEpochStartOffset(log, epoch, log.endOffset);
  return { ...withEpoch, endOffset: log.endOffset + count };
}

/**
 * KafkaRaftClient.onBecomeLeader: initializeLeaderEpoch, then the LeaderChange control record
 * (appendStartOfEpochControlRecords) as the first entry of the new epoch, at epochStartOffset = the old LEO.
 */
export function appendLeaderChangeRecord(log: RaftLog, epoch: number): RaftLog {
  return appendBatch(initializeLeaderEpoch(log, epoch), epoch, 1);
}

/**
 * UnifiedLog.truncateTo(offset): drop records at and above `offset` (a no-op at or past the LEO) and the
 * epoch-cache entries starting there (truncateFromEnd). The high-watermark guard lives in truncateToEndOffset.
 */
export function truncateTo(log: RaftLog, offset: number): RaftLog {
  if (offset >= log.endOffset) return log;
  return { ...log, endOffset: offset, epochs: log.epochs.filter((e) => e.startOffset < offset) };
}

/** The epoch of the record at `offset`, or null outside [startOffset, LEO). */
export function epochAtOffset(log: RaftLog, offset: number): number | null {
  if (offset < log.startOffset || offset >= log.endOffset) return null;
  let found: number | null = null;
  for (const entry of log.epochs) if (entry.startOffset <= offset) found = entry.epoch;
  return found;
}
