// controllerMode=kraft, the metadata part of the state as 32-bit integers and back: the snapshot, the committed
// tail, each broker's replay offset and the heartbeat-manager bits. -1 marks ZooKeeper mode (no metadata log).
// decode(encode(k)) deep-equals k (the cluster codec test round-trips kraft states too).

import type { StateReader, StateWriter } from '../../src/contract/model.ts';
import type { PartitionRegistration } from '../rules/partition-change/partition-registration.ts';
import type { KraftBrokerRegistration, KraftCluster, KraftImage, MetadataRecord } from './kraft-metadata.ts';

/** A length-prefixed int list (also the cluster codec's). */
export const list = (out: StateWriter, xs: readonly number[]): void => {
  out.int(xs.length);
  for (const x of xs) out.int(x);
};
export const readList = (r: StateReader): number[] => {
  const n = r.int();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(r.int());
  return xs;
};
const flags = (out: StateWriter, xs: readonly boolean[]): void => list(out, xs.map((x) => (x ? 1 : 0)));
const readFlags = (r: StateReader): boolean[] => readList(r).map((x) => x === 1);

function partition(out: StateWriter, p: PartitionRegistration): void {
  list(out, p.replicas);
  list(out, p.isr);
  list(out, p.removingReplicas);
  list(out, p.addingReplicas);
  out.int(p.leader);
  out.int(p.leaderRecoveryState === 'RECOVERED' ? 0 : 1);
  out.int(p.leaderEpoch);
  out.int(p.partitionEpoch);
  list(out, p.elr);
  list(out, p.lastKnownElr);
}
const readPartition = (r: StateReader): PartitionRegistration => ({
  replicas: readList(r), isr: readList(r), removingReplicas: readList(r), addingReplicas: readList(r), leader: r.int(),
  leaderRecoveryState: r.int() === 0 ? 'RECOVERED' : 'RECOVERING', leaderEpoch: r.int(), partitionEpoch: r.int(), elr: readList(r), lastKnownElr: readList(r),
});
function broker(out: StateWriter, b: KraftBrokerRegistration): void {
  out.int(b.epoch);
  out.int((b.fenced ? 1 : 0) | (b.inControlledShutdown ? 2 : 0));
}
function readBroker(r: StateReader): KraftBrokerRegistration {
  const epoch = r.int();
  const f = r.int();
  return { epoch, fenced: (f & 1) !== 0, inControlledShutdown: (f & 2) !== 0 };
}

export function encodeKraft(out: StateWriter, k: KraftCluster | null): void {
  if (k === null) return out.int(-1);
  out.int(k.image.partitions.length);
  for (const p of k.image.partitions) partition(out, p);
  for (const b of k.image.brokers) broker(out, b);
  out.int(k.tail.length);
  for (const rec of k.tail) {
    if (rec.kind === 'partition') {
      out.int(0);
      out.int(rec.partition);
      partition(out, rec.registration);
    } else {
      out.int(1);
      out.int(rec.broker);
      broker(out, rec.registration);
    }
  }
  list(out, k.replayed);
  out.int(k.controllerEpoch);
  list(out, k.controllers);
  out.int(k.failoversLeft);
  list(out, k.shutdownOffset);
  flags(out, k.wantShutDown);
  flags(out, k.uncleanStop);
  list(out, k.failedUnder);
  out.int(k.elrElected ? 1 : 0);
}

export function decodeKraft(r: StateReader, brokers: number): KraftCluster | null {
  const n = r.int();
  if (n === -1) return null;
  const partitions: PartitionRegistration[] = [];
  for (let p = 0; p < n; p++) partitions.push(readPartition(r));
  const bs: KraftBrokerRegistration[] = [];
  for (let b = 0; b < brokers; b++) bs.push(readBroker(r));
  const image: KraftImage = { partitions, brokers: bs };
  const tail: MetadataRecord[] = [];
  const m = r.int();
  for (let i = 0; i < m; i++) {
    const kind = r.int();
    if (kind === 0) {
      const p = r.int();
      tail.push({ kind: 'partition', partition: p, registration: readPartition(r) });
    } else {
      const b = r.int();
      tail.push({ kind: 'broker', broker: b, registration: readBroker(r) });
    }
  }
  return {
    image, tail, replayed: readList(r), controllerEpoch: r.int(), controllers: readList(r), failoversLeft: r.int(),
    shutdownOffset: readList(r), wantShutDown: readFlags(r), uncleanStop: readFlags(r), failedUnder: readList(r), elrElected: r.int() === 1,
  };
}
