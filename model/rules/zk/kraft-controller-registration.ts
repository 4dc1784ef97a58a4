// KRaft controller claiming ZK controllership during a ZK→KRaft migration (KIP-866):
// KafkaZkClient.tryRegisterKRaftControllerAsActiveController @ apache/kafka 7c429f3514d^. Unlike a ZK broker it
// writes /controller PERSISTENT (so ZK brokers cannot re-elect while KRaft fails over) and bumps /controller_epoch
// in the same multi, so every ZK controller that came before it is fenced exactly like after a ZK election.
import type { ZkState } from './zk-state.ts';

export interface KRaftRegistrationStep {
  readonly zk: ZkState;
  /**
   * `registered` (SuccessfulRegistrationResult), or `controllerMoved` (thrown when /controller already holds a
   * KRaft epoch ≥ ours), or `noControllerEpoch` (Kafka's IllegalStateException when /controller_epoch is missing).
   * Kafka's FailedRegistrationResult (the multi's CAS lost a race) cannot occur: read and multi are one step here.
   */
  readonly outcome:
    | { readonly type: 'registered'; readonly epoch: number; readonly epochZkVersion: number }
    | { readonly type: 'controllerMoved' }
    | { readonly type: 'noControllerEpoch' };
}

/**
 * One atomic step (read + multi). The multi is { setData /controller_epoch = epoch+1 at the read version,
 * [delete /controller at its version if one exists], create PERSISTENT /controller with the KRaft epoch }.
 * The result version is the setData's new version.
 */
export function tryRegisterKRaftControllerAsActiveController(
  zk: ZkState,
  kraftControllerId: number,
  kraftControllerEpoch: number,
): KRaftRegistrationStep {
  const current = zk.controller;
  // Guard against a KRaft epoch going backwards; a ZK broker's registration has no KRaft epoch.
  if (current !== null && current.kraftEpoch !== null && current.kraftEpoch >= kraftControllerEpoch) {
    return { zk, outcome: { type: 'controllerMoved' } };
  }
  const epochNode = zk.controllerEpoch;
  if (epochNode === null) return { zk, outcome: { type: 'noControllerEpoch' } };
  // Read and write happen in one step here, so the CAS ops cannot fail: the multi always succeeds.
  const newEpoch = epochNode.epoch + 1;
  const version = epochNode.version + 1;
  return {
    zk: {
      ...zk,
      controllerEpoch: { epoch: newEpoch, version },
      controller: { brokerId: kraftControllerId, ephemeralOwner: null, kraftEpoch: kraftControllerEpoch },
    },
    outcome: { type: 'registered', epoch: newEpoch, epochZkVersion: version },
  };
}
