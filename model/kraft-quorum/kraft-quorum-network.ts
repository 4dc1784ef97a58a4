// The network as a sorted, bounded multiset, and Kafka's RequestManager bookkeeping over it: a node waits for at
// most one answer per destination; when it resets its connections (any role or epoch change, a restart —
// KafkaRaftClient.resetConnections, see rules' resetsConnections) or completes a request, answers to its older
// requests are no longer expected. Such requests still reach their target (and change it); only the reply is lost.
import { compareMessages, isRequest, isResponse, orphaned, type FetchMessage, type Message, type VoteMessage } from './kraft-quorum-messages.ts';

/** Inserts in sorted position (the bound on messages in flight is checked on the whole step, see the model). */
export function send(network: readonly Message[], messages: readonly Message[]): readonly Message[] {
  if (messages.length === 0) return network;
  const out = network.slice();
  for (const m of messages) {
    let at = out.length;
    while (at > 0 && compareMessages(out[at - 1], m) > 0) at--;
    out.splice(at, 0, m);
  }
  return out;
}

export function indexOfMessage(network: readonly Message[], m: Message): number {
  for (let i = 0; i < network.length; i++) if (compareMessages(network[i], m) === 0) return i;
  return -1;
}

export function removeAt(network: readonly Message[], at: number): readonly Message[] {
  return network.filter((_, i) => i !== at);
}

type Rewrite = 'reset' | 'disconnect' | 'complete';

/**
 * Rewrites the network for `node` (and `peer` when a request completes): drops what will never be handled and
 * orphans the requests whose answer will be ignored. Loops, not callbacks: this runs on almost every step.
 */
function rewrite(network: readonly Message[], mode: Rewrite, node: number, peer: number): readonly Message[] {
  let out: Message[] | null = null;
  let reorder = false;
  for (let i = 0; i < network.length; i++) {
    const m = network[i];
    const response = m.kind === 'VoteResponse' || m.kind === 'FetchResponse';
    const drop =
      mode === 'disconnect' ? m.to === node : response && m.to === node && (mode === 'reset' || m.from === peer);
    const orphan = !drop && !response && (m.kind === 'Vote' || m.kind === 'Fetch') && !m.orphan && m.from === node && (mode !== 'complete' || m.to === peer);
    if (!drop && !orphan) {
      if (out !== null) out.push(m);
      continue;
    }
    if (out === null) out = network.slice(0, i);
    if (orphan) {
      out.push(orphaned(m as VoteMessage | FetchMessage));
      reorder = true;
    }
  }
  if (out === null) return network;
  return reorder ? out.sort(compareMessages) : out;
}

/** resetConnections: answers on their way to `node` will be ignored (dropped now), its open requests orphaned. */
export function resetConnections(network: readonly Message[], node: number): readonly Message[] {
  return rewrite(network, 'reset', node, -1);
}

/** A crash: connections to `node` break, so everything addressed to it is lost; its open requests are orphaned. */
export function disconnect(network: readonly Message[], node: number): readonly Message[] {
  return rewrite(network, 'disconnect', node, -1);
}

/**
 * `node` handled an answer from `peer`: that request is complete (RequestManager.onResponseResult), so any other
 * answer from `peer` (a duplicate) is no longer expected, nor is one to a duplicated copy of the request.
 */
export function completeRequest(network: readonly Message[], node: number, peer: number): readonly Message[] {
  return rewrite(network, 'complete', node, peer);
}

/** RequestManager.isReady(peer): no request to `peer` awaits an answer, and no answer from it is on its way. */
export function isReady(network: readonly Message[], node: number, peer: number): boolean {
  for (const m of network) {
    if (isRequest(m) && !m.orphan && m.from === node && m.to === peer) return false;
    if (isResponse(m) && m.from === peer && m.to === node) return false;
  }
  return true;
}

