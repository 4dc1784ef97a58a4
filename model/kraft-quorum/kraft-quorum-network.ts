// The network as a sorted, bounded multiset, and Kafka's RequestManager bookkeeping over it: a node waits for at
// most one answer per destination; when it resets its connections (any role or epoch change, a restart —
// KafkaRaftClient.resetConnections, see rules' resetsConnections) or completes a request, answers to its older
// requests are no longer expected. Such requests still reach their target (and change it); only the reply is lost.
import { compareMessages, isRequest, isResponse, orphaned, type Message } from './kraft-quorum-messages.ts';

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

/** Rewrites the network: `keep` false drops a message, a request from `node` matching `orphan` loses its reply. */
function rewrite(
  network: readonly Message[],
  keep: (m: Message) => boolean,
  orphan: (m: Message) => boolean,
): readonly Message[] {
  let changed = false;
  const kept: Message[] = [];
  for (const m of network) {
    if (!keep(m)) {
      changed = true;
    } else if (isRequest(m) && !m.orphan && orphan(m)) {
      kept.push(orphaned(m));
      changed = true;
    } else {
      kept.push(m);
    }
  }
  return changed ? kept.sort(compareMessages) : network;
}

/** resetConnections: answers on their way to `node` will be ignored (dropped now), its open requests orphaned. */
export function resetConnections(network: readonly Message[], node: number): readonly Message[] {
  return rewrite(network, (m) => !(isResponse(m) && m.to === node), (m) => m.from === node);
}

/** A crash: connections to `node` break, so everything addressed to it is lost; its open requests are orphaned. */
export function disconnect(network: readonly Message[], node: number): readonly Message[] {
  return rewrite(network, (m) => m.to !== node, (m) => m.from === node);
}

/**
 * `node` handled an answer from `peer`: that request is complete (RequestManager.onResponseResult), so any other
 * answer from `peer` (a duplicate) is no longer expected, nor is one to a duplicated copy of the request.
 */
export function completeRequest(network: readonly Message[], node: number, peer: number): readonly Message[] {
  return rewrite(network, (m) => !(isResponse(m) && m.to === node && m.from === peer), (m) => m.from === node && m.to === peer);
}

/** RequestManager.isReady(peer): no request to `peer` awaits an answer, and no answer from it is on its way. */
export function isReady(network: readonly Message[], node: number, peer: number): boolean {
  for (const m of network) {
    if (isRequest(m) && !m.orphan && m.from === node && m.to === peer) return false;
    if (isResponse(m) && m.from === peer && m.to === node) return false;
  }
  return true;
}

