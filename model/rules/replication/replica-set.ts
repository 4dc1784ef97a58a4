// Sets of broker ids as plain ascending arrays, so replica sets (ISR, maximal ISR, proposals) compare and encode
// deterministically without Map/Set. Kafka keeps these as Scala Sets; order carries no meaning there.

export type ReplicaSet = readonly number[];

/** The ids ascending and without duplicates. */
export function replicaSet(ids: readonly number[]): ReplicaSet {
  const out = [...ids].sort((a, b) => a - b);
  return out.filter((id, i) => i === 0 || out[i - 1] !== id);
}

export function hasReplica(set: ReplicaSet, id: number): boolean {
  return set.includes(id);
}

export function withReplica(set: ReplicaSet, id: number): ReplicaSet {
  return hasReplica(set, id) ? set : replicaSet([...set, id]);
}

export function withoutReplicas(set: ReplicaSet, ids: readonly number[]): ReplicaSet {
  return set.filter((id) => !ids.includes(id));
}

export function sameReplicas(a: ReplicaSet, b: ReplicaSet): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
