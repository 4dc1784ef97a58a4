// Brokers going down and coming back: a clean (controlled) shutdown flushes the log and the controller reacts at
// once; a crash keeps what the OS already had; a power failure keeps only the flushed prefix (Kafka does not fsync
// on acknowledge). The controller notices a crash then, or at the session/heartbeat timeout (failureDetection).

import { truncateFromEnd } from '../rules/replication/leader-epoch-cache.ts';
import { controllerOnBrokerDown, controllerOnBrokerUp } from './controller-steps.ts';
import { failPendingAcks } from './ghosts.ts';
import { publish, withinBounds } from './publish-partition-state.ts';
import type { ReplicationConfig } from './replication-config.ts';
import { patchBroker, patchState, withBroker, type BrokerState, type ReplicationState, type ShutdownKind } from './replication-state.ts';

/** What is on disk after the process is gone; everything in memory (views, requests, purgatory) is lost. */
function downed(b: BrokerState, kind: ShutdownKind, config: ReplicationConfig): BrokerState {
  // A clean shutdown ends the session at once (ZK closes it; KRaft's SHUTDOWN_NOW heartbeat fences); otherwise the
  // registration outlives the process until the timeout, unless failureDetection=instant.
  const base: BrokerState = patchBroker(b, {
    alive: false,
    registered: kind !== 'clean' && config.failureDetection === 'timeout',
    shutdown: kind,
    leader: -1,
    leaderEpoch: -1,
    partitionEpoch: -1,
    truncating: false,
    role: null,
    inbox: [],
    alterPartition: null,
    fetchResponse: null,
  });
  // ReplicaManager.shutdown checkpoints every HW; after a crash only the last periodic checkpoint is on disk.
  if (kind === 'clean') return patchBroker(base, { flushed: b.log.length, hwCheckpoint: config.hwCheckpoint ? b.highWatermark : 0 });
  const restored = config.hwCheckpoint ? patchBroker(base, { highWatermark: b.hwCheckpoint }) : base;
  if (kind === 'crash') return restored;
  // Power loss: the unflushed suffix is gone; log recovery on restart caps the epoch cache and the HW checkpoint.
  const keep = b.flushed;
  return patchBroker(restored, { log: b.log.slice(0, keep), epochCache: truncateFromEnd(b.epochCache, keep), highWatermark: Math.min(restored.highWatermark, keep) });
}

export function shutdownBroker(state: ReplicationState, id: number, kind: ShutdownKind, config: ReplicationConfig): ReplicationState | undefined {
  const b = state.brokers[id];
  if (!b.alive) return undefined;
  if (kind === 'crash' && state.crashesLeft === 0) return undefined;
  if (kind === 'clean' && state.cleanShutdownsLeft === 0) return undefined;
  // A power loss with nothing unflushed is just a crash; only count the ones that lose records.
  if (kind === 'data-loss' && (state.dataLossLeft === 0 || b.flushed >= b.log.length)) return undefined;
  const noticed = kind === 'clean' || config.failureDetection === 'instant';
  const controller = noticed ? controllerOnBrokerDown(state, id, kind, config) : state.controller;
  if (!withinBounds(controller, config)) return undefined;
  let next: ReplicationState = patchState(withBroker(state, id, downed(b, kind, config)), {
    crashesLeft: state.crashesLeft - (kind === 'crash' ? 1 : 0),
    dataLossLeft: state.dataLossLeft - (kind === 'data-loss' ? 1 : 0),
    cleanShutdownsLeft: state.cleanShutdownsLeft - (kind === 'clean' ? 1 : 0),
    ghosts: failPendingAcks(state.ghosts, id),
  });
  next = publish(next, controller);
  return next;
}

/**
 * failureDetection=timeout: the controller notices that dead broker `id` is gone. ZK: its session expires, the
 * ephemeral /brokers/ids znode is deleted and the BrokerChange handler runs onBrokerFailure. KRaft: its heartbeat
 * session times out and the periodic maybeFenceOneStaleBroker fences it (handleBrokerFenced).
 */
export function sessionExpires(state: ReplicationState, id: number, config: ReplicationConfig): ReplicationState | undefined {
  const b = state.brokers[id];
  if (b.alive || !b.registered) return undefined;
  const controller = controllerOnBrokerDown(state, id, b.shutdown, config);
  if (!withinBounds(controller, config)) return undefined;
  return publish(withBroker(state, id, patchBroker(b, { registered: false })), controller);
}

/**
 * The broker starts again and registers with a new broker epoch. Log loading truncates the epoch cache to the
 * log end (UnifiedLog/LogLoader: truncateFromEnd(LEO)) and caps the HW checkpoint; recovery leaves the log flushed.
 * Before its old session expired (still `registered`): ZK refuses — KafkaZkClient.registerBroker's
 * checkedEphemeralCreate finds the old session's znode (NODEEXISTS) and startup fails — so the broker can only
 * come back after SessionExpires, and KIP-380's bounced-broker path (processBrokerChange: onBrokerFailure, then
 * onBrokerStartup) ends in the same state. KRaft refuses while hasValidSession (DuplicateBrokerRegistration) but
 * accepts once the session has lapsed, before the periodic fence: registerBroker drops the old heartbeat state, so
 * the old incarnation is never fenced and only the release's registration handling touches the ISR.
 */
export function restartBroker(state: ReplicationState, id: number, config: ReplicationConfig): ReplicationState | undefined {
  const b = state.brokers[id];
  if (b.alive) return undefined;
  if (b.registered && config.leaderElection !== 'kraft') return undefined;
  const leo = b.log.length;
  const up: BrokerState = patchBroker(b, {
    alive: true,
    registered: true,
    brokerEpoch: b.brokerEpoch + 1,
    shutdown: 'none',
    epochCache: truncateFromEnd(b.epochCache, leo),
    highWatermark: Math.min(b.highWatermark, leo),
    flushed: leo,
  });
  const started = withBroker(state, id, up);
  const controller = controllerOnBrokerUp(started, id, b.shutdown, config);
  if (!withinBounds(controller, config)) return undefined;
  return publish(started, controller, { alsoTo: id });
}

/**
 * `hwCheckpoint`: the periodic HW checkpoint (ReplicaManager.checkpointHighWatermarks every
 * replica.high.watermark.checkpoint.interval.ms) writes the broker's current HW; the model has no clock, so it may
 * happen at any moment, and a crash restores whatever was written last.
 */
export function checkpointHighWatermark(state: ReplicationState, id: number, config: ReplicationConfig): ReplicationState | undefined {
  const b = state.brokers[id];
  if (!config.hwCheckpoint || !b.alive || b.hwCheckpoint === b.highWatermark) return undefined;
  return withBroker(state, id, patchBroker(b, { hwCheckpoint: b.highWatermark }));
}
