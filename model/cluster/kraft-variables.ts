// controllerMode=kraft, how the metadata side of a state reads in traces: the active controller and its epoch,
// each partition and broker registration as the committed log holds them, and the records each broker has not
// replayed yet (what makes a broker act on older metadata than the controller).

import type { TraceValue } from '../../src/contract/model.ts';
import type { PartitionRegistration } from '../rules/partition-change/partition-registration.ts';
import type { KraftBrokerRegistration, KraftCluster, MetadataRecord } from './kraft-metadata.ts';
import { headImage } from './kraft-metadata.ts';

const ids = (xs: readonly number[]): string => `[${xs.join(', ')}]`;

function partitionText(p: PartitionRegistration): string {
  const moving = p.addingReplicas.length + p.removingReplicas.length > 0 ? ` adding ${ids(p.addingReplicas)} removing ${ids(p.removingReplicas)}` : '';
  const elr = p.elr.length + p.lastKnownElr.length > 0 ? `, ELR ${ids(p.elr)} last known ${ids(p.lastKnownElr)}` : '';
  return `replicas ${ids(p.replicas)}${moving}, leader ${p.leader}, epoch ${p.leaderEpoch}, ISR ${ids(p.isr)}${elr} (partition epoch ${p.partitionEpoch})`;
}

const brokerText = (r: KraftBrokerRegistration): string =>
  r.epoch < 0 ? 'unregistered' : `epoch ${r.epoch}${r.fenced ? ', fenced' : ''}${r.inControlledShutdown ? ', in controlled shutdown' : ''}`;

const recordText = (r: MetadataRecord): string =>
  r.kind === 'partition' ? `p${r.partition}: ${partitionText(r.registration)}` : `broker ${r.broker}: ${brokerText(r.registration)}`;

export function kraftVariables(k: KraftCluster): Record<string, TraceValue> {
  const head = headImage(k);
  return {
    activeController: `voter ${k.controllers.findIndex((e) => e >= 0)}, epoch ${k.controllerEpoch}`,
    partitions: head.partitions.map((p, i) => `p${i}: ${partitionText(p)}`),
    brokerRegistrations: head.brokers.map((r, b) => `${b}: ${brokerText(r)}${k.shutdownOffset[b] >= 0 ? ' (heartbeat manager: CONTROLLED_SHUTDOWN)' : ''}`),
    notReplayed: k.replayed.map((n, b) => `broker ${b}: ${k.tail.length - n === 0 ? 'caught up' : k.tail.slice(n).map(recordText).join('; ')}`),
  };
}
