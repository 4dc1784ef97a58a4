// Liveness of KRaft controller election, checked under the model's fairness (kraft-quorum-fairness.ts): a
// stable leader — a live Leader whose epoch a majority of voters follow — is eventually elected, and the quorum
// keeps coming back to one, so a voter that lost touch and rejoins cannot keep it leaderless (KIP-996); and which
// fair steps only the model's bounds refuse (a run stopping there is bounded, not a violation).
import type { ParamValues } from '../../src/contract/params.ts';
import { eventually, leadsTo, type LivenessProperty } from '../../src/contract/property.ts';
import type { KraftQuorumState } from '../../model/kraft-quorum/kraft-quorum-state.ts';
import type { Model } from '../../src/contract/model.ts';
import type { KraftQuorumAction } from '../../model/kraft-quorum/kraft-quorum-actions.ts';
import { kraftEnv } from '../../model/kraft-quorum/kraft-quorum-model.ts';
import { kraftQuorumNext } from '../../model/kraft-quorum/kraft-quorum-next.ts';
import type { KraftQuorumConfig } from '../../model/kraft-quorum/kraft-quorum-state.ts';

/** Some live voter is Leader of its epoch and a majority of voters (itself included) follow it in that epoch. */
export function hasStableLeader(s: KraftQuorumState): boolean {
  const majority = Math.floor(s.voters.length / 2) + 1;
  for (let l = 0; l < s.voters.length; l++) {
    const leader = s.voters[l].es;
    if (leader === null || leader.role !== 'Leader' || s.voters[l].halted) continue;
    let following = 0;
    for (let v = 0; v < s.voters.length; v++) {
      const es = s.voters[v].es;
      if (es === null || s.voters[v].halted || es.epoch !== leader.epoch) continue;
      if (v === l || (es.role === 'Follower' && es.leaderId === l)) following++;
    }
    if (following >= majority) return true;
  }
  return false;
}

/**
 * Some leader has been elected before: some log holds an entry (logs are durable). Every entry was written by a
 * leader after its LeaderChange record, and logs lose only suffixes, so this is "a LeaderChange record is in a
 * log" — stated without reading any one entry, so forgetting a shared prefix (the liveness quotient) keeps it.
 */
export function leaderWasElected(s: KraftQuorumState): boolean {
  return s.voters.some((v) => v.log.length > 0);
}

export function kraftQuorumLiveness(_params: ParamValues): LivenessProperty<KraftQuorumState>[] {
  return [
    eventually(
      'leader-eventually-elected',
      'Every fair run elects a stable leader: a live Leader whose epoch a majority of voters follow (KafkaRaftClient: election timers fire while no leader is known, Vote requests and BeginQuorumEpoch are resent and delivered).',
      hasStableLeader,
    ),
    leadsTo(
      'no-disruption-by-rejoining-voter',
      'Once a leader has been elected, whenever the quorum has no stable leader it gets one again: a voter that lost touch with the leader and rejoins with a higher epoch cannot keep it leaderless (KIP-996: Pre-Vote, and followers that hear from their leader reject it). A run that is leaderless only because maxEpoch refuses the next election is reported bounded, not violated.',
      (s) => !hasStableLeader(s) && leaderWasElected(s),
      hasStableLeader,
    ),
  ];
}

// Bounds: which fair KRaft steps only the model's bounds refuse — an election timer that would enter an epoch above
// maxEpoch, a send that would put more than maxMessages in flight — so that a run stopping there is reported as
// the end of the explored world ("bounded"), not as a quorum that never elects (Model.boundRefusal).
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
