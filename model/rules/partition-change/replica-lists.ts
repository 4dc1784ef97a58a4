// Small helpers over replica-id lists, after Kafka's `org.apache.kafka.metadata.Replicas`.
// Lists are plain readonly arrays; order matters where Kafka compares `List.equals` (ISR, replicas) and is
// ignored where Kafka compares as sets (`Replicas.contains(List, int[])`).

/** Ordered equality, like Java `List.equals` (Kafka uses it to decide whether a record field changed). */
export function listEquals(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True iff every id of `b` is in `a` (set containment, like `Replicas.contains(List<Integer>, int[])`). */
export function containsAll(a: readonly number[], b: readonly number[]): boolean {
  for (const id of b) if (!a.includes(id)) return false;
  return true;
}

/** `list` without any id of `ids`, order kept (like `Replicas.copyWithout`). */
export function without(list: readonly number[], ids: readonly number[]): readonly number[] {
  if (ids.length === 0) return list;
  let hit = false;
  for (const id of list) if (ids.includes(id)) hit = true;
  return hit ? list.filter((id) => !ids.includes(id)) : list;
}

/**
 * The distinct ids of all lists in ascending order. Kafka builds the ELR and last-known ELR through a Java
 * `HashSet<Integer>`, whose iteration order for small non-negative ids is ascending; the vectors pin that order.
 */
export function ascendingUnion(...lists: readonly (readonly number[])[]): readonly number[] {
  const out: number[] = [];
  for (const list of lists) for (const id of list) if (!out.includes(id)) out.push(id);
  return out.sort((x, y) => x - y);
}

/** True iff the list has no repeated id. */
export function isDistinct(list: readonly number[]): boolean {
  for (let i = 0; i < list.length; i++) if (list.indexOf(list[i]) !== i) return false;
  return true;
}
