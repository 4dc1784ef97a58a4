// The ZooKeeper controller's reactions for one partition, from model/rules/zk: broker failure (offline election,
// then OfflineReplica's removeReplicaFromIsr), broker startup (offline partitions re-elected), controlled shutdown,
// preferred election and AlterPartition. Order follows KafkaController.onReplicasBecomeOffline / onBrokerStartup /
// doControlledShutdown @ apache/kafka 7c429f3514d^. Every ZK write bumps the state znode's version (partition epoch).

import type { PartitionRegistration } from '../rules/partition-change/partition-registration.ts';
import { zkAlterPartition } from '../rules/zk/alter-partition.ts';
import { leaderForControlledShutdown, leaderForOffline, leaderForPreferredReplica } from '../rules/zk/election.ts';
import { moveReassignedPartitionLeaderIfRequired } from '../rules/zk/reassigned-partition-leader.ts';
import { removeReplicaFromIsr } from '../rules/zk/remove-replica-from-isr.ts';
import type { LeaderAndIsr } from '../rules/zk/zk-state.ts';
import type { OfflineElection } from './offline-election.ts';

export interface ZkControllerInput {
  readonly unclean: boolean;
  /** Replaces the offline election (the `largest-leo` myth, or a variant's rule); undefined: Kafka's. */
  readonly offlineElection: OfflineElection | undefined;
  /** The articles' znode race (not Kafka): a dead leader's partition waits, leaderless, for a WinLeaderZnode. */
  readonly znodeRace: boolean;
  readonly logEndOffset: (replica: number) => number;
  readonly lastLoggedEpoch: (replica: number) => number;
}

export function toZk(p: PartitionRegistration): LeaderAndIsr {
  return { leader: p.leader, leaderEpoch: p.leaderEpoch, isr: p.isr, leaderRecoveryState: p.leaderRecoveryState, partitionEpoch: p.partitionEpoch };
}

/** `p` with the ZK partition state `lai` (and optionally a new assignment), as one registration literal. */
function registrationWith(p: PartitionRegistration, lai: LeaderAndIsr, replicas: readonly number[] = p.replicas): PartitionRegistration {
  return {
    replicas,
    isr: lai.isr,
    removingReplicas: p.removingReplicas,
    addingReplicas: p.addingReplicas,
    leader: lai.leader,
    leaderRecoveryState: lai.leaderRecoveryState,
    leaderEpoch: lai.leaderEpoch,
    partitionEpoch: lai.partitionEpoch,
    elr: p.elr,
    lastKnownElr: p.lastKnownElr,
  };
}

/** The state written to ZooKeeper: the znode version (partition epoch) goes up by one. */
function written(p: PartitionRegistration, lai: LeaderAndIsr | null, replicas: readonly number[] = p.replicas): PartitionRegistration {
  if (lai === null) return p;
  return registrationWith(p, { ...lai, partitionEpoch: p.partitionEpoch + 1 }, replicas);
}

/** OfflinePartitionLeaderElectionStrategy (or its replacement) for a leaderless / dead-leader partition. */
function electOffline(p: PartitionRegistration, online: readonly number[], z: ZkControllerInput): PartitionRegistration {
  // The dead leader's ephemeral znode is gone; nobody leads until a live replica wins the race to recreate it.
  if (z.znodeRace) return p.leader < 0 ? p : written(p, { ...toZk(p), leader: -1 });
  if (z.offlineElection) {
    return written(p, z.offlineElection({ current: toZk(p), assignment: p.replicas, online, logEndOffset: z.logEndOffset, lastLoggedEpoch: z.lastLoggedEpoch }));
  }
  const election = leaderForOffline(toZk(p), {
    assignment: p.replicas,
    online,
    uncleanLeaderElectionEnabled: z.unclean,
    isLeaderRecoverySupported: false,
  });
  return written(p, election.leaderAndIsr);
}

/**
 * NOT Kafka — the scheme several articles teach: "when the leader dies, every follower races to create the
 * partition's ephemeral znode; the winner leads". Any live replica `b` may win, ISR or not; the ISR then takes
 * ZK's offline-election shape (the live ISR if the winner was in it, else just the winner), a new leader epoch.
 */
export function zkZnodeRaceWin(p: PartitionRegistration, b: number, online: readonly number[]): PartitionRegistration {
  if (p.leader >= 0 || !online.includes(b) || !p.replicas.includes(b)) return p;
  const isr = p.isr.includes(b) ? p.isr.filter((r) => online.includes(r)) : [b];
  return written(p, { ...toZk(p), leader: b, leaderEpoch: p.leaderEpoch + 1, isr });
}

