// `fetch=async`: a Fetch as two steps. The leader handles the request at once (its bookkeeping, ISR expansion and
// HW move then), and the response reaches the follower later, or is lost. On arrival the fetcher applies it only if
// the partition is still fetching from that broker at the requested offset (AbstractFetcherThread.processFetchRequest
// at 3.9.0-rc3 dd5272687e8a: `fetchOffset == currentFetchState.fetchOffset && isReadyForFetch`; no epoch check).

import { noteCommits, settleAcks } from './ghosts.ts';
import { applyFetchResponse, serveFetch } from './follower-steps.ts';
import type { ReplicationConfig } from './replication-config.ts';
import { patchBroker, withBroker, type ReplicationState } from './replication-state.ts';

/** The follower sends a Fetch (one outstanding per follower) and the leader handles it. */
export function sendFetch(state: ReplicationState, id: number, config: ReplicationConfig): ReplicationState | undefined {
  if (state.brokers[id].fetchResponse !== null) return undefined;
  const served = serveFetch(state, id, config);
  if (served === undefined) return undefined;
  if (served.fatal) return served.state === state ? undefined : served.state;
  const next = withBroker(served.state, id, patchBroker(served.state.brokers[id], { fetchResponse: served.response }));
  return noteCommits(settleAcks(next, served.leader, config));
}

/**
 * The response arrives. It is processed only if the follower still fetches from the broker that answered (a
 * leader change moves the partition to another fetcher thread, whose state does not know this request), is not
 * truncating, and its log end offset is still the request's fetch offset; otherwise it is discarded.
 */
export function receiveFetchResponse(state: ReplicationState, id: number): ReplicationState | undefined {
  const f = state.brokers[id];
  const response = f.fetchResponse;
  if (!f.alive || response === null) return undefined;
  const cleared = patchBroker(f, { fetchResponse: null });
  const current = f.role === null && f.leader === response.from && !f.truncating && f.log.length === response.fetchOffset;
  if (!current) return withBroker(state, id, cleared);
  return noteCommits(withBroker(state, id, applyFetchResponse(cleared, response)));
}

/** The response is lost (a closed connection or a request timeout); the fetcher will send the Fetch again. */
export function dropFetchResponse(state: ReplicationState, id: number): ReplicationState | undefined {
  const f = state.brokers[id];
  if (!f.alive || f.fetchResponse === null) return undefined;
  return withBroker(state, id, patchBroker(f, { fetchResponse: null }));
}
