// Prose recognizers of the ZooKeeper conformance vectors about partitions: a one-partition cluster driven by
// "A down" / "B restarts" steps through KafkaController's broker failure and startup writes, AlterPartition cases,
// updateLeaderAndIsr batches and the LeaderAndIsr checks, each read into calls of model/rules/zk.
import * as zk from '../../model/rules/zk/index.ts';
import { controllerZk, lai, said, type In, type Rule } from './zk-vector-kit.ts';

/**
 * One partition on brokers named by letters ("A" = 1) under controller 0, with the two ZK writes of
 * KafkaController.onBrokerFailure (onReplicasBecomeOffline: an offline election if it led or the partition is
 * leaderless, then OfflineReplica) and onBrokerStartup (election for a leaderless partition), each write going
 * through the fenced updateLeaderAndIsr.
 */
type Cluster = { z: zk.ZkState; online: number[]; assignment: number[]; unclean: boolean; seen: In };
const id = (name: string) => name.charCodeAt(0) - 64;
const name = (b: number) => (b < 0 ? b : String.fromCharCode(64 + b));
const current = (c: Cluster) => zk.leaderAndIsrOf(c.z.partitions[0]!);
const write = (c: Cluster, next: zk.LeaderAndIsr | null): Cluster =>
  next === null ? c : { ...c, z: zk.updateLeaderAndIsr(c.z, [{ partition: 0, leaderAndIsr: next }], 1, 1).zk };
const elect = (c: Cluster) => write(c, zk.leaderForOffline(current(c), {
  assignment: c.assignment, online: c.online, uncleanLeaderElectionEnabled: c.unclean, isLeaderRecoverySupported: true,
}).leaderAndIsr);
function brokerFails(c: Cluster, b: number): Cluster {
  let next = { ...c, online: c.online.filter((x) => x !== b) };
  // OfflinePartition for partitions it led, then triggerOnlinePartitionStateChange (all leaderless partitions)
  if (current(next).leader === b || current(next).leader === zk.NO_LEADER) next = elect(next);
  return write(next, zk.removeReplicaFromIsr(current(next), b));
}
function brokerStarts(c: Cluster, b: number): Cluster {
  const next = { ...c, online: [...c.online, b] };
  return current(next).leader === zk.NO_LEADER ? elect(next) : next;
}
export function cluster(replicas: string[], isr: string[], leader: string, leaderEpoch: number, unclean: boolean): Cluster {
  const z = controllerZk(lai(id(leader), isr.map(id), 0, leaderEpoch));
  return { z, online: replicas.map(id), assignment: replicas.map(id), unclean, seen: {} };
}
export const observe = (c: Cluster) => {
  const p = c.z.partitions[0]!;
  const { leaderEpoch, controllerEpoch, leaderRecoveryState } = p;
  return { leader: name(p.leader), leaderEpoch, isr: p.isr.map(name), controllerEpoch, leaderRecoveryState };
};
const after = (label: string, c: Cluster): Cluster => ({ ...c, seen: { ...c.seen, [label]: observe(c) } });
export const clusterRules: readonly Rule<Cluster>[] = [
  [/^(\w) (?:down|shuts down)/, (c, m) => after(`after${m[1]}Down`, brokerFails(c, id(m[1])))],
  [/^(\w) restarts/, (c, m) => after(`after${m[1]}Restart`, brokerStarts(c, id(m[1])))],
];

