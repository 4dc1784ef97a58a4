// Zombie-controller fencing (KAFKA-6082): every controller write is sent as a ZK multi whose first op is
// check(/controller_epoch, version == the controller's epochZkVersion). KafkaZkClient.wrapRequestWithControllerEpochCheck
// and unwrapResponseWithControllerEpochCheck @ apache/kafka 7c429f3514d^: a failed check is ControllerMovedException.
import { MATCH_ANY_VERSION, type ZkState } from './zk-state.ts';

/**
 * A fenced write's outcome. `zk` is always the resulting tree (unchanged unless `ok`).
 * - `ok`: the check passed (or was not requested) and the wrapped op ran; `value` is its result.
 * - `controllerMoved`: the check op failed with BADVERSION → ControllerMovedException, nothing was written.
 * - `zkError`: the check op failed otherwise (/controller_epoch missing: NONODE) → a plain KeeperException.
 */
export type Fenced<T> =
  | { readonly type: 'ok'; readonly zk: ZkState; readonly value: T }
  | { readonly type: 'controllerMoved'; readonly zk: ZkState }
  | { readonly type: 'zkError'; readonly zk: ZkState; readonly code: 'NONODE' };

/**
 * The check op on /controller_epoch. `expectedEpochZkVersion` is the controller's epochZkVersion;
 * MATCH_ANY_VERSION (-1) sends the request unwrapped (no check), as Kafka does for non-controller writes.
 * Kafka rejects any other negative value with IllegalArgumentException (a programming error, thrown here too).
 */
export function controllerEpochCheck(zk: ZkState, expectedEpochZkVersion: number): 'OK' | 'BADVERSION' | 'NONODE' {
  if (expectedEpochZkVersion === MATCH_ANY_VERSION) return 'OK';
  if (expectedEpochZkVersion < 0) {
    throw new Error(`expected controller epoch zkVersion ${expectedEpochZkVersion} must be >= 0 or ${MATCH_ANY_VERSION}`);
  }
  if (zk.controllerEpoch === null) return 'NONODE';
  return zk.controllerEpoch.version === expectedEpochZkVersion ? 'OK' : 'BADVERSION';
}

/** Runs `op` only if the epoch check passes; the multi is atomic, so a failed check writes nothing. */
export function fenced<T>(
  zk: ZkState,
  expectedEpochZkVersion: number,
  op: (zk: ZkState) => { readonly zk: ZkState; readonly value: T },
): Fenced<T> {
  const check = controllerEpochCheck(zk, expectedEpochZkVersion);
  if (check === 'BADVERSION') return { type: 'controllerMoved', zk };
  if (check === 'NONODE') return { type: 'zkError', zk, code: 'NONODE' };
  const done = op(zk);
  return { type: 'ok', zk: done.zk, value: done.value };
}
