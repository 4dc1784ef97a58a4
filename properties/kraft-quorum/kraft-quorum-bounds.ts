// Which fair KRaft steps only the model's bounds refuse — an election timer that would enter an epoch above
// maxEpoch, a send that would put more than maxMessages in flight — so that a run stopping there is reported as
// the end of the explored world ("bounded"), not as a quorum that never elects (Model.boundRefusal).
import type { Model } from '../../src/contract/model.ts';
import type { KraftQuorumAction } from '../../model/kraft-quorum/kraft-quorum-actions.ts';
import { kraftEnv } from '../../model/kraft-quorum/kraft-quorum-model.ts';
import { kraftQuorumNext } from '../../model/kraft-quorum/kraft-quorum-next.ts';
import type { KraftQuorumConfig, KraftQuorumState } from '../../model/kraft-quorum/kraft-quorum-state.ts';

const UNBOUNDED = 1_000_000;

/** The model whose boundRefusal names maxEpoch or maxMessages when the same step with that bound lifted is taken. */
export function withKraftBoundRefusal(model: Model<KraftQuorumState, KraftQuorumAction>, config: KraftQuorumConfig): Model<KraftQuorumState, KraftQuorumAction> {
  const epochsLifted = kraftEnv({ ...config, maxEpoch: UNBOUNDED });
  const bothLifted = kraftEnv({ ...config, maxEpoch: UNBOUNDED, maxMessages: UNBOUNDED });
  const boundRefusal = (s: KraftQuorumState, a: KraftQuorumAction): string | null => {
    // Most refused steps are refused by the protocol, not a bound: one evaluation with both lifted settles those.
    if (kraftQuorumNext(bothLifted, s, a) === undefined) return null;
    return kraftQuorumNext(epochsLifted, s, a) !== undefined ? `maxEpoch=${config.maxEpoch}` : `maxMessages=${config.maxMessages}`;
  };
  return Object.assign(Object.create(model) as Model<KraftQuorumState, KraftQuorumAction>, { boundRefusal });
}
