// The read that precedes every ZK-mode election: PartitionStateMachine.doElectLeaderForPartitions @ apache/kafka
// 7c429f3514d^ reads the partition state znode and aborts when a newer controller already wrote it — a second,
// read-side fence next to the epochZkVersion check on the write.
import { leaderAndIsrOf, type LeaderAndIsr, type ZkState } from './zk-state.ts';

export type PartitionRead =
  | { readonly type: 'ok'; readonly leaderAndIsr: LeaderAndIsr; readonly controllerEpoch: number }
  /** No state znode: StateChangeFailedException "LeaderAndIsr information doesn't exist". */
  | { readonly type: 'noState' }
  /** The znode's controllerEpoch is above ours: another controller was elected; the election is aborted. */
  | { readonly type: 'writtenByNewerController'; readonly controllerEpoch: number };

export function readPartitionForElection(zk: ZkState, partition: number, myControllerEpoch: number): PartitionRead {
  const node = zk.partitions[partition] ?? null;
  if (node === null) return { type: 'noState' };
  if (node.controllerEpoch > myControllerEpoch) return { type: 'writtenByNewerController', controllerEpoch: node.controllerEpoch };
  return { type: 'ok', leaderAndIsr: leaderAndIsrOf(node), controllerEpoch: node.controllerEpoch };
}
