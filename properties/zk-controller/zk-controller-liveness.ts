// Liveness of ZooKeeper-mode controller failover, under the model's fairness (zk-controller-fairness.ts): once
// /controller is gone (its owner's session expired), some live broker becomes controller — Kafka's
// ControllerChangeHandler.handleDeletion → Reelect, and re-election after a new session (KafkaController, 3.8.0).
import { leadsTo, type LivenessProperty } from '../../src/contract/property.ts';
import type { ZkControllerState } from '../../model/zk-controller/zk-controller-state.ts';

/** A live broker holds /controller with its current session and acts as controller. */
export function hasLiveController(s: ZkControllerState): boolean {
  const owner = s.zk.tree.controller;
  if (owner === null) return false;
  const b = s.brokers[owner.brokerId];
  return b !== undefined && b.alive && b.isController && !b.expiryPending && owner.ephemeralOwner === s.zk.sessions[owner.brokerId];
}

export function zkControllerLiveness(): LivenessProperty<ZkControllerState>[] {
  return [
    leadsTo(
      'controller-eventually-elected',
      'Whenever /controller is absent while a broker is alive (at startup, or after the controller’s session expired), some live broker eventually becomes controller: brokers watch /controller and re-run the election when it is deleted, and re-register that watch after a new session (KafkaController.maybeResign, elect).',
      (s) => s.zk.tree.controller === null && s.brokers.some((b) => b.alive),
      hasLiveController,
    ),
  ];
}
