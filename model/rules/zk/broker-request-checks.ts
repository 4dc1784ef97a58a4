// How a ZK-mode broker fences controller requests (LeaderAndIsr, StopReplica, UpdateMetadata): the broker-epoch
// check (KIP-380, ZkBrokerEpochManager.isBrokerEpochStale, run first by KafkaApis), the controller-epoch check,
// and the per-partition leader-epoch checks of ReplicaManager.becomeLeaderOrFollower / stopReplicas @ 7c429f3514d^.
import { EPOCH_DURING_DELETE, NO_EPOCH } from './zk-state.ts';

/** AbstractControlRequest.UNKNOWN_BROKER_EPOCH: requests from pre-KIP-380 controllers carry it and are accepted. */
export const UNKNOWN_BROKER_EPOCH = -1;

/**
 * KIP-380: a request addressed to an older registration of this broker is stale. The broker's epoch is the czxid
 * of its /brokers/ids/<id> znode. A request epoch greater than the broker's own is accepted (the controller may
 * see the new registration before the broker does).
 */
export function isBrokerEpochStale(requestBrokerEpoch: number, currentBrokerEpoch: number): boolean {
  return requestBrokerEpoch !== UNKNOWN_BROKER_EPOCH && requestBrokerEpoch < currentBrokerEpoch;
}

/** What a broker remembers across controller requests. */
export interface BrokerControlState {
  /** The czxid of its own registration (broker epoch). */
  readonly brokerEpoch: number;
  /** The highest controller epoch it has accepted a request from (ReplicaManager.controllerEpoch). */
  readonly controllerEpoch: number;
}

export interface ControlRequestCheck {
  readonly error: 'NONE' | 'STALE_BROKER_EPOCH' | 'STALE_CONTROLLER_EPOCH';
  /** The broker's controller epoch after the request (raised to the request's on NONE). */
  readonly controllerEpoch: number;
}

/**
 * The request-level checks, in Kafka's order: STALE_BROKER_EPOCH (KafkaApis), then a controller epoch below the
 * last seen → STALE_CONTROLLER_EPOCH for the whole request (UpdateMetadata throws ControllerMovedException, which
 * is the same error code). Otherwise the broker records the request's controller epoch and goes on per partition.
 */
export function checkControlRequest(
  broker: BrokerControlState,
  request: { readonly brokerEpoch: number; readonly controllerEpoch: number },
): ControlRequestCheck {
  if (isBrokerEpochStale(request.brokerEpoch, broker.brokerEpoch)) {
    return { error: 'STALE_BROKER_EPOCH', controllerEpoch: broker.controllerEpoch };
  }
  if (request.controllerEpoch < broker.controllerEpoch) {
    return { error: 'STALE_CONTROLLER_EPOCH', controllerEpoch: broker.controllerEpoch };
  }
  return { error: 'NONE', controllerEpoch: request.controllerEpoch };
}

export interface LeaderAndIsrPartitionInput {
  readonly requestLeaderEpoch: number;
  /** The leader epoch of the broker's local Partition (-1 for one just created by this request). */
  readonly currentLeaderEpoch: number;
  /** LeaderAndIsr sent by a KRaft controller during migration (isKRaftController). */
  readonly fromKRaftController: boolean;
  /** The topic id in the request / in the local log, null when absent (defaults: both null). */
  readonly requestTopicId?: string | null;
  readonly logTopicId?: string | null;
  /** Whether the request names this broker as leader (default false), and lists it as a replica (default true). */
  readonly localIsLeader?: boolean;
  readonly localInReplicas?: boolean;
}

export type LeaderAndIsrPartitionDecision =
  /** Become leader or follower with the request's state. */
  | { readonly kind: 'apply' }
  /** Same leader epoch, but the request only assigns (or, on a follower, drops) the topic id: NONE, no transition. */
  | { readonly kind: 'topicIdOnly' }
  | { readonly kind: 'reject'; readonly error: 'STALE_CONTROLLER_EPOCH' | 'INCONSISTENT_TOPIC_ID' | 'UNKNOWN_TOPIC_OR_PARTITION' };

/**
 * becomeLeaderOrFollower, per partition (after the request-level checks): inconsistent topic id first; then a
 * greater leader epoch — or an equal one from a KRaft controller — applies (if this broker is a replica); a
 * smaller one is STALE_CONTROLLER_EPOCH; an equal one from a ZK controller is STALE_CONTROLLER_EPOCH unless it is a
 * topic-id upgrade (request has an id, the log none) or a follower's topic-id downgrade.
 */
export function leaderAndIsrPartitionCheck(input: LeaderAndIsrPartitionInput): LeaderAndIsrPartitionDecision {
  const requestTopicId = input.requestTopicId ?? null;
  const logTopicId = input.logTopicId ?? null;
  if (requestTopicId !== null && logTopicId !== null && requestTopicId !== logTopicId) {
    return { kind: 'reject', error: 'INCONSISTENT_TOPIC_ID' };
  }
  const { requestLeaderEpoch: req, currentLeaderEpoch: cur } = input;
  if (req > cur || (req === cur && input.fromKRaftController)) {
    return input.localInReplicas === false ? { kind: 'reject', error: 'UNKNOWN_TOPIC_OR_PARTITION' } : { kind: 'apply' };
  }
  if (req < cur) return { kind: 'reject', error: 'STALE_CONTROLLER_EPOCH' };
  if (requestTopicId !== null && logTopicId === null) return { kind: 'topicIdOnly' };
  if (requestTopicId === null && logTopicId !== null && input.localIsLeader !== true) return { kind: 'topicIdOnly' };
  return { kind: 'reject', error: 'STALE_CONTROLLER_EPOCH' };
}

/**
 * stopReplicas, per hosted partition: accept when the request's leader epoch is ≥ the local one, or is one of the
 * sentinels EPOCH_DURING_DELETE (-2: topic deletion does not bump the epoch) or NO_EPOCH (-1: old request versions
 * without an epoch); otherwise FENCED_LEADER_EPOCH. A partition the broker does not host is always accepted.
 */
export function stopReplicaPartitionCheck(requestLeaderEpoch: number, currentLeaderEpoch: number): 'NONE' | 'FENCED_LEADER_EPOCH' {
  if (requestLeaderEpoch === EPOCH_DURING_DELETE || requestLeaderEpoch === NO_EPOCH) return 'NONE';
  return requestLeaderEpoch >= currentLeaderEpoch ? 'NONE' : 'FENCED_LEADER_EPOCH';
}
