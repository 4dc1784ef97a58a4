// For liveness scenarios (timers = 'when-quiet'): a timer fires only once the quorum is otherwise quiet — no
// message in flight and no Fetch, BeginQuorumEpoch or Vote request waiting to be sent — because Kafka's
// timeouts (quorum.election.timeout.ms, quorum.fetch.timeout.ms: seconds) outlast a round trip. The voter that
// has lost touch with its leader (lostContact = 'last') is not waited for: its requests do not arrive.
import { staticActions, type KraftQuorumAction } from './kraft-quorum-actions.ts';
import type { KraftEnv } from './kraft-quorum-node.ts';
import type { KraftQuorumState } from './kraft-quorum-state.ts';

const SENDS = new Set(['SendFetch', 'SendBeginQuorumEpoch', 'ResendVote']);
const sendsOf = new WeakMap<KraftEnv, readonly KraftQuorumAction[]>();

export function quorumIsQuiet(env: KraftEnv, s: KraftQuorumState, step: (s: KraftQuorumState, a: KraftQuorumAction) => KraftQuorumState | undefined): boolean {
  if (s.network.length > 0) return false;
  let sends = sendsOf.get(env);
  if (sends === undefined) {
    const lost = env.config.lostContact === 'last' ? env.config.voters - 1 : -1;
    sends = staticActions(env.config).filter((a) => SENDS.has(a.type) && 'voter' in a && a.voter !== lost);
    sendsOf.set(env, sends);
  }
  return sends.every((a) => step(s, a) === undefined);
}