/** onBrokerFailure(b): partitions led by b go offline and are re-elected, then b's replica leaves the ISR. */
export function zkBrokerFailure(p: PartitionRegistration, b: number, online: readonly number[], z: ZkControllerInput): PartitionRegistration {
  let next = p.leader === b ? electOffline(p, online, z) : p;
  next = written(next, removeReplicaFromIsr(toZk(next), b));
  return next;
}

/** onBrokerStartup(b): offline (leaderless) partitions are elected again with b online. */
export function zkBrokerStartup(p: PartitionRegistration, online: readonly number[], z: ZkControllerInput): PartitionRegistration {
  return p.leader < 0 ? electOffline(p, online, z) : p;
}

/** The periodic / triggered OnlinePartition state change for a leaderless partition. */
export function zkElectOffline(p: PartitionRegistration, online: readonly number[], z: ZkControllerInput): PartitionRegistration {
  return zkBrokerStartup(p, online, z);
}

/**
 * doControlledShutdown(b), then b stops: leadership moves with ControlledShutdownPartitionLeaderElectionStrategy
 * (b stays leader if no other live ISR member exists); a follower b goes OfflineReplica (leaves the ISR).
 */
export function zkControlledShutdown(p: PartitionRegistration, b: number, onlineBefore: readonly number[], z: ZkControllerInput): PartitionRegistration {
  let next = p;
  if (p.leader === b) {
    next = written(p, leaderForControlledShutdown(toZk(p), { assignment: p.replicas, onlineOrShuttingDown: onlineBefore, shuttingDown: [b] }));
  } else {
    next = written(p, removeReplicaFromIsr(toZk(p), b));
  }
  return zkBrokerFailure(next, b, onlineBefore.filter((r) => r !== b), z);
}

/** PreferredReplicaPartitionLeaderElectionStrategy (auto leader rebalance) when the leader is not replicas[0]. */
export function zkPreferredElection(p: PartitionRegistration, online: readonly number[]): PartitionRegistration {
  if (p.leader === p.replicas[0]) return p;
  return written(p, leaderForPreferredReplica(toZk(p), { assignment: p.replicas, online }));
}

/** A reassignment to `target` (the same replicas, reordered) completes: new assignment, leader epoch bumped. */
export function zkReorderReplicas(p: PartitionRegistration, target: readonly number[], online: readonly number[]): PartitionRegistration | undefined {
  const lai = moveReassignedPartitionLeaderIfRequired(toZk(p), target, online);
  if (lai === null) return undefined;
  return written(p, lai, target);
}

export interface ZkAlterPartitionOutcome {
  readonly partition: PartitionRegistration;
  readonly error: string;
}

/** KafkaController.processAlterPartition for this partition, with the model's controller as the active one. */
export function zkAlterPartitionStep(
  p: PartitionRegistration,
  request: { readonly brokerId: number; readonly brokerEpoch: number; readonly leaderEpoch: number; readonly partitionEpoch: number; readonly newIsr: readonly number[] },
  liveBrokers: readonly { readonly brokerId: number; readonly brokerEpoch: number }[],
): ZkAlterPartitionOutcome {
  const lai = toZk(p);
  const zk = {
    controller: null,
    controllerEpoch: { epoch: 1, version: 1 },
    partitions: [{ leader: lai.leader, leaderEpoch: lai.leaderEpoch, isr: lai.isr, leaderRecoveryState: lai.leaderRecoveryState, controllerEpoch: 1, version: lai.partitionEpoch }],
  };
  const result = zkAlterPartition(
    zk,
    { isActive: true, epoch: 1, epochZkVersion: 1, liveBrokers, shuttingDown: [], partitions: [lai] },
    {
      brokerId: request.brokerId,
      brokerEpoch: request.brokerEpoch,
      version: 2,
      partitions: [{ partition: 0, leaderEpoch: request.leaderEpoch, partitionEpoch: request.partitionEpoch, newIsr: request.newIsr, leaderRecoveryState: 0 }],
    },
  );
  if (result.topLevelError !== 'NONE') return { partition: p, error: result.topLevelError };
  const item = result.partitions[0];
  if (item.error !== 'NONE' || !('leaderAndIsr' in item)) return { partition: p, error: item.error };
  const w = item.leaderAndIsr;
  const partition: PartitionRegistration =
    w.partitionEpoch === p.partitionEpoch
      ? p
      : registrationWith(p, w);
  return { partition, error: 'NONE' };
}
