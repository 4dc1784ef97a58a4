// The transition function of the ZooKeeper-mode controller model. ZooKeeper operations are Kafka's own rule
// functions (rules/zk: registration multi, KAFKA-6082 fenced writes, broker request checks); this file decides
// only who may do what when, and what each broker believes afterwards. Returns undefined when a step is disabled.

import { createControllerAndIncrementEpoch, readControllerEpochForElection } from '../rules/zk/controller-registration.ts';
import { setControllerEpochRaw } from '../rules/zk/controller-epoch-raw.ts';
import { checkControlRequest, UNKNOWN_BROKER_EPOCH } from '../rules/zk/broker-request-checks.ts';
import { readPartitionForElection } from '../rules/zk/read-partition-for-election.ts';
import { updateLeaderAndIsr } from '../rules/zk/update-leader-and-isr.ts';
import { expireSession, MATCH_ANY_VERSION } from '../rules/zk/zk-state.ts';
import { compareRequests, type ZkControllerAction } from './zk-controller-actions.ts';
import { handleExpiryWithoutWatch } from './zk-controller-watch.ts';
import { nextSession, type BrokerState, type ControlRequest, type ZkControllerConfig, type ZkControllerState, type ZkSide } from './zk-controller-state.ts';

const setAt = <T>(items: readonly T[], i: number, value: T): T[] => {
  const copy = items.slice();
  copy[i] = value;
  return copy;
};

const withBroker = (s: ZkControllerState, b: number, broker: BrokerState): ZkControllerState => ({ ...s, brokers: setAt(s.brokers, b, broker) });

/** Resigning (onControllerResignation) forgets controller state; the broker goes back to watching /controller. */
const resigned = (broker: BrokerState): BrokerState => ({ ...broker, isController: false, controllerEpoch: 0, epochZkVersion: -1, epochRead: null });

function lowestElectionNode(zk: ZkSide): number {
  return zk.electionNodes.length > 0 ? zk.electionNodes[0][0] : -1;
}

