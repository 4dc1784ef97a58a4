// Which fair ZooKeeper-controller steps only the model's bounds refuse — a leader election past maxLeaderEpoch, a
// send that would put more than maxInFlight requests on the wire — so that a liveness counterexample stopping
// there is reported bounded (the end of the explored world), not as a controller that never takes over.
import type { Model } from '../../src/contract/model.ts';
import type { ZkControllerAction } from '../../model/zk-controller/zk-controller-actions.ts';
import { zkControllerNext } from '../../model/zk-controller/zk-controller-next.ts';
import type { ZkControllerConfig, ZkControllerState } from '../../model/zk-controller/zk-controller-state.ts';

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
