// The /controller watch, for the `watchReregistration` switch. Kafka (KafkaController, 3.8.0): after a new
// session, RegisterBrokerAndReelect runs processReelect → maybeResign, which re-registers the watch
// (registerZNodeChangeHandlerAndCheckExistence(controllerChangeHandler)), then elect(); a later deletion of
// /controller fires ControllerChangeHandler.handleDeletion → Reelect. The variant without re-registration
// still runs elect() once, right away, but never hears of /controller's deletion again.

import { readControllerEpochForElection } from '../rules/zk/controller-registration.ts';
import type { BrokerState, ZkControllerState, ZkSide } from './zk-controller-state.ts';

/** HandleSessionExpiry when the broker does not re-register its watch: one election attempt, then deaf. */
export function handleExpiryWithoutWatch(s: ZkControllerState, zk: ZkSide, b: number, handled: BrokerState): ZkControllerState {
  const deaf: BrokerState = { ...handled, watchLost: true };
  const brokers = (broker: BrokerState) => s.brokers.map((x, i) => (i === b ? broker : x));
  if (zk.tree.controller !== null) return { ...s, zk, brokers: brokers(deaf) };
  // elect(): /controller is absent, so it reads /controller_epoch and goes on to register (RegisterController).
  const { zk: tree, read } = readControllerEpochForElection(zk.tree);
  return { ...s, zk: { ...zk, tree }, brokers: brokers({ ...deaf, epochRead: { epoch: read.epoch, version: read.epochZkVersion } }) };
}