export function zkControllerNext(config: ZkControllerConfig, s: ZkControllerState, a: ZkControllerAction): ZkControllerState | undefined {
  switch (a.type) {
    case 'CreateElectionNode': {
      const broker = s.brokers[a.broker];
      if (config.election !== 'sequential-node' || !broker.alive || broker.expiryPending || broker.isController) return undefined;
      if (s.zk.electionNodes.some(([owner]) => owner === a.broker)) return undefined;
      const electionNodes = [...s.zk.electionNodes, [a.broker, s.zk.nextSeq] as const];
      return { ...s, zk: { ...s.zk, electionNodes, nextSeq: s.zk.nextSeq + 1 } };
    }
    case 'ReadControllerEpoch': {
      const broker = s.brokers[a.broker];
      if (!broker.alive || broker.expiryPending || broker.isController || broker.epochRead !== null || broker.watchLost) return undefined;
      // ephemeral-node: the /controller watch fired (or startup) and the node is absent. sequential-node: the
      // broker's own node is the lowest (its watch on the predecessor fired).
      const mayRun = config.election === 'ephemeral-node' ? s.zk.tree.controller === null : lowestElectionNode(s.zk) === a.broker;
      if (!mayRun) return undefined;
      const { zk: tree, read } = readControllerEpochForElection(s.zk.tree);
      return withBroker({ ...s, zk: { ...s.zk, tree } }, a.broker, { ...broker, epochRead: { epoch: read.epoch, version: read.epochZkVersion } });
    }
    case 'RegisterController': {
      const broker = s.brokers[a.broker];
      // An election already under way continues through a session expiry the broker has not handled yet: its
      // ZooKeeper client has reconnected with a new session, so the second round trip goes out regardless.
      if (!broker.alive || broker.epochRead === null) return undefined;
      if (config.electionSurvivesExpiry === false && broker.expiryPending) return withBroker(s, a.broker, { ...broker, epochRead: null });
      if (config.election === 'ephemeral-node') {
        const step = createControllerAndIncrementEpoch(s.zk.tree, a.broker, broker.session, { epoch: broker.epochRead.epoch, epochZkVersion: broker.epochRead.version });
        const next = { ...s, zk: { ...s.zk, tree: step.zk } };
        if (step.outcome.type !== 'registered') return withBroker(next, a.broker, { ...broker, epochRead: null });
        return withBroker(next, a.broker, { ...broker, epochRead: null, isController: true, controllerEpoch: step.outcome.epoch, epochZkVersion: step.outcome.epochZkVersion });
      }
      // The lock recipe as articles describe it: the lowest node's owner bumps the epoch with a plain setData
      // (no expected version) after reading it — two round trips with nothing tying them together.
      const write = setControllerEpochRaw(s.zk.tree, broker.epochRead.epoch + 1, MATCH_ANY_VERSION);
      if (write.code !== 'OK' || write.zk.controllerEpoch === null) return withBroker(s, a.broker, { ...broker, epochRead: null });
      const next = { ...s, zk: { ...s.zk, tree: write.zk } };
      return withBroker(next, a.broker, { ...broker, epochRead: null, isController: true, controllerEpoch: broker.epochRead.epoch + 1, epochZkVersion: write.zk.controllerEpoch.version });
    }
    case 'ExpireSession': {
      const session = s.zk.sessions[a.broker];
      const broker = s.brokers[a.broker];
      if (session === 0 || (broker.alive && (broker.expiryPending || s.expiriesLeft === 0))) return undefined;
      // Ephemeral nodes go with the session: /controller (if owned), the registration, the election node.
      const zk: ZkSide = {
        ...s.zk,
        tree: expireSession(s.zk.tree, session),
        // A live broker's ZooKeeperClient re-initializes at once with a new session; the broker handles the expiry
        // later (HandleSessionExpiry). A crashed broker's session is simply gone.
        sessions: setAt(s.zk.sessions, a.broker, broker.alive ? nextSession(session) : 0),
        registrations: setAt(s.zk.registrations, a.broker, -1),
        electionNodes: s.zk.electionNodes.filter(([owner]) => owner !== a.broker),
      };
      if (!broker.alive) return { ...s, zk };
      return withBroker({ ...s, zk, expiriesLeft: s.expiriesLeft - 1 }, a.broker, { ...broker, session: zk.sessions[a.broker], expiryPending: true });
    }
    case 'HandleSessionExpiry': {
      const broker = s.brokers[a.broker];
      if (!broker.alive || !broker.expiryPending) return undefined;
      const brokerEpoch = broker.brokerEpoch + 1; // registerBroker: a new /brokers/ids/<b> with a new czxid
      const zk = { ...s.zk, registrations: setAt(s.zk.registrations, a.broker, brokerEpoch) };
      if (config.watchReregistration === false) return handleExpiryWithoutWatch(s, zk, a.broker, { ...resigned(broker), expiryPending: false, brokerEpoch });
      return withBroker({ ...s, zk }, a.broker, { ...resigned(broker), expiryPending: false, brokerEpoch });
    }
    case 'CrashBroker': {
      const broker = s.brokers[a.broker];
      if (!broker.alive || s.crashesLeft === 0) return undefined;
      const dead: BrokerState = { ...resigned(broker), alive: false, expiryPending: false };
      return withBroker({ ...s, crashesLeft: s.crashesLeft - 1 }, a.broker, dead);
    }
    case 'RestartBroker': {
      const broker = s.brokers[a.broker];
      // Re-registration needs the old ephemeral /brokers/ids/<b> gone, i.e. the old session expired.
      if (broker.alive || s.zk.sessions[a.broker] !== 0) return undefined;
      const session = nextSession(broker.session);
      const brokerEpoch = broker.brokerEpoch + 1;
      const zk = { ...s.zk, sessions: setAt(s.zk.sessions, a.broker, session), registrations: setAt(s.zk.registrations, a.broker, brokerEpoch) };
      // Memory is gone: ReplicaManager.controllerEpoch starts at 0 and the metadata cache is empty.
      const fresh: BrokerState = { ...broker, watchLost: false, alive: true, session, brokerEpoch, seenControllerEpoch: 0, cache: { leader: -1, leaderEpoch: -1, controllerEpoch: 0 } };
      return withBroker({ ...s, zk }, a.broker, fresh);
    }
    case 'ElectPartitionLeader':
      return electPartitionLeader(config, s, a.controller, a.leader);
    case 'DeliverRequest':
      return deliver(config, s, a);
    default: {
      const never: never = a;
      return never;
    }
  }
}

