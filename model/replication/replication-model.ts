// The `replication` model: one partition replicated on 2–3 brokers under an abstract, always-available controller,
// built from Kafka's rule functions (rules/replication, rules/partition-change, rules/zk). Params pick the era.

import type { Model } from '../../src/contract/model.ts';
import { actionTypesFor, allActions, describeReplicationAction, type ReplicationAction } from './replication-actions.ts';
import { encodeReplication, replicationVariables } from './replication-codec.ts';
import type { ReplicationConfig } from './replication-config.ts';
import { decodeReplication } from './replication-decode.ts';
import { initialState, replicationNext } from './replication-next.ts';
import type { ReplicationState } from './replication-state.ts';
import { explainReplication } from './replication-step-consequence.ts';
import { describeReplicationStep, replicationView } from './replication-view.ts';
import { replicationItfState } from './replication-itf.ts';
import { replicationPartialOrder } from './replication-footprints.ts';
import { canonicalizeReplication } from './replication-symmetry.ts';

/** `consumeSteps`: the consumer's reads are steps (liveness runs; see actionTypesFor). */
export function replicationModel(config: ReplicationConfig, consumeSteps = false): Model<ReplicationState, ReplicationAction> {
  const actions = allActions(config, consumeSteps);
  return {
    actionTypes: actionTypesFor(config, consumeSteps),
    init: () => [initialState(config)],
    actions: () => actions,
    next: (s, a) => replicationNext(config, s, a),
    encode: encodeReplication,
    decode: (reader) => decodeReplication(reader, config),
    variables: (s) => replicationVariables(s, config),
    describeAction: describeReplicationAction,
    view: replicationView,
    itfState: replicationItfState,
    describeStep: describeReplicationStep,
    explain: explainReplication,
    partialOrder: replicationPartialOrder(config.replicas),
    canonicalize: canonicalizeReplication,
  };
}
