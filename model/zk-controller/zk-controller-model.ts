// The `zk-controller` model: ZooKeeper-mode controller election and failover (kafka-reference §3), built from
// Kafka's rule functions in rules/zk. Params choose the election scheme and which fences are on.

import type { Model } from '../../src/contract/model.ts';
import type { ParamValues } from '../../src/contract/params.ts';
import { ACTION_TYPES, describeZkAction, enumerateActions, staticActions, type ZkControllerAction } from './zk-controller-actions.ts';
import { decodeZkController, encodeZkController, zkControllerVariables } from './zk-controller-codec.ts';
import { ZK_FAIRNESS } from './zk-controller-fairness.ts';
import { zkControllerPartialOrder } from './zk-controller-footprint.ts';
import { zkControllerNext } from './zk-controller-next.ts';
import { canonicalizeZkController } from './zk-controller-symmetry.ts';
import { describeZkStep, explainZk, zkControllerPicture } from './zk-controller-view.ts';
import { initialState, type ElectionScheme, type ZkControllerConfig, type ZkControllerState } from './zk-controller-state.ts';
import { zkControllerItfState } from './zk-controller-itf.ts';

export function zkControllerConfig(p: ParamValues): ZkControllerConfig {
  return {
    brokers: p.brokers as number,
    election: p.election as ElectionScheme,
    sessionExpiries: p.sessionExpiries as number,
    crashes: p.crashes as number,
    maxLeaderEpoch: p.maxLeaderEpoch as number,
    maxInFlight: p.maxInFlight as number,
    epochFencing: p.epochFencing as boolean,
    controllerEpochCheck: p.controllerEpochCheck as boolean,
    brokerEpochCheck: p.brokerEpochCheck as boolean,
    watchReregistration: (p.watchReregistration ?? true) as boolean,
    electionSurvivesExpiry: (p.electionSurvivesExpiry ?? true) as boolean,
  };
}

export function zkControllerModel(config: ZkControllerConfig): Model<ZkControllerState, ZkControllerAction> {
  const fixed = staticActions(config);
  const sequential = config.election === 'sequential-node';
  return {
    actionTypes: ACTION_TYPES.filter((t) => (sequential || t !== 'CreateElectionNode') && (config.crashes > 0 || (t !== 'CrashBroker' && t !== 'RestartBroker'))),
    init: () => [initialState(config)],
    actions: (s) => enumerateActions(fixed, s),
    next: (s, a) => zkControllerNext(config, s, a),
    encode: encodeZkController,
    decode: (input) => decodeZkController(input, config.brokers),
    canonicalize: canonicalizeZkController,
    variables: (s) => zkControllerVariables(s, sequential),
    partialOrder: zkControllerPartialOrder(config.brokers),
    describeAction: describeZkAction,
    fairness: ZK_FAIRNESS,
    view: zkControllerPicture,
    itfState: zkControllerItfState,
    describeStep: describeZkStep,
    explain: explainZk,
  };
}