/**
 * PartitionStateMachine.doElectLeaderForPartitions: read the state znode (abort if a newer controller wrote it),
 * then one updateLeaderAndIsr multi — fenced by /controller_epoch's version under KAFKA-6082. The read and the
 * write run back to back on the controller thread; an interleaved write would only make the partition CAS fail
 * and the controller retry later, which the model covers by taking this step later.
 */
function electPartitionLeader(config: ZkControllerConfig, s: ZkControllerState, c: number, leader: number): ZkControllerState | undefined {
  const controller = s.brokers[c];
  if (!controller.alive || !controller.isController || s.zk.registrations[leader] < 0) return undefined;
  const read = readPartitionForElection(s.zk.tree, 0, controller.controllerEpoch);
  if (read.type !== 'ok' || read.leaderAndIsr.leader === leader || read.leaderAndIsr.leaderEpoch >= config.maxLeaderEpoch) return undefined;
  const targets = s.zk.registrations.map((epoch, b) => [b, epoch] as const).filter(([, epoch]) => epoch >= 0);
  if (s.network.length + targets.length > config.maxInFlight) return undefined;
  const update = { ...read.leaderAndIsr, leader, leaderEpoch: read.leaderAndIsr.leaderEpoch + 1 };
  const expected = config.epochFencing ? controller.epochZkVersion : MATCH_ANY_VERSION;
  const result = updateLeaderAndIsr(s.zk.tree, [{ partition: 0, leaderAndIsr: update }], controller.controllerEpoch, expected);
  if (result.type === 'controllerMoved') return withBroker(s, c, resigned(controller)); // ControllerMovedException
  if (result.type !== 'ok' || result.value.finished.length === 0) return undefined;
  const sent: ControlRequest[] = targets.map(([to, brokerEpoch]) => ({ from: c, to, controllerEpoch: controller.controllerEpoch, brokerEpoch, leader, leaderEpoch: update.leaderEpoch }));
  const network = [...s.network, ...sent].sort(compareRequests);
  return { ...s, zk: { ...s.zk, tree: result.zk }, network };
}

/** A broker handles a control request: KIP-380 broker epoch, then the controller epoch, then it applies it. */
function deliver(config: ZkControllerConfig, s: ZkControllerState, request: ControlRequest): ZkControllerState | undefined {
  const broker = s.brokers[request.to];
  const at = s.network.findIndex((r) => compareRequests(r, request) === 0);
  if (at < 0 || !broker.alive) return undefined;
  const network = s.network.filter((_, i) => i !== at);
  const check = checkControlRequest(
    { brokerEpoch: broker.brokerEpoch, controllerEpoch: config.controllerEpochCheck ? broker.seenControllerEpoch : 0 },
    { brokerEpoch: config.brokerEpochCheck ? request.brokerEpoch : UNKNOWN_BROKER_EPOCH, controllerEpoch: request.controllerEpoch },
  );
  if (check.error !== 'NONE') return { ...s, network };
  const applied: BrokerState = {
    ...broker,
    seenControllerEpoch: check.controllerEpoch,
    cache: { leader: request.leader, leaderEpoch: request.leaderEpoch, controllerEpoch: request.controllerEpoch },
    maxAppliedEpoch: Math.max(broker.maxAppliedEpoch, request.controllerEpoch),
  };
  return withBroker({ ...s, network }, request.to, applied);
}
