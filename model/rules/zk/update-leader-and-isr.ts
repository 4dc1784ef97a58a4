// Fenced partition-state writes: KafkaZkClient.updateLeaderAndIsr (and createTopicPartitionStatesRaw for new
// partitions) @ apache/kafka 7c429f3514d^. Each partition is its own multi { check /controller_epoch version,
// setData state expecting the partition's zkVersion (= partitionEpoch) }: a second CAS per partition.
import { controllerEpochCheck, fenced, type Fenced } from './fenced-write.ts';
import { withPartition, type LeaderAndIsr, type ZkState } from './zk-state.ts';

/** One partition to write; `leaderAndIsr.partitionEpoch` is the expected zkVersion of its state znode. */
export interface PartitionWrite {
  readonly partition: number;
  readonly leaderAndIsr: LeaderAndIsr;
}

/** UpdateLeaderAndIsrResult as data. */
export interface UpdateLeaderAndIsrResult {
  /** Written; partitionEpoch is the znode's new zkVersion. */
  readonly finished: readonly PartitionWrite[];
  /** BADVERSION on the partition's own CAS: the controller re-reads and retries these. */
  readonly retry: readonly number[];
  /** Other failures (the state znode does not exist: NONODE). */
  readonly failed: readonly { readonly partition: number; readonly code: 'NONODE' }[];
}

/**
 * Writes each partition's new state tagged with `controllerEpoch`. A failed epoch check on any partition's multi
 * throws ControllerMovedException for the whole call (`controllerMoved`, nothing written: every multi carries the
 * same check). Kafka catches any other exception and fails every partition with it, so a missing /controller_epoch
 * gives `ok` with all partitions in `failed` (NONODE). Give each partition at most once (Kafka passes a Map).
 */
export function updateLeaderAndIsr(
  zk: ZkState,
  updates: readonly PartitionWrite[],
  controllerEpoch: number,
  expectedEpochZkVersion: number,
): Fenced<UpdateLeaderAndIsrResult> {
  if (controllerEpochCheck(zk, expectedEpochZkVersion) === 'NONODE') {
    const failed = updates.map((u) => ({ partition: u.partition, code: 'NONODE' as const }));
    return { type: 'ok', zk, value: { finished: [], retry: [], failed } };
  }
  return fenced(zk, expectedEpochZkVersion, (start) => {
    let next = start;
    const finished: PartitionWrite[] = [];
    const retry: number[] = [];
    const failed: { partition: number; code: 'NONODE' }[] = [];
    for (const { partition, leaderAndIsr } of updates) {
      const node = next.partitions[partition] ?? null;
      if (node === null) {
        failed.push({ partition, code: 'NONODE' });
      } else if (node.version !== leaderAndIsr.partitionEpoch) {
        retry.push(partition);
      } else {
        const version = node.version + 1;
        next = withPartition(next, partition, {
          leader: leaderAndIsr.leader,
          leaderEpoch: leaderAndIsr.leaderEpoch,
          isr: leaderAndIsr.isr,
          leaderRecoveryState: leaderAndIsr.leaderRecoveryState,
          controllerEpoch,
          version,
        });
        finished.push({ partition, leaderAndIsr: { ...leaderAndIsr, partitionEpoch: version } });
      }
    }
    return { zk: next, value: { finished, retry, failed } };
  });
}

/**
 * Fenced create of new partitions' state znodes (PartitionStateMachine.initializeLeaderAndIsrForPartitions via
 * createTopicPartitionStatesRaw). A created znode has version 0, so partitionEpoch starts at 0; an existing one
 * gives NODEEXISTS (Kafka then reports the partition as failed). The input partitionEpoch is ignored.
 */
export function createTopicPartitionStates(
  zk: ZkState,
  creates: readonly PartitionWrite[],
  controllerEpoch: number,
  expectedEpochZkVersion: number,
): Fenced<{ readonly created: readonly PartitionWrite[]; readonly nodeExists: readonly number[] }> {
  return fenced(zk, expectedEpochZkVersion, (start) => {
    let next = start;
    const created: PartitionWrite[] = [];
    const nodeExists: number[] = [];
    for (const { partition, leaderAndIsr } of creates) {
      if ((next.partitions[partition] ?? null) !== null) {
        nodeExists.push(partition);
        continue;
      }
      const { partitionEpoch: _ignored, ...data } = leaderAndIsr;
      next = withPartition(next, partition, { ...data, controllerEpoch, version: 0 });
      created.push({ partition, leaderAndIsr: { ...leaderAndIsr, partitionEpoch: 0 } });
    }
    return { zk: next, value: { created, nodeExists } };
  });
}
