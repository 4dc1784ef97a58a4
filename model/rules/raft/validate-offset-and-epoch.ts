// Log reconciliation in KRaft: KafkaMetadataLog.endOffsetForEpoch (over LeaderEpochFileCache.endOffsetFor),
// ReplicatedLog.validateOffsetAndEpoch (the leader's answer to a Fetch: VALID / DIVERGING / SNAPSHOT) and
// ReplicatedLog.truncateToEndOffset (the follower's answer to a diverging epoch), all @ apache/kafka 1eb7644349cb.
import { lastFetchedEpoch, latestEpoch, truncateTo, type RaftLog } from './raft-log.ts';
import type { OffsetAndEpoch } from './raft-types.ts';

/**
 * endOffsetForEpoch(e): the end of epoch e as this log knows it.
 * - e is the latest epoch → (LEO, e);
 * - some epoch above e → (start offset of the first epoch above e, largest epoch ≤ e); if no epoch ≤ e is left,
 *   the epoch is e itself;
 * - e is above every epoch (or the cache is empty, or e < 0) → (LEO, lastFetchedEpoch);
 * and an answer (offset, e) sitting on the oldest snapshot's offset becomes that snapshot id.
 */
export function endOffsetForEpoch(log: RaftLog, epoch: number): OffsetAndEpoch {
  const fromCache = epochCacheEndOffsetFor(log, epoch);
  if (fromCache === null) return { offset: log.endOffset, epoch: lastFetchedEpoch(log) };
  // KafkaMetadataLog: an answer that lands on the oldest snapshot's offset in the requested epoch is replaced by
  // the snapshot id (the epoch predates everything left in the log).
  const snap = log.earliestSnapshot;
  if (snap !== null && fromCache.offset === snap.offset && fromCache.epoch === epoch) return snap;
  return fromCache;
}

/** LeaderEpochFileCache.endOffsetFor(epoch, LEO); null where UnifiedLog.endOffsetForEpoch answers None. */
function epochCacheEndOffsetFor(log: RaftLog, epoch: number): OffsetAndEpoch | null {
  if (epoch < 0) return null;
  if (latestEpoch(log) === epoch) return { offset: log.endOffset, epoch };
  const higher = log.epochs.find((e) => e.epoch > epoch);
  if (higher === undefined) return null;
  const floor = [...log.epochs].reverse().find((e) => e.epoch <= epoch);
  return { offset: higher.startOffset, epoch: floor === undefined ? epoch : floor.epoch };
}

export type ValidationKind = 'VALID' | 'DIVERGING' | 'SNAPSHOT';

/**
 * ValidOffsetAndEpoch. DIVERGING carries the leader's end of the requested epoch, SNAPSHOT the latest snapshot
 * id; VALID carries nothing here (Kafka echoes the request's own offset and epoch).
 */
export interface ValidOffsetAndEpoch {
  readonly kind: ValidationKind;
  readonly offsetAndEpoch: OffsetAndEpoch | null;
}

/** ReplicatedLog.validateOffsetAndEpoch(offset, lastFetchedEpoch) for a Fetch at `offset`. */
export function validateOffsetAndEpoch(log: RaftLog, offset: number, epoch: number): ValidOffsetAndEpoch {
  if (log.startOffset === 0 && offset === 0) return { kind: 'VALID', offsetAndEpoch: null };
  const earliest = log.earliestSnapshot;
  if (
    earliest !== null &&
    (offset < log.startOffset || (offset === log.startOffset && epoch !== earliest.epoch) || epoch < earliest.epoch)
  ) {
    if (log.latestSnapshot === null) {
      throw new Error(`Log start offset ${log.startOffset} is greater than zero but latest snapshot was not found`);
    }
    return { kind: 'SNAPSHOT', offsetAndEpoch: log.latestSnapshot };
  }
  const end = endOffsetForEpoch(log, epoch);
  if (end.epoch !== epoch || end.offset < offset) return { kind: 'DIVERGING', offsetAndEpoch: end };
  return { kind: 'VALID', offsetAndEpoch: null };
}

export type TruncationResult =
  | { readonly kind: 'truncated'; readonly truncationOffset: number; readonly log: RaftLog }
  /** Kafka throws (KafkaException / IllegalArgumentException) and the node stops: committed data would be lost. */
  | { readonly kind: 'fatal'; readonly reason: string };

/**
 * The follower's reaction to FetchResponse.divergingEpoch (KafkaRaftClient.handleFetchResponse +
 * ReplicatedLog.truncateToEndOffset + KafkaMetadataLog.truncateTo): a diverging offset below the follower's high
 * watermark is fatal; otherwise truncate to min(o, LEO) for epoch 0, else to min(l.offset, o) when this log
 * still has epoch e (l = endOffsetForEpoch(e)), else to l.offset; landing below the HW is fatal too.
 */
export function truncateToEndOffset(
  log: RaftLog,
  diverging: OffsetAndEpoch,
  highWatermark: number | null = null,
): TruncationResult {
  if (highWatermark !== null && diverging.offset < highWatermark) {
    return {
      kind: 'fatal',
      reason: `The leader requested truncation to offset ${diverging.offset}, below the high watermark ${highWatermark}`,
    };
  }
  let truncationOffset: number;
  if (diverging.epoch === 0) {
    truncationOffset = Math.min(diverging.offset, log.endOffset);
  } else {
    const local = endOffsetForEpoch(log, diverging.epoch);
    truncationOffset = local.epoch === diverging.epoch ? Math.min(local.offset, diverging.offset) : local.offset;
  }
  if (highWatermark !== null && truncationOffset < highWatermark) {
    return {
      kind: 'fatal',
      reason: `Attempt to truncate to offset ${truncationOffset}, below the high watermark ${highWatermark}`,
    };
  }
  return { kind: 'truncated', truncationOffset, log: truncateTo(log, truncationOffset) };
}
