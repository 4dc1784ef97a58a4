// The leader epoch cache (LeaderEpochFileCache, KIP-101/279): the start offset of each leader epoch in a replica's log,
// as a plain ascending array. `assign` and `endOffsetFor` follow storage/.../epoch/LeaderEpochFileCache.java at
// apache/kafka 1eb7644349cb; the two older `endOffsetFor` rules are the ones that shipped with KIP-101 and KIP-279.

/** One cache entry: `epoch` began at `startOffset`. Entries are strictly ascending in both fields. */
export interface EpochEntry {
  readonly epoch: number;
  readonly startOffset: number;
}

export type EpochEntries = readonly EpochEntry[];

/** An (epoch, end offset) answer, as in the OffsetsForLeaderEpoch response and Fetch's divergingEpoch. */
export interface EpochEndOffset {
  readonly epoch: number;
  readonly endOffset: number;
}

/** OffsetsForLeaderEpochResponse.UNDEFINED_EPOCH / UNDEFINED_EPOCH_OFFSET. */
export const UNDEFINED_EPOCH = -1;
export const UNDEFINED_EPOCH_OFFSET = -1;
export const UNDEFINED_EPOCH_END_OFFSET: EpochEndOffset = { epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };

/** The latest cached epoch, or UNDEFINED_EPOCH (-1) for an empty cache. */
export function latestEpoch(entries: EpochEntries): number {
  return entries.length === 0 ? UNDEFINED_EPOCH : entries[entries.length - 1].epoch;
}

/**
 * LeaderEpochFileCache.assign: a no-op when the latest entry has the same epoch at an equal or earlier offset;
 * otherwise first drops, from the end, every entry whose epoch ≥ `epoch` or whose start ≥ `startOffset`
 * (maybeTruncateNonMonotonicEntries), then appends. Negative arguments are a programming error, as in Kafka.
 */
export function assign(entries: EpochEntries, epoch: number, startOffset: number): EpochEntries {
  if (epoch < 0 || startOffset < 0) {
    throw new RangeError(`invalid leader epoch entry (epoch ${epoch}, startOffset ${startOffset})`);
  }
  const last = entries.length === 0 ? undefined : entries[entries.length - 1];
  if (last !== undefined && last.epoch === epoch && startOffset >= last.startOffset) return entries;
  let keep = entries.length;
  while (keep > 0 && (entries[keep - 1].epoch >= epoch || entries[keep - 1].startOffset >= startOffset)) keep--;
  return [...entries.slice(0, keep), { epoch, startOffset }];
}

/** The cache after `assign` of each call in order, starting from empty (how a checkpoint is loaded). */
export function assignAll(calls: EpochEntries): EpochEntries {
  let entries: EpochEntries = [];
  for (const call of calls) entries = assign(entries, call.epoch, call.startOffset);
  return entries;
}

/**
 * LeaderEpochFileCache.truncateFromEnd (called by UnifiedLog.truncateTo): removes the entries that start at or
 * after `endOffset`. Kafka calls it with the log end offset even when the log itself is not truncated, which
 * drops an entry a leader cached for an epoch in which it wrote nothing.
 */
export function truncateFromEnd(entries: EpochEntries, endOffset: number): EpochEntries {
  if (endOffset < 0) return entries;
  let keep = entries.length;
  while (keep > 0 && entries[keep - 1].startOffset >= endOffset) keep--;
  return keep === entries.length ? entries : entries.slice(0, keep);
}

/**
 * The cache a log's records imply: one entry per run of equal record epochs. `recordEpochs[i]` is the leader epoch
 * of the record at offset i (log start offset 0). Leaders may also hold an entry for an epoch with no records yet
 * (Partition.makeLeader assigns the new epoch at the LEO since KAFKA-7415), so a model keeps the cache alongside.
 */
export function epochEntriesOfLog(recordEpochs: readonly number[]): EpochEntries {
  let entries: EpochEntries = [];
  for (let offset = 0; offset < recordEpochs.length; offset++) entries = assign(entries, recordEpochs[offset], offset);
  return entries;
}

/** Largest entry with epoch ≤ `epoch` (TreeMap.floorEntry), or undefined. */
function floorEntry(entries: EpochEntries, epoch: number): EpochEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].epoch <= epoch) return entries[i];
  return undefined;
}

/** Smallest entry with epoch > `epoch` (TreeMap.higherEntry), or undefined. */
function higherEntry(entries: EpochEntries, epoch: number): EpochEntry | undefined {
  for (const entry of entries) if (entry.epoch > epoch) return entry;
  return undefined;
}

/**
 * LeaderEpochFileCache.endOffsetFor (Kafka ≥ 2.1, KAFKA-7415), in order:
 * requested -1 → (-1, -1); requested = latest cached epoch → (requested, LEO); no epoch above → (-1, -1);
 * no epoch ≤ requested → (requested, start of the first epoch above); else (largest epoch ≤ requested,
 * start of the first epoch above).
 */
export function endOffsetFor(entries: EpochEntries, requestedEpoch: number, logEndOffset: number): EpochEndOffset {
  if (requestedEpoch === UNDEFINED_EPOCH) return UNDEFINED_EPOCH_END_OFFSET;
  if (entries.length > 0 && latestEpoch(entries) === requestedEpoch) return { epoch: requestedEpoch, endOffset: logEndOffset };
  const higher = higherEntry(entries, requestedEpoch);
  if (higher === undefined) return UNDEFINED_EPOCH_END_OFFSET;
  const floor = floorEntry(entries, requestedEpoch);
  return { epoch: floor === undefined ? requestedEpoch : floor.epoch, endOffset: higher.startOffset };
}

/**
 * endOffsetFor as KIP-279 shipped it (Kafka 2.0, commit 9679c44d2b5): like `endOffsetFor`, except that a requested
 * epoch below the first cached epoch answers (-1, -1), so the follower falls back to its high watermark.
 */
export function endOffsetForKip279(entries: EpochEntries, requestedEpoch: number, logEndOffset: number): EpochEndOffset {
  if (requestedEpoch === UNDEFINED_EPOCH) return UNDEFINED_EPOCH_END_OFFSET;
  if (entries.length > 0 && latestEpoch(entries) === requestedEpoch) return { epoch: requestedEpoch, endOffset: logEndOffset };
  const higher = higherEntry(entries, requestedEpoch);
  const floor = floorEntry(entries, requestedEpoch);
  if (higher === undefined || floor === undefined) return UNDEFINED_EPOCH_END_OFFSET;
  return { epoch: floor.epoch, endOffset: higher.startOffset };
}

/**
 * endOffsetFor as KIP-101 shipped it (Kafka 0.11–1.1, commit 0baea2ac135): only an offset, no epoch. The LEO for
 * the latest epoch; UNDEFINED_EPOCH_OFFSET for -1 (KAFKA-6857), for an epoch below the first cached one, or when
 * no cached epoch is above it; else the start of the first epoch above.
 */
export function endOffsetForKip101(entries: EpochEntries, requestedEpoch: number, logEndOffset: number): number {
  if (requestedEpoch === UNDEFINED_EPOCH) return UNDEFINED_EPOCH_OFFSET;
  if (entries.length > 0 && latestEpoch(entries) === requestedEpoch) return logEndOffset;
  const higher = higherEntry(entries, requestedEpoch);
  if (higher === undefined || requestedEpoch < entries[0].epoch) return UNDEFINED_EPOCH_OFFSET;
  return higher.startOffset;
}
