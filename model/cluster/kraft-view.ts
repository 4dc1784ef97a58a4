// One reading of a partition for the properties in either controller mode: ZooKeeper mode reads the state znode
// and /brokers/topics; KRaft mode reads the committed metadata log (every record in it is committed), so each
// property is checked per partition against the source of truth of that mode.

import type { ClusterState } from './cluster-state.ts';
import { headImage } from './kraft-metadata.ts';

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
