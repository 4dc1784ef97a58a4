// The `kraft-quorum` model: KRaft controller quorum election and metadata-log replication (kafka-reference §4),
// built from Kafka's rule functions in rules/raft. Params size the cluster and the bounds, and switch on the
// classic Raft mistakes of kafka-bugs.md item 9.
import type { Model } from '../../src/contract/model.ts';
import type { ParamValues } from '../../src/contract/params.ts';
import { ACTION_TYPES, describeKraftAction, enumerateActions, staticActions, type KraftQuorumAction } from './kraft-quorum-actions.ts';
import { decodeKraftQuorum, encodeKraftQuorum } from './kraft-quorum-codec.ts';
import { KRAFT_FAIRNESS } from './kraft-quorum-fairness.ts';
import { kraftQuorumNext } from './kraft-quorum-next.ts';
import type { KraftEnv } from './kraft-quorum-node.ts';
import { initialState, quorumContexts, type KraftQuorumConfig, type KraftQuorumState } from './kraft-quorum-state.ts';
import { kraftQuorumVariables } from './kraft-quorum-view.ts';
import { describeKraftStep, explainKraft, kraftQuorumPicture } from './kraft-quorum-picture.ts';
import { kraftQuorumItfState } from './kraft-quorum-itf.ts';
import { kraftQuorumCanonicalizer } from './kraft-quorum-symmetry.ts';

export function kraftQuorumConfig(p: ParamValues): KraftQuorumConfig {
  return {
    voters: p.voters as number,
    maxEpoch: p.maxEpoch as number,
    records: p.records as number,
    preVote: p.preVote as boolean,
    restarts: p.restarts as number,
    resigns: p.resigns as number,
    maxMessages: p.maxMessages as number,
    drops: p.drops as number,
    duplicates: p.duplicates as number,
    fetchMaxRecords: p.fetchMaxRecords as number,
    diskLosses: p.diskLosses as number,
    directoryIds: p.directoryIds as boolean,
    voteLogCheck: p.voteLogCheck as boolean,
    persistVote: p.persistVote as boolean,
    commitByCountingReplicas: p.commitByCountingReplicas as boolean,
    divergenceCheck: p.divergenceCheck as boolean,
    electionTimers: (p.electionTimers ?? 'all') as 'all' | 'first',
    lostContact: (p.lostContact ?? 'any') as 'any' | 'last',
    timers: (p.timers ?? 'any-time') as 'any-time' | 'when-quiet',
  };
}

/** What every step needs besides the state: the config, each voter's QuorumContext, the HW variant. */
export function kraftEnv(config: KraftQuorumConfig): KraftEnv {
  const contexts = quorumContexts(config);
  const ids = contexts.map((_, id) => id);
  return {
    config,
    contexts,
    hwOptions: { commitByCountingReplicas: config.commitByCountingReplicas },
    others: ids.map((v) => ids.filter((id) => id !== v)),
  };
}

export function kraftQuorumModel(config: KraftQuorumConfig): Model<KraftQuorumState, KraftQuorumAction> {
  const env = kraftEnv(config);
  const contexts = env.contexts;
  const fixed = staticActions(config);
  const present = new Set(fixed.map((a) => a.type));
  // Voters are interchangeable unless a liveness scenario names one (voter 0's timer, the last voter's contact).
  const symmetric = config.electionTimers !== 'first' && config.lostContact !== 'last';
  return {
    actionTypes: ACTION_TYPES.filter(
      (t) => present.has(t) || t === 'Deliver' || (t === 'Drop' && config.drops > 0) || (t === 'Duplicate' && config.duplicates > 0),
    ),
    init: () => [initialState(config, contexts)],
    actions: (s) => enumerateActions(fixed, s),
    next: (s, a) => kraftQuorumNext(env, s, a),
    encode: encodeKraftQuorum,
    decode: (r) => decodeKraftQuorum(r, config, contexts),
    ...(symmetric ? { canonicalize: kraftQuorumCanonicalizer(contexts) } : {}),
    variables: (s) => kraftQuorumVariables(s, contexts),
    describeAction: describeKraftAction,
    fairness: KRAFT_FAIRNESS,
    view: kraftQuorumPicture,
    itfState: kraftQuorumItfState,
    describeStep: describeKraftStep,
    explain: explainKraft,
  };
}
