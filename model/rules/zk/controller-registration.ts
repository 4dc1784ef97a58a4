// ZK controller election: KafkaController.elect and KafkaZkClient.registerControllerAndIncrementControllerEpoch
// (apache/kafka core/src/main/scala/kafka/zk/KafkaZkClient.scala @ 7c429f3514d^). Kafka's registration is two ZK
// round trips (read or create /controller_epoch, then one multi), exposed here as two steps so a model can
// interleave other brokers between them, plus the composed call.
import {
  INITIAL_CONTROLLER_EPOCH,
  INITIAL_CONTROLLER_EPOCH_ZK_VERSION,
  type ZkCode,
  type ZkState,
} from './zk-state.ts';

/** What the registration returns (the (epoch, epochZkVersion) tuple) or throws, as data. */
export type ControllerRegistration =
  | { readonly type: 'registered'; readonly epoch: number; readonly epochZkVersion: number }
  /** ControllerMovedException: another broker holds /controller or bumped the epoch first → maybeResign. */
  | { readonly type: 'controllerMoved' }
  /** Any other KeeperException (e.g. /controller_epoch deleted under us) → elect() calls triggerControllerMove. */
  | { readonly type: 'zkError'; readonly code: ZkCode };

export interface RegistrationStep {
  readonly zk: ZkState;
  readonly outcome: ControllerRegistration;
}

/** The (epoch, zkVersion) of /controller_epoch read at the start of a registration attempt. */
export interface ControllerEpochRead {
  readonly epoch: number;
  readonly epochZkVersion: number;
}

/**
 * Step 1: getControllerEpoch, or maybeCreateControllerEpochZNode when it is missing: create it at epoch 0, which
 * has version 0 (NODEEXISTS on a race just re-reads; in one atomic step it cannot race).
 */
export function readControllerEpochForElection(zk: ZkState): { readonly zk: ZkState; readonly read: ControllerEpochRead } {
  if (zk.controllerEpoch !== null) {
    return { zk, read: { epoch: zk.controllerEpoch.epoch, epochZkVersion: zk.controllerEpoch.version } };
  }
  const created = { epoch: INITIAL_CONTROLLER_EPOCH, version: INITIAL_CONTROLLER_EPOCH_ZK_VERSION };
  return {
    zk: { ...zk, controllerEpoch: created },
    read: { epoch: INITIAL_CONTROLLER_EPOCH, epochZkVersion: INITIAL_CONTROLLER_EPOCH_ZK_VERSION },
  };
}

/**
 * Step 2: ONE multi { create EPHEMERAL /controller (owned by `session`), setData /controller_epoch = read.epoch+1
 * expecting read.epochZkVersion }. ZooKeeper applies all ops or none and reports the first failing op's code.
 * On NODEEXISTS or BADVERSION Kafka's checkControllerAndEpoch re-reads: if /controller names this broker and the
 * epoch equals read.epoch+1, the multi had succeeded (e.g. a retry after a lost response): that is success with
 * the current version. Otherwise ControllerMovedException.
 */
export function createControllerAndIncrementEpoch(
  zk: ZkState,
  controllerId: number,
  session: number,
  read: ControllerEpochRead,
): RegistrationStep {
  const newEpoch = read.epoch + 1;
  const code = multiCode(zk, read.epochZkVersion);
  if (code === 'OK') {
    const version = read.epochZkVersion + 1;
    return {
      zk: {
        ...zk,
        controller: { brokerId: controllerId, ephemeralOwner: session, kraftEpoch: null },
        controllerEpoch: { epoch: newEpoch, version },
      },
      outcome: { type: 'registered', epoch: newEpoch, epochZkVersion: version },
    };
  }
  if (code === 'NODEEXISTS' || code === 'BADVERSION') return { zk, outcome: checkControllerAndEpoch(zk, controllerId, newEpoch) };
  return { zk, outcome: { type: 'zkError', code } };
}

/** Steps 1 and 2 back to back: KafkaZkClient.registerControllerAndIncrementControllerEpoch. */
export function registerControllerAndIncrementControllerEpoch(zk: ZkState, controllerId: number, session: number): RegistrationStep {
  const first = readControllerEpochForElection(zk);
  return createControllerAndIncrementEpoch(first.zk, controllerId, session, first.read);
}

/** KafkaController.elect: `alreadyElected` when /controller exists (the broker just records the active id). */
export type ElectOutcome = ControllerRegistration | { readonly type: 'alreadyElected'; readonly controllerId: number };

export function electController(
  zk: ZkState,
  brokerId: number,
  session: number,
): { readonly zk: ZkState; readonly outcome: ElectOutcome } {
  if (zk.controller !== null) return { zk, outcome: { type: 'alreadyElected', controllerId: zk.controller.brokerId } };
  return registerControllerAndIncrementControllerEpoch(zk, brokerId, session);
}

/** The multi's result code: its ops in order are create /controller, then the conditional setData. */
function multiCode(zk: ZkState, expectedEpochZkVersion: number): ZkCode {
  if (zk.controller !== null) return 'NODEEXISTS';
  if (zk.controllerEpoch === null) return 'NONODE';
  if (zk.controllerEpoch.version !== expectedEpochZkVersion) return 'BADVERSION';
  return 'OK';
}

/** checkControllerAndEpoch in registerControllerAndIncrementControllerEpoch. */
function checkControllerAndEpoch(zk: ZkState, controllerId: number, newEpoch: number): ControllerRegistration {
  if (zk.controller === null || zk.controller.brokerId !== controllerId) return { type: 'controllerMoved' };
  // Kafka throws IllegalStateException if /controller_epoch vanished here; it surfaces like any other ZK error.
  if (zk.controllerEpoch === null) return { type: 'zkError', code: 'NONODE' };
  if (zk.controllerEpoch.epoch === newEpoch) {
    return { type: 'registered', epoch: newEpoch, epochZkVersion: zk.controllerEpoch.version };
  }
  return { type: 'controllerMoved' };
}
