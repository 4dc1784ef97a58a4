// The kraft-quorum model as the registry creates it: the safety model (maxEpoch bounds the epoch), carrying a
// liveness quotient whose model bounds the epoch spread instead (epochSpread), so that renumbering epochs
// (kraft-quorum-epoch-quotient.ts) is exactly a bisimulation of what a liveness run explores.
import type { LivenessQuotient, Model } from '../../src/contract/model.ts';
import type { KraftQuorumAction } from '../../model/kraft-quorum/kraft-quorum-actions.ts';
import { describeEpochShift, kraftRepresentative } from '../../model/kraft-quorum/kraft-quorum-epoch-quotient.ts';
import { kraftQuorumModel } from '../../model/kraft-quorum/kraft-quorum-model.ts';
import type { KraftQuorumConfig, KraftQuorumState } from '../../model/kraft-quorum/kraft-quorum-state.ts';
import { withKraftBoundRefusal } from './kraft-quorum-liveness.ts';

type KraftModel = Model<KraftQuorumState, KraftQuorumAction>;

/** The safety model with `livenessQuotient` set; the quotient's model carries the same quotient. */
export function withKraftLivenessQuotient(config: KraftQuorumConfig): KraftModel {
  const spread = { ...config, epochSpread: true };
  const live = withKraftBoundRefusal(kraftQuorumModel(spread), spread);
  const quotient: LivenessQuotient<KraftQuorumState, KraftQuorumAction> = {
    model: live,
    representative: kraftRepresentative,
    describeShift: describeEpochShift,
    note: `states are explored up to renumbered epochs (a loop may return with every epoch higher), so maxEpoch=${config.maxEpoch} bounds the epoch spread, not the epoch`,
  };
  Object.assign(live, { livenessQuotient: quotient });
  return Object.assign(withKraftBoundRefusal(kraftQuorumModel(config), config), { livenessQuotient: quotient });
}