/** AlterPartition cases against the test's base: controller 0 leads [0, 1], ISR [0, 1], epochs 0, broker epoch 50. */
const alterCase: readonly [RegExp, (r: In, m: RegExpMatchArray) => void][] = [
  [/brokerEpoch = leader's - 1/, (r) => { r.brokerEpoch -= 1; }],
  [/sender broker (\d+) unknown/, (r, m) => { r.brokerId = Number(m[1]); }],
  [/unknown topic id/, (r) => { r.item.topicKnown = false; }],
  [/unknown topic name/, (r) => { r.item.topicKnown = false; r.version = 1; }],
  [/unknown partition/, (r) => { r.item.partition = 1; r.version = 1; }],
  [/(partitionEpoch|leaderEpoch)([+-]1)/, (r, m) => { r.item[m[1]] += Number(m[2]); }],
  [/RECOVERING/, (r) => { r.item.leaderRecoveryState = 1; }],
  [/isr=\[(leader|controller)\]/, (r) => { r.item.newIsr = [0]; }],
  [/isr of 2/, (r) => { r.item.newIsr = [0, 1]; }],
  [/leaderRecoveryState=(\d+)/, (r, m) => { r.item.leaderRecoveryState = Number(m[1]); }],
  [/^RECOVERED$/, () => undefined], // the base state already is RECOVERED
];
export function alterPartitionCase(text: string): string {
  if (text.split(/ \+ | with | while /).some((part) => !alterCase.some(([re]) => re.test(part)))) {
    return `?unrecognized case "${text}"`;
  }
  const base = lai(0, [0, 1]);
  const r: In = { brokerId: 0, brokerEpoch: 50, version: 3, item: { partition: 0, leaderEpoch: 0, partitionEpoch: 0 } };
  Object.assign(r.item, { newIsr: [0, 1], leaderRecoveryState: 0 });
  for (const [re, apply] of alterCase) if (re.test(text)) apply(r, text.match(re)!);
  const liveBrokers = [{ brokerId: 0, brokerEpoch: 50 }, { brokerId: 1, brokerEpoch: 60 }];
  const view = { isActive: true, epoch: 1, epochZkVersion: 1, liveBrokers, shuttingDown: [], partitions: [base] };
  const { brokerId, brokerEpoch, version } = r;
  const request: zk.ZkAlterPartitionRequest = { brokerId, brokerEpoch, version, partitions: [r.item] };
  const res = zk.zkAlterPartition(controllerZk(base), view, request);
  return res.topLevelError !== 'NONE' ? `${res.topLevelError} (top level)` : res.partitions[0].error;
}

/** updateLeaderAndIsr prose: t1-0, t1-1 (created at version 0) and t2-0 (absent) are partitions 0, 1, 2. */
const TPS = ['t1-0', 't1-1', 't2-0'];
export function parseUpdates(text: string): zk.PartitionWrite[] | null {
  const writes: zk.PartitionWrite[] = [];
  for (const part of text.split(', ')) {
    const m = part.match(/^(both|t\d-\d) (?:at partitionEpoch (\d+)|\(no node\))/);
    if (m === null) return null;
    for (const tp of m[1] === 'both' ? ['t1-0', 't1-1'] : [m[1]]) {
      writes.push({ partition: TPS.indexOf(tp), leaderAndIsr: lai(1, [1], Number(m[2] ?? 0), 2) });
    }
  }
  return writes;
}
export function describeUpdate(r: zk.Fenced<zk.UpdateLeaderAndIsrResult>): string {
  if (r.type !== 'ok') return `${said(r)} (whole batch)`;
  const { finished, retry, failed } = r.value;
  const epochs = finished.map((f) => f.leaderAndIsr.partitionEpoch);
  if (finished.length === 2 && retry.length + failed.length === 0 && epochs[0] === epochs[1]) {
    return `both succeed, new partitionEpoch (zkVersion) = ${epochs[0]}`;
  }
  if (retry.length === 2 && finished.length + failed.length === 0) {
    return 'both returned in partitionsToRetry (BADVERSION)';
  }
  return [
    ...finished.map((f) => `${TPS[f.partition]} succeeds (partitionEpoch ${f.leaderAndIsr.partitionEpoch})`),
    ...retry.map((p) => `${TPS[p]} to retry`),
    ...failed.map((f) => `${TPS[f.partition]} fails NoNodeException`),
  ].join('; ');
}

/** LeaderAndIsr on a broker that has seen controller epoch 5: request-level check, then the partition check. */
export function leaderAndIsrCheck(i: In): string {
  const request = { brokerEpoch: 1, controllerEpoch: i.controllerEpochOk ? 5 : 4 };
  const check = zk.checkControlRequest({ brokerEpoch: 1, controllerEpoch: 5 }, request);
  if (check.error !== 'NONE') return check.error;
  const d = zk.leaderAndIsrPartitionCheck(i as zk.LeaderAndIsrPartitionInput);
  return d.kind === 'apply' ? 'accept' : d.kind === 'reject' ? d.error : 'topicIdOnly';
}
