// The controller's side of every model step, per scheme: KRaft (ReplicationControlManager callers of
// PartitionChangeBuilder, model/rules/partition-change), ZooKeeper (zk-controller-steps.ts) or the largest-LEO myth.
// The controller is abstract and always available. It sees a broker as `registered` (KRaft registration unfenced,
// ZK znode present): with failureDetection=timeout a dead broker stays so until its session expires.

import type { AlterPartitionResponse } from '../rules/replication/alter-partition-response.ts';
import { replicaSet } from '../rules/replication/replica-set.ts';
import { alterPartition } from '../rules/partition-change/alter-partition.ts';
import { buildPartitionChange } from '../rules/partition-change/build-partition-change.ts';
import { acceptableLeaders, effectiveMinIsr, isElrEnabled, type ControllerContext } from '../rules/partition-change/controller-context.ts';
import { maybeBalancePreferredLeader, maybeElectUncleanLeader } from '../rules/partition-change/elect-leaders.ts';
import {
  handleBrokerFenced,
  handleBrokerInControlledShutdown,
  handleBrokerUnfenced,
} from '../rules/partition-change/generate-leader-and-isr-updates.ts';
import { LATEST_METADATA_VERSION } from '../rules/partition-change/metadata-version.ts';
import type { PartitionRegistration } from '../rules/partition-change/partition-registration.ts';
import { applyRegistrationHandling, registrationHandling } from '../rules/partition-change/register-broker.ts';
import type { ReplicationConfig } from './replication-config.ts';
import { recordEpoch, type AlterPartitionInFlight, type ReplicationState, type ShutdownKind } from './replication-state.ts';
import {
  zkAlterPartitionStep,
  zkBrokerFailure,
  zkBrokerStartup,
  zkControlledShutdown,
  zkElectOffline,
  zkPreferredElection,
  zkReorderReplicas,
  zkZnodeRaceWin,
  type ZkControllerInput,
} from './zk-controller-steps.ts';

/** Broker registrations as the KRaft controller sees them; `overrides` marks one broker fenced / shutting down. */
function kraftContext(
  state: ReplicationState,
  config: ReplicationConfig,
  overrides: { readonly id: number; readonly fenced: boolean; readonly inControlledShutdown: boolean } | null = null,
): ControllerContext {
  return {
    brokers: state.brokers.map((b, id) =>
      overrides !== null && overrides.id === id
        ? { id, epoch: b.brokerEpoch, fenced: overrides.fenced, inControlledShutdown: overrides.inControlledShutdown }
        : { id, epoch: b.brokerEpoch, fenced: !b.registered, inControlledShutdown: false },
    ),
    metadataVersion: LATEST_METADATA_VERSION,
    elrConfigEnabled: config.eligibleLeaderReplicas,
    minInsyncReplicas: config.minInsyncReplicas,
    uncleanLeaderElectionEnable: config.uncleanLeaderElection,
  };
}

function zkInput(state: ReplicationState, config: ReplicationConfig): ZkControllerInput {
  return {
    unclean: config.uncleanLeaderElection,
    offlineElection: config.offlineElection,
    znodeRace: config.leaderElection === 'znode-race',
    logEndOffset: (r) => state.brokers[r].log.length,
    lastLoggedEpoch: (r) => {
      const log = state.brokers[r].log;
      return log.length === 0 ? -1 : recordEpoch(log[log.length - 1]);
    },
  };
}

/** The brokers the controller counts live (ZK: their /brokers/ids znodes; KRaft: unfenced registrations). */
function online(state: ReplicationState, except = -1): number[] {
  const out: number[] = [];
  state.brokers.forEach((b, id) => {
    if (b.registered && id !== except) out.push(id);
  });
  return out;
}

/**
 * Broker `b` goes down (`state` still shows it alive). KRaft: a clean shutdown is a controlled shutdown followed by
 * fencing; a crash or power loss is noticed as a missed heartbeat (fencing). ZK: controlled shutdown, or broker failure.
 */
export function controllerOnBrokerDown(state: ReplicationState, b: number, kind: ShutdownKind, config: ReplicationConfig): PartitionRegistration {
  const p = state.controller;
  if (config.leaderElection === 'kraft') {
    let next = p;
    if (kind === 'clean') {
      next = handleBrokerInControlledShutdown(next, b, kraftContext(state, config, { id: b, fenced: false, inControlledShutdown: true })).partition;
    }
    return handleBrokerFenced(next, b, kraftContext(state, config, { id: b, fenced: true, inControlledShutdown: false })).partition;
  }
  const z = zkInput(state, config);
  if (kind === 'clean') return zkControlledShutdown(p, b, online(state), z);
  return zkBrokerFailure(p, b, online(state, b), z);
}

/**
 * Broker `b` registered again (`state` shows it alive with its new broker epoch). KRaft: registerBroker's shutdown
 * handling for the release (model/rules/partition-change/register-broker.ts) — possibly none, and possibly while
 * the old incarnation was never fenced (failureDetection=timeout) — then it is unfenced. ZK: onBrokerStartup.
 */
