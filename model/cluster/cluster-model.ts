// The `cluster` model: brokers, one topic placed by a named placer, a ZooKeeper-mode controller that fails over,
// per-partition leaders/ISR/logs, broker failures, controlled shutdown and reassignment, all as one protocol built
// on Kafka's rules (model/rules/zk, model/rules/assignment). Brokers are not symmetric (the assignment names them).

import type { Model } from '../../src/contract/model.ts';
import { actionTypesFor, describeClusterAction, staticActions, type ClusterAction } from './cluster-actions.ts';
import { decodeCluster, encodeCluster } from './cluster-codec.ts';
import type { ClusterConfig } from './cluster-config.ts';
import { clusterNext } from './cluster-next.ts';
import { bootedState } from './booted-state.ts';
import type { ClusterState } from './cluster-state.ts';
import { clusterVariables } from './cluster-variables.ts';

export function clusterModel(config: ClusterConfig): Model<ClusterState, ClusterAction> {
  const fixed = staticActions(config);
  return {
    actionTypes: actionTypesFor(config),
    init: () => [bootedState(config)],
    actions: () => fixed,
    next: (s, a) => clusterNext(config, s, a),
    encode: encodeCluster,
    decode: (r) => decodeCluster(r, config.brokers, config.partitions),
    variables: clusterVariables,
    describeAction: describeClusterAction,
  };
}
