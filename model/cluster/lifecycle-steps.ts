// Broker and controller lifecycle: the /controller election (rules/zk: read /controller_epoch, then one multi that
// creates /controller and bumps the epoch), ZooKeeper session expiry with the broker not yet noticing (a zombie
// controller), handling it (resign, re-register with a new broker epoch), crash and restart, and the admin's
// /admin/reassign_partitions write.

import { registerControllerAndIncrementControllerEpoch } from '../rules/zk/controller-registration.ts';
import type { ClusterConfig } from './cluster-config.ts';
import { setAt, withBroker, type ClusterState } from './cluster-state.ts';
import { stopBroker } from './zk-controller-events.ts';

/**
 * KafkaController.elect as one step: /controller is absent, so the broker reads /controller_epoch and sends the
 * multi (rules/zk registerControllerAndIncrementControllerEpoch). The race between the two round trips is the
 * zk-controller model's subject; here a lost race is simply a step that does not happen.
 */
export function electController(s: ClusterState, b: number): ClusterState | undefined {
  const broker = s.brokers[b];
  if (!broker.alive || broker.expiryPending || broker.controller !== null || s.zk.tree.controller !== null) return undefined;
  const step = registerControllerAndIncrementControllerEpoch(s.zk.tree, b, s.zk.sessions[b]);
  if (step.outcome.type !== 'registered') return undefined;
  const ctx = {
    epoch: step.outcome.epoch,
    epochZkVersion: step.outcome.epochZkVersion,
    initialized: false,
    liveEpochs: s.zk.registrations.map(() => -1),
    shuttingDown: [],
    partitions: s.zk.tree.partitions.map(() => null),
    assignment: s.zk.assignment.map(() => ({ replicas: [], adding: [], removing: [] })),
  };
  return withBroker({ ...s, zk: { ...s.zk, tree: step.zk } }, b, { ...broker, epochRead: null, controller: ctx });
}

/** ZooKeeper expires the session (GC pause): ephemeral /controller and /brokers/ids/<b> vanish; the client reconnects. */
export function expireSession(s: ClusterState, b: number): ClusterState | undefined {
  const broker = s.brokers[b];
  if (s.expiriesLeft === 0 || !broker.alive || broker.expiryPending) return undefined;
  const old = s.zk.sessions[b];
  const tree = s.zk.tree.controller?.ephemeralOwner === old ? { ...s.zk.tree, controller: null } : s.zk.tree;
  const zk = { ...s.zk, tree, sessions: setAt(s.zk.sessions, b, old + 1), registrations: setAt(s.zk.registrations, b, -1) };
  return withBroker({ ...s, zk, expiriesLeft: s.expiriesLeft - 1 }, b, { ...broker, expiryPending: true });
}

/** handleSessionExpiry / processRegisterBrokerAndReelect: resign unless still /controller, re-register (new epoch). */
export function handleSessionExpiry(s: ClusterState, b: number): ClusterState | undefined {
  const broker = s.brokers[b];
  if (!broker.alive || !broker.expiryPending) return undefined;
  const brokerEpoch = broker.brokerEpoch + 1;
  const stillController = s.zk.tree.controller?.brokerId === b;
  const zk = { ...s.zk, registrations: setAt(s.zk.registrations, b, brokerEpoch) };
  return withBroker({ ...s, zk }, b, {
    ...broker,
    expiryPending: false,
    brokerEpoch,
    session: s.zk.sessions[b],
    controller: stillController ? broker.controller : null,
    epochRead: null,
  });
}

export function crashBroker(s: ClusterState, b: number): ClusterState | undefined {
  if (s.crashesLeft === 0 || !s.brokers[b].alive) return undefined;
  return stopBroker({ ...s, crashesLeft: s.crashesLeft - 1 }, b);
}

/** Restart: a new session and registration (broker epoch + 1); the log survives (flushed: no power loss here). */
export function restartBroker(s: ClusterState, b: number): ClusterState | undefined {
  const broker = s.brokers[b];
  if (broker.alive) return undefined;
  const brokerEpoch = broker.brokerEpoch + 1;
  const session = broker.session + 1;
  const zk = { ...s.zk, sessions: setAt(s.zk.sessions, b, session), registrations: setAt(s.zk.registrations, b, brokerEpoch) };
  return withBroker({ ...s, zk }, b, { ...broker, alive: true, session, brokerEpoch });
}

/** kafka-reassign-partitions --execute (ZooKeeper flow): create /admin/reassign_partitions with the targets. */
export function submitReassignment(config: ClusterConfig, s: ClusterState): ClusterState | undefined {
  if (s.reassignmentSubmitted) return undefined;
  return { ...s, reassignmentSubmitted: true, zk: { ...s.zk, reassignRequest: config.targets.map((t) => t) } };
}