export function controllerOnBrokerUp(state: ReplicationState, b: number, previous: ShutdownKind, config: ReplicationConfig): PartitionRegistration {
  const p = state.controller;
  if (config.leaderElection === 'kraft') {
    const ctx = kraftContext(state, config, { id: b, fenced: true, inControlledShutdown: false });
    // The model's kip966Elr stands for a metadata version with ELR (3.5–3.9's production MVs have none).
    const handling = registrationHandling(config.toggles, config.eligibleLeaderReplicas, previous === 'clean');
    const next = applyRegistrationHandling(p, b, handling, ctx).partition;
    // handleBrokerUnfenced only elects leaderless partitions (3.9.0 ReplicationControlManager); startupElection=false skips it.
    return config.startupElection ? handleBrokerUnfenced(next, b, ctx).partition : next;
  }
  return config.startupElection ? zkBrokerStartup(p, online(state), zkInput(state, config)) : p;
}

/** leaderElection=znode-race: live replica `b` wins the race for the leaderless partition's znode. */
export function controllerZnodeRaceWin(state: ReplicationState, b: number): PartitionRegistration {
  return zkZnodeRaceWin(state.controller, b, online(state));
}

/** Auto leader rebalance: move leadership back to the preferred replica (replicas[0]). */
export function controllerPreferredElection(state: ReplicationState, config: ReplicationConfig): PartitionRegistration {
  if (config.leaderElection === 'kraft') return maybeBalancePreferredLeader(state.controller, kraftContext(state, config)).partition;
  return zkPreferredElection(state.controller, online(state));
}

/** A leaderless partition is retried: KRaft's periodic unclean election; ZK's OnlinePartition state change. */
export function controllerElectOffline(state: ReplicationState, config: ReplicationConfig): PartitionRegistration {
  if (state.controller.leader >= 0) return state.controller;
  if (config.leaderElection === 'kraft') return maybeElectUncleanLeader(state.controller, kraftContext(state, config)).partition;
  return zkElectOffline(state.controller, online(state), zkInput(state, config));
}

/**
 * An operator reassigns the partition to the same replicas with `b` first. KRaft: changePartitionReassignment
 * runs the builder with the new target replicas (no one added or removed, so no epoch bump and the leader stays).
 * ZK: the completed reassignment's moveReassignedPartitionLeaderIfRequired. Undefined when ZK would first have to
 * wait for replicas to join the ISR (the model only reorders a fully in-sync partition).
 */
export function controllerReorderReplicas(state: ReplicationState, b: number, config: ReplicationConfig): PartitionRegistration | undefined {
  const p = state.controller;
  const target = [b, ...p.replicas.filter((r) => r !== b)];
  if (config.leaderElection === 'kraft') {
    const ctx = kraftContext(state, config);
    return buildPartitionChange({
      partition: p,
      acceptableLeaders: acceptableLeaders(p, ctx),
      metadataVersion: ctx.metadataVersion,
      minIsr: effectiveMinIsr(p, ctx),
      elrEnabled: isElrEnabled(ctx),
      targetReplicas: target,
    }).partition;
  }
  if (!p.replicas.every((r) => p.isr.includes(r))) return undefined;
  return zkReorderReplicas(p, target, online(state));
}

export interface AlterPartitionHandling {
  readonly partition: PartitionRegistration;
  readonly response: AlterPartitionResponse;
}

/** The controller handles broker `b`'s AlterPartition request and answers it. */
export function controllerAlterPartition(
  state: ReplicationState,
  b: number,
  request: AlterPartitionInFlight,
  config: ReplicationConfig,
): AlterPartitionHandling {
  if (request.proposal.kind === 'committed') throw new Error('an AlterPartition request carries a pending ISR change');
  const newIsr = request.proposal.proposedIsr;
  const fields = { brokerId: b, brokerEpoch: request.brokerEpoch, leaderEpoch: request.leaderEpoch, partitionEpoch: request.partitionEpoch, newIsr };
  let partition: PartitionRegistration;
  let error: string;
  if (config.leaderElection === 'kraft') {
    // KIP-903 (8c88cdb7186, 3.5): newIsrWithEpochs; ineligibleReplicasForIsr rejects a quoted epoch ≠ the registration.
    const newIsrBrokerEpochs = request.isrBrokerEpochs.length > 0 ? request.isrBrokerEpochs : undefined;
    const result = alterPartition(state.controller, { brokerId: b, brokerEpoch: fields.brokerEpoch, leaderEpoch: fields.leaderEpoch, partitionEpoch: fields.partitionEpoch, newIsr, newIsrBrokerEpochs, leaderRecoveryState: 'RECOVERED' }, kraftContext(state, config));
    partition = result.partition;
    error = result.error;
  } else {
    const live = online(state).map((id) => ({ brokerId: id, brokerEpoch: state.brokers[id].brokerEpoch }));
    ({ partition, error } = zkAlterPartitionStep(state.controller, fields, live));
  }
  const response: AlterPartitionResponse =
    error === 'NONE'
      ? { kind: 'success', leaderEpoch: partition.leaderEpoch, isr: replicaSet(partition.isr), partitionEpoch: partition.partitionEpoch }
      : { kind: 'error', error };
  return { partition, response };
}
