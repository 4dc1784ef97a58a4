// The ZK controller's AlterPartition (KIP-497) handling: KafkaController.processAlterPartition and
// tryProcessAlterPartition @ apache/kafka 7c429f3514d^, with the exact order of its checks; accepted changes are
// written through the fenced updateLeaderAndIsr. (Completing a reassignment afterwards is the caller's next step.)
import { updateLeaderAndIsr, type PartitionWrite } from './update-leader-and-isr.ts';
import type { LeaderAndIsr, LeaderRecoveryState, ZkState } from './zk-state.ts';

export interface ZkAlterPartitionItem {
  readonly partition: number;
  /** False when the controller does not know the topic (by id for version > 1, by name otherwise). Default true. */
  readonly topicKnown?: boolean;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  readonly newIsr: readonly number[];
  /** The raw LeaderRecoveryState byte: 0 RECOVERED, 1 RECOVERING; other values make Kafka throw. */
  readonly leaderRecoveryState: number;
}

export interface ZkAlterPartitionRequest {
  readonly brokerId: number;
  readonly brokerEpoch: number;
  /** AlterPartition request version: > 1 uses topic ids and INELIGIBLE_REPLICA. */
  readonly version: number;
  /** At most one item per partition (Kafka keys them by TopicPartition). */
  readonly partitions: readonly ZkAlterPartitionItem[];
}

/** The controller's in-memory view (ControllerContext) that AlterPartition is validated against. */
export interface ZkControllerView {
  readonly isActive: boolean;
  readonly epoch: number;
  readonly epochZkVersion: number;
  /** liveBrokerIdAndEpochs: registered brokers with their epochs, shutting-down ones included. */
  readonly liveBrokers: readonly { readonly brokerId: number; readonly brokerEpoch: number }[];
  readonly shuttingDown: readonly number[];
  /** partitionLeadershipInfo by partition index; null or missing = unknown partition. */
  readonly partitions: readonly (LeaderAndIsr | null)[];
}

export type AlterPartitionError =
  | 'NOT_CONTROLLER'
  | 'FENCED_LEADER_EPOCH'
  | 'INVALID_UPDATE_VERSION'
  | 'INVALID_REQUEST'
  | 'INELIGIBLE_REPLICA'
  | 'OPERATION_NOT_ATTEMPTED'
  | 'UNKNOWN_TOPIC_ID'
  | 'UNKNOWN_TOPIC_OR_PARTITION'
  | 'UNKNOWN_SERVER_ERROR';

export type AlterPartitionItemResult =
  | { readonly partition: number; readonly error: 'NONE'; readonly leaderAndIsr: LeaderAndIsr }
  | { readonly partition: number; readonly error: AlterPartitionError };

export interface ZkAlterPartitionResult {
  readonly zk: ZkState;
  readonly topLevelError: 'NONE' | 'NOT_CONTROLLER' | 'STALE_BROKER_EPOCH' | 'UNKNOWN_SERVER_ERROR';
  /** Per partition, in request order; empty when topLevelError is set. */
  readonly partitions: readonly AlterPartitionItemResult[];
  /** States written to ZK (new partitionEpoch): the controller puts these in its cache. */
  readonly updated: readonly PartitionWrite[];
  /** updateLeaderAndIsr hit ControllerMovedException; processAlterPartition catches it → UNKNOWN_SERVER_ERROR. */
  readonly controllerMoved: boolean;
}

const RECOVERY_STATES: readonly LeaderRecoveryState[] = ['RECOVERED', 'RECOVERING'];

