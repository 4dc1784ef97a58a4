// Bridges the model's compact leader state and the rules' LeaderPartition (kafka.cluster.Partition as leader), so
// every leader-side step — makeLeader, follower fetch bookkeeping, ISR shrink/expand, append, AlterPartition
// completion and the HW — is computed by model/rules/replication, never re-implemented here.

import type { ClusterView } from '../rules/replication/isr-eligibility.ts';
import type { LeaderPartition } from '../rules/replication/leader-partition.ts';
import { replicaStateAtFetchOffset, type FollowerReplica } from '../rules/replication/replica-state.ts';
import type { ReplicationConfig } from './replication-config.ts';
import { patchBroker, replicaIds, type BrokerState, type LeaderRole, type ReplicationState } from './replication-state.ts';

/**
 * The leader's metadata cache: a broker is live and unfenced while the controller counts it registered (KRaft
 * registration / ZK znode, `registered`) — with failureDetection=timeout a dead broker stays so until its session
 * expires; ZK-mode eligibility (alive) is then the same test as KRaft's (unfenced, not shutting down).
 */
export function clusterView(state: ReplicationState): ClusterView {
  return {
    mode: 'zk',
    brokers: state.brokers.map((b, brokerId) => ({ brokerId, alive: b.registered, fenced: !b.registered, inControlledShutdown: false, brokerEpoch: b.brokerEpoch })),
  };
}

export function toLeaderPartition(broker: BrokerState, id: number, config: ReplicationConfig): LeaderPartition {
  const role = broker.role;
  if (role === null) throw new Error(`broker ${id} is not a leader`);
  const replicas = replicaIds(config);
  const followers: FollowerReplica[] = [];
  for (const r of replicas) if (r !== id) followers.push({ replicaId: r, state: replicaStateAtFetchOffset(role.followerLeo[r], role.followerBrokerEpoch[r]) });
  return {
    leaderId: id,
    leaderEpoch: broker.leaderEpoch,
    partitionEpoch: broker.partitionEpoch,
    replicas,
    isrState: role.isrState,
    leaderEpochStartOffset: role.epochStartOffset,
    logEndOffset: broker.log.length,
    highWatermark: broker.highWatermark,
    followers,
  };
}

/** The broker after the rules produced a new LeaderPartition (the log itself is the caller's business). */
export function withLeaderPartition(broker: BrokerState, p: LeaderPartition, replicas: number): BrokerState {
  const followerLeo: number[] = new Array<number>(replicas).fill(-1);
  const followerBrokerEpoch: number[] = new Array<number>(replicas).fill(-1);
  for (const f of p.followers) {
    followerLeo[f.replicaId] = f.state.logEndOffset;
    followerBrokerEpoch[f.replicaId] = f.state.logEndOffset < 0 ? -1 : (f.state.brokerEpoch ?? -1);
  }
  const old = broker.role;
  const sameLeo = old !== null && old.followerLeo.length === replicas && old.followerLeo.every((v, i) => v === followerLeo[i]);
  const sameEpochs = old !== null && old.followerBrokerEpoch.length === replicas && old.followerBrokerEpoch.every((v, i) => v === followerBrokerEpoch[i]);
  const role: LeaderRole =
    old !== null && sameLeo && sameEpochs && old.isrState === p.isrState && old.epochStartOffset === p.leaderEpochStartOffset
      ? old
      : {
          isrState: p.isrState,
          epochStartOffset: p.leaderEpochStartOffset,
          followerLeo: sameLeo && old !== null ? old.followerLeo : followerLeo,
          followerBrokerEpoch: sameEpochs && old !== null ? old.followerBrokerEpoch : followerBrokerEpoch,
        };
  if (
    role === old &&
    broker.highWatermark === p.highWatermark &&
    broker.leaderEpoch === p.leaderEpoch &&
    broker.partitionEpoch === p.partitionEpoch
  ) {
    return broker;
  }
  return patchBroker(broker, { role, highWatermark: p.highWatermark, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch });
}
