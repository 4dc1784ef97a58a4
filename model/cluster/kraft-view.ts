// How a state reads with controllerMode=kraft. For the properties, one reading of a partition in either mode:
// ZooKeeper mode reads the state znode and /brokers/topics, KRaft mode the committed metadata log (every record
// in it is committed). For traces, the metadata side: active controller, registrations, unreplayed records.

import type { TraceValue } from '../../src/contract/model.ts';
import type { PartitionRegistration } from '../rules/partition-change/partition-registration.ts';
import type { ClusterState } from './cluster-state.ts';
import { headImage, type KraftBrokerRegistration, type KraftCluster, type MetadataRecord } from './kraft-metadata.ts';

export interface PartitionView {
  /** False for a ZooKeeper-mode partition whose state znode is not created yet. */
  readonly created: boolean;
  readonly leader: number;
  readonly isr: readonly number[];
  /** KIP-966 eligible leader replicas (always [] in ZooKeeper mode). */
  readonly elr: readonly number[];
  readonly replicas: readonly number[];
  readonly adding: readonly number[];
  readonly removing: readonly number[];
}

/** Every partition as the mode's source of truth holds it. */
export function partitionViews(s: ClusterState): PartitionView[] {
  if (s.kraft !== null) {
    return headImage(s.kraft).partitions.map((p) => ({ created: true, leader: p.leader, isr: p.isr, elr: p.elr, replicas: p.replicas, adding: p.addingReplicas, removing: p.removingReplicas }));
  }
  return s.zk.assignment.map((a, p) => {
    const node = s.zk.tree.partitions[p] ?? null;
    return { created: node !== null, leader: node === null ? -1 : node.leader, isr: node === null ? [] : node.isr, elr: [], replicas: a.replicas, adding: a.adding, removing: a.removing };
  });
}

/** The controller epochs held by whoever acts as controller: brokers (ZooKeeper mode) or active KRaft voters. */
export function actingControllerEpochs(s: ClusterState): number[] {
  const brokers = s.brokers.flatMap((b) => (b.controller === null ? [] : [b.controller.epoch]));
  return s.kraft === null ? brokers : [...brokers, ...s.kraft.controllers.filter((e) => e >= 0)];
}

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
