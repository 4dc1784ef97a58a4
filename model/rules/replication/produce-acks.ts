// Produce admission and acknowledgement on the partition leader (Partition.appendRecordsToLeader and
// checkEnoughReplicasReachOffset at apache/kafka 1eb7644349cb; DelayedProduce waits on the latter).

/** -1 (all), 0 or 1, as in ProduceRequest.acks. */
export type Acks = -1 | 0 | 1;

export type AppendAdmission = 'APPEND' | 'NOT_ENOUGH_REPLICAS';

/**
 * appendRecordsToLeader: acks=all is rejected before anything is written (NOT_ENOUGH_REPLICAS) when the committed
 * ISR is smaller than effectiveMinIsr; acks 0 and 1 ignore min.insync.replicas.
 */
export function appendAdmission(acks: Acks, isrSize: number, effectiveMinIsr: number): AppendAdmission {
  return acks === -1 && isrSize < effectiveMinIsr ? 'NOT_ENOUGH_REPLICAS' : 'APPEND';
}

export interface ReplicasReachOffset {
  readonly done: boolean;
  readonly error: 'NONE' | 'NOT_ENOUGH_REPLICAS_AFTER_APPEND';
}

/**
 * checkEnoughReplicasReachOffset (acks=all, `requiredOffset` = last appended offset + 1): not done until the HW
 * reaches it; then NONE, or NOT_ENOUGH_REPLICAS_AFTER_APPEND if the maximal ISR has meanwhile fallen below
 * effectiveMinIsr (the records stay written — the client just is not told they are safe).
 */
export function checkEnoughReplicasReachOffset(
  highWatermark: number,
  requiredOffset: number,
  maximalIsrSize: number,
  effectiveMinIsr: number,
): ReplicasReachOffset {
  if (highWatermark < requiredOffset) return { done: false, error: 'NONE' };
  return { done: true, error: effectiveMinIsr <= maximalIsrSize ? 'NONE' : 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' };
}

/**
 * When the producer hears back, for acks 0/1: acks=1 is acknowledged as soon as the leader appended (before any
 * follower has the records — bug 5's documented trade-off); acks=0 never gets an answer.
 */
export function acknowledgedOnAppend(acks: Acks): boolean {
  return acks === 1;
}
