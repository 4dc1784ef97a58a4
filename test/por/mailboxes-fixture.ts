// Test-only model for partial-order reduction: n producers each send up to k messages into their own mailbox, and
// a delivery (a candidate only while its mailbox holds a message, so it exercises latent footprints) moves one to
// the consumer's count. Only mailbox 0's count is observed, so the other n-1 pipelines are invisible and independent.

import type { ActionFootprint, Model } from '../../src/contract/model.ts';
import type { ModelDefinition } from '../../src/contract/model-definition.ts';
import { always, sometimes } from '../../src/contract/property.ts';

export interface Mailboxes {
  readonly sent: readonly number[];
  readonly queued: readonly number[];
  readonly received: readonly number[];
}
type Step = { readonly type: 'Send'; readonly to: number } | { readonly type: 'Deliver'; readonly to: number };

const set = (xs: readonly number[], i: number, v: number): number[] => xs.map((x, j) => (j === i ? v : x));

/** `brokenFootprint` leaves out that a delivery reads its mailbox, which the footprint check must catch. */
export function mailboxes(n: number, k: number, brokenFootprint = false): Model<Mailboxes, Step> {
  const sends: Step[] = Array.from({ length: n }, (_, to) => ({ type: 'Send', to }));
  const deliveries: Step[] = Array.from({ length: n }, (_, to) => ({ type: 'Deliver', to }));
  const footprint = (a: Step): ActionFootprint =>
    a.type === 'Send'
      ? { reads: [`sent.${a.to}`, `queue.${a.to}`], writes: [`sent.${a.to}`, `queue.${a.to}`] }
      : { reads: brokenFootprint ? [`received.${a.to}`] : [`queue.${a.to}`, `received.${a.to}`], writes: [`queue.${a.to}`, `received.${a.to}`] };
  return {
    actionTypes: ['Send', 'Deliver'],
    init: () => [{ sent: Array(n).fill(0), queued: Array(n).fill(0), received: Array(n).fill(0) }],
    actions: (s) => [...sends, ...deliveries.filter((d) => s.queued[d.to] > 0)],
    next(s, a) {
      if (a.type === 'Send') return s.sent[a.to] < k ? { ...s, sent: set(s.sent, a.to, s.sent[a.to] + 1), queued: set(s.queued, a.to, s.queued[a.to] + 1) } : undefined;
      return s.queued[a.to] > 0 ? { ...s, queued: set(s.queued, a.to, s.queued[a.to] - 1), received: set(s.received, a.to, s.received[a.to] + 1) } : undefined;
    },
    encode(s, out) {
      for (let i = 0; i < n; i++) out.int(s.sent[i] | (s.queued[i] << 8) | (s.received[i] << 16));
    },
    variables: (s) => ({ sent: s.sent, queued: s.queued, received: s.received }),
    partialOrder: {
      footprint,
      latent: deliveries.map(footprint),
    },
  };
}

export const mailboxesDefinition: ModelDefinition<Mailboxes, Step> = {
  name: 'mailboxes',
  doc: 'test fixture for --por',
  params: [
    { name: 'producers', type: 'int', default: 3, min: 1, max: 6, doc: 'producers' },
    { name: 'messages', type: 'int', default: 2, min: 1, max: 5, doc: 'messages per producer' },
    { name: 'limit', type: 'int', default: 9, min: 1, max: 9, doc: 'mailbox 0 must receive fewer than this' },
  ],
  create: (p) => mailboxes(p.producers as number, p.messages as number),
  properties: (p) => [
    always<Mailboxes>('mailbox-0-below-limit', 'mailbox 0 receives fewer than limit messages', (s) => s.received[0] < (p.limit as number), ['received.0']),
    sometimes<Mailboxes>('mailbox-0-received', 'mailbox 0 receives a message', (s) => s.received[0] > 0, ['received.0']),
  ],
  presets: [],
};
