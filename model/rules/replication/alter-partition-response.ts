// How the partition leader handles the controller's answer to its AlterPartition request (Partition.submitAlterPartition,
// handleAlterPartitionUpdate and handleAlterPartitionError at apache/kafka 1eb7644349cb).

import { replicaSet, sameReplicas, type ReplicaSet } from './replica-set.ts';
import type { IsrState } from './isr-state.ts';

export type AlterPartitionResponse =
  | { readonly kind: 'success'; readonly leaderEpoch: number; readonly isr: ReplicaSet; readonly partitionEpoch: number }
  | { readonly kind: 'error'; readonly error: string };

/** Errors after which the leader gives up and waits for new metadata (handleAlterPartitionError). */
const STAY_PENDING_ERRORS: readonly string[] = [
  'UNKNOWN_TOPIC_OR_PARTITION',
  'UNKNOWN_TOPIC_ID',
  'FENCED_LEADER_EPOCH',
  'INVALID_UPDATE_VERSION',
  'INVALID_REQUEST',
  'NEW_LEADER_ELECTED',
];

/**
 * - `committed`: the controller applied it (or it was a no-op); ISR and partition epoch adopted — try the HW next.
 * - `reverted`: INELIGIBLE_REPLICA / OPERATION_NOT_ATTEMPTED — the controller says it was not applied, so the
 *   leader returns to its last committed ISR.
 * - `stay-pending`: stale epochs or unknown partition — keep the pending state until new metadata replaces it (a
 *   success carrying another leader epoch or an older partition epoch is ignored the same way).
 * - `retry`: any other error — the same request is submitted again.
 * - `ignored`: the partition state changed since the request (e.g. a new LeaderAndIsr), so the answer is stale.
 */
export type AlterPartitionOutcome = 'committed' | 'reverted' | 'stay-pending' | 'retry' | 'ignored';

export interface AlterPartitionHandled {
  readonly outcome: AlterPartitionOutcome;
  readonly isrState: IsrState;
  readonly partitionEpoch: number;
}

function sameIsrState(a: IsrState, b: IsrState): boolean {
  if (a.kind !== b.kind || !sameReplicas(a.isr, b.isr)) return false;
  return a.kind === 'committed' || b.kind === 'committed' || sameReplicas(a.proposedIsr, b.proposedIsr);
}

/**
 * `proposal` is the pending state the request was sent for; `isrState`, `leaderEpoch` and `partitionEpoch` are
 * the partition's state when the answer arrives.
 */
export function handleAlterPartitionResponse(
  isrState: IsrState,
  leaderEpoch: number,
  partitionEpoch: number,
  proposal: IsrState,
  response: AlterPartitionResponse,
): AlterPartitionHandled {
  if (proposal.kind === 'committed' || !sameIsrState(isrState, proposal)) return { outcome: 'ignored', isrState, partitionEpoch };
  if (response.kind === 'success') {
    if (response.leaderEpoch !== leaderEpoch || response.partitionEpoch < partitionEpoch) return { outcome: 'stay-pending', isrState, partitionEpoch };
    return {
      outcome: 'committed',
      isrState: { kind: 'committed', isr: replicaSet(response.isr) },
      partitionEpoch: response.partitionEpoch,
    };
  }
  if (response.error === 'INELIGIBLE_REPLICA' || response.error === 'OPERATION_NOT_ATTEMPTED') {
    return { outcome: 'reverted', isrState: { kind: 'committed', isr: proposal.isr }, partitionEpoch };
  }
  return { outcome: STAY_PENDING_ERRORS.includes(response.error) ? 'stay-pending' : 'retry', isrState, partitionEpoch };
}
