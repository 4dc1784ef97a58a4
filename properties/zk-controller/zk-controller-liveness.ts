// Liveness of ZooKeeper-mode controller failover, under the model's fairness (zk-controller-fairness.ts): once
// /controller is gone (its owner's session expired), some live broker becomes controller — Kafka's
// ControllerChangeHandler.handleDeletion → Reelect, and re-election after a new session (KafkaController, 3.8.0);
// and which fair steps only the model's bounds refuse (a run stopping there is bounded, not a violation).
import { leadsTo, type LivenessProperty } from '../../src/contract/property.ts';
import type { Model } from '../../src/contract/model.ts';
import type { ZkControllerAction } from '../../model/zk-controller/zk-controller-actions.ts';
import { zkControllerNext } from '../../model/zk-controller/zk-controller-next.ts';
import type { ZkControllerConfig, ZkControllerState } from '../../model/zk-controller/zk-controller-state.ts';

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

// Bounds: which fair ZooKeeper-controller steps only the model's bounds refuse — a leader election past maxLeaderEpoch, a
// send that would put more than maxInFlight requests on the wire — so that a liveness counterexample stopping
// there is reported bounded (the end of the explored world), not as a controller that never takes over.
const UNBOUNDED = 1_000_000;

/** The model whose boundRefusal names maxLeaderEpoch or maxInFlight when the step with that bound lifted is taken. */
export function withZkBoundRefusal(model: Model<ZkControllerState, ZkControllerAction>, config: ZkControllerConfig): Model<ZkControllerState, ZkControllerAction> {
  const both: ZkControllerConfig = { ...config, maxLeaderEpoch: UNBOUNDED, maxInFlight: UNBOUNDED };
  const epochLifted: ZkControllerConfig = { ...config, maxLeaderEpoch: UNBOUNDED };
  const boundRefusal = (s: ZkControllerState, a: ZkControllerAction): string | null => {
    if (zkControllerNext(both, s, a) === undefined) return null;
    return zkControllerNext(epochLifted, s, a) !== undefined ? `maxLeaderEpoch=${config.maxLeaderEpoch}` : `maxInFlight=${config.maxInFlight}`;
  };
  return Object.assign(Object.create(model) as Model<ZkControllerState, ZkControllerAction>, { boundRefusal });
}
