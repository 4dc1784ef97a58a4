// Fenced deletes: KafkaZkClient.deleteController (used by triggerControllerMove / resignation) and
// deleteRecursive with a controller epoch check (topic deletion), @ apache/kafka 7c429f3514d^.
import { fenced, type Fenced } from './fenced-write.ts';
import { withPartition, type ZkState } from './zk-state.ts';

/**
 * deleteController: multi { check /controller_epoch version, delete /controller (any version) }. Kafka ignores the
 * delete's own result, so a missing /controller is fine; `value` says whether a node was removed.
 */
export function deleteController(zk: ZkState, expectedEpochZkVersion: number): Fenced<boolean> {
  return fenced(zk, expectedEpochZkVersion, (start) =>
    start.controller === null ? { zk: start, value: false } : { zk: { ...start, controller: null }, value: true },
  );
}

/**
 * deleteRecursive(path, expectedEpochZkVersion) applied to a partition's state znode. Kafka first lists the
 * children WITHOUT the epoch check, so a missing path returns false even to a zombie controller; only the deletes
 * carry the check, so an existing path with a stale version is ControllerMovedException and nothing is removed.
 */
export function deletePartitionRecursive(zk: ZkState, partition: number, expectedEpochZkVersion: number): Fenced<boolean> {
  if ((zk.partitions[partition] ?? null) === null) return { type: 'ok', zk, value: false };
  return fenced(zk, expectedEpochZkVersion, (start) => ({ zk: withPartition(start, partition, null), value: true }));
}