export function zkAlterPartition(zk: ZkState, controller: ZkControllerView, request: ZkAlterPartitionRequest): ZkAlterPartitionResult {
  const topLevel = (topLevelError: ZkAlterPartitionResult['topLevelError'], controllerMoved = false): ZkAlterPartitionResult =>
    ({ zk, topLevelError, partitions: [], updated: [], controllerMoved });
  if (!controller.isActive) return topLevel('NOT_CONTROLLER');
  const registered = controller.liveBrokers.find((b) => b.brokerId === request.brokerId);
  if (registered === undefined || registered.brokerEpoch !== request.brokerEpoch) return topLevel('STALE_BROKER_EPOCH');
  // Building the requested states parses the recovery state (LeaderRecoveryState.of throws → UNKNOWN_SERVER_ERROR).
  // The sender becomes the leader of the proposed state: the ZK controller does not check it is the current one.
  const proposed: { item: ZkAlterPartitionItem; lai: LeaderAndIsr | null }[] = [];
  for (const item of request.partitions) {
    if (item.topicKnown === false) {
      proposed.push({ item, lai: null });
      continue;
    }
    const leaderRecoveryState = RECOVERY_STATES[item.leaderRecoveryState];
    if (leaderRecoveryState === undefined) return topLevel('UNKNOWN_SERVER_ERROR');
    const lai = { leader: request.brokerId, leaderEpoch: item.leaderEpoch, isr: item.newIsr, leaderRecoveryState, partitionEpoch: item.partitionEpoch };
    proposed.push({ item, lai });
  }
  const results = new Map<number, AlterPartitionItemResult>();
  const toWrite: PartitionWrite[] = [];
  for (const { item, lai } of proposed) {
    const error = lai === null ? (request.version > 1 ? 'UNKNOWN_TOPIC_ID' : 'UNKNOWN_TOPIC_OR_PARTITION') : validate(controller, request, item.partition, lai);
    if (error === 'WRITE') toWrite.push({ partition: item.partition, leaderAndIsr: lai! });
    else if (error === 'UNCHANGED') results.set(item.partition, { partition: item.partition, error: 'NONE', leaderAndIsr: controller.partitions[item.partition]! });
    else results.set(item.partition, { partition: item.partition, error });
  }
  const write = updateLeaderAndIsr(zk, toWrite, controller.epoch, controller.epochZkVersion);
  if (write.type === 'controllerMoved') return topLevel('UNKNOWN_SERVER_ERROR', true);
  if (write.type === 'zkError') return topLevel('UNKNOWN_SERVER_ERROR');
  for (const done of write.value.finished) results.set(done.partition, { ...done, error: 'NONE' });
  for (const p of write.value.retry) results.set(p, { partition: p, error: 'INVALID_UPDATE_VERSION' });
  // A NoNodeException maps to no specific Errors value: Errors.forException gives UNKNOWN_SERVER_ERROR.
  for (const f of write.value.failed) results.set(f.partition, { partition: f.partition, error: 'UNKNOWN_SERVER_ERROR' });
  return {
    zk: write.zk,
    topLevelError: 'NONE',
    partitions: request.partitions.map((i) => results.get(i.partition)!),
    updated: write.value.finished,
    controllerMoved: false,
  };
}

/** The per-partition checks of tryProcessAlterPartition, in Kafka's order. */
function validate(
  controller: ZkControllerView,
  request: ZkAlterPartitionRequest,
  partition: number,
  proposed: LeaderAndIsr,
): AlterPartitionError | 'UNCHANGED' | 'WRITE' {
  const current = controller.partitions[partition] ?? null;
  if (current === null) return 'UNKNOWN_TOPIC_OR_PARTITION';
  // A higher epoch means this controller is probably stale: send the leader looking for the new one.
  if (proposed.partitionEpoch > current.partitionEpoch || proposed.leaderEpoch > current.leaderEpoch) return 'NOT_CONTROLLER';
  if (proposed.leaderEpoch < current.leaderEpoch) return 'FENCED_LEADER_EPOCH';
  // Idempotency before partition-epoch fencing (LeaderAndIsr.equalsAllowStalePartitionEpoch; ISR order matters).
  if (
    proposed.leader === current.leader &&
    proposed.leaderEpoch === current.leaderEpoch &&
    sameList(proposed.isr, current.isr) &&
    proposed.leaderRecoveryState === current.leaderRecoveryState &&
    proposed.partitionEpoch <= current.partitionEpoch
  ) {
    return 'UNCHANGED';
  }
  if (proposed.partitionEpoch < current.partitionEpoch) return 'INVALID_UPDATE_VERSION';
  if (proposed.leaderRecoveryState === 'RECOVERING' && proposed.isr.length > 1) return 'INVALID_REQUEST';
  if (current.leaderRecoveryState === 'RECOVERED' && proposed.leaderRecoveryState === 'RECOVERING') return 'INVALID_REQUEST';
  // KIP-841: every ISR member must be a live broker that is not shutting down (liveBrokerIds).
  const live = (id: number) => controller.liveBrokers.some((b) => b.brokerId === id) && !controller.shuttingDown.includes(id);
  if (!proposed.isr.every(live)) return request.version > 1 ? 'INELIGIBLE_REPLICA' : 'OPERATION_NOT_ATTEMPTED';
  return 'WRITE';
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
