// Raw, unfenced writes of /controller_epoch: KafkaZkClient.setControllerEpochRaw (conditional setData) and
// createControllerEpochRaw (create). These are ZooKeeper's own CAS semantics, which all controller fencing rests on.
// Followed: KafkaZkClient.scala and KafkaZkClientTest#testControllerEpochMethods @ apache/kafka 7c429f3514d^.
import { MATCH_ANY_VERSION, type ZkCode, type ZkState } from './zk-state.ts';

export interface RawEpochWrite {
  readonly zk: ZkState;
  readonly code: ZkCode;
}

/**
 * setData /controller_epoch = epoch, expecting zkVersion `expectedVersion` (MATCH_ANY_VERSION = unconditional).
 * NONODE if the node is missing, BADVERSION on a version mismatch, otherwise the version goes up by one.
 */
export function setControllerEpochRaw(zk: ZkState, epoch: number, expectedVersion: number): RawEpochWrite {
  const node = zk.controllerEpoch;
  if (node === null) return { zk, code: 'NONODE' };
  if (expectedVersion !== MATCH_ANY_VERSION && node.version !== expectedVersion) return { zk, code: 'BADVERSION' };
  return { zk: { ...zk, controllerEpoch: { epoch, version: node.version + 1 } }, code: 'OK' };
}

/** create /controller_epoch = epoch (a new znode has version 0); NODEEXISTS if it is already there. */
export function createControllerEpochRaw(zk: ZkState, epoch: number): RawEpochWrite {
  if (zk.controllerEpoch !== null) return { zk, code: 'NODEEXISTS' };
  return { zk: { ...zk, controllerEpoch: { epoch, version: 0 } }, code: 'OK' };
}
