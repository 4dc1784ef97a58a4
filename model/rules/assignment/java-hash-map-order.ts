// The iteration order of a java.util.HashMap filled by put() in a given order and never removed from — needed
// because Kafka's StripedReplicaPlacer draws its per-rack random offsets while iterating a HashMap of rack names.
// Rule (OpenJDK HashMap.putVal/resize): bucket = (h ^ h>>>16) & (capacity-1); a bucket keeps insertion order,
// resize splits buckets without reordering, so the order is (final bucket, insertion index).

/** String.hashCode(): s[0]*31^(n-1) + … + s[n-1] in Java int arithmetic, over UTF-16 code units. */
export function javaStringHashCode(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return hash;
}

/** HashMap.hash(key): the key's hashCode with its high half folded into the low half. */
export function spreadHash(hashCode: number): number {
  return (hashCode ^ (hashCode >>> 16)) | 0;
}

const DEFAULT_CAPACITY = 16;
const LOAD_FACTOR = 0.75;
const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_CAPACITY = 64;

/**
 * The order in which a HashMap iterates `keys` (distinct, in put order), given each key's hashCode.
 * Tracks the table capacity exactly: it doubles when size exceeds 0.75 × capacity, and also when a bucket
 * already holding 8 entries gets a 9th while the table is below 64 buckets (treeifyBin resizes instead).
 * A 9th entry in one bucket of a table of 64 or more would turn the bucket into a red-black tree, whose order
 * for Optional<String> keys with equal hashes depends on System.identityHashCode: Kafka's order is then not
 * deterministic, so this throws rather than guess.
 */
export function hashMapIterationOrder<K>(keys: readonly K[], hashCodeOf: (key: K) => number): readonly K[] {
  const hashes = keys.map((key) => spreadHash(hashCodeOf(key)));
  let capacity = DEFAULT_CAPACITY;
  for (let size = 0; size < hashes.length; size++) {
    const hash = hashes[size] as number;
    let inBucket = 0;
    for (let earlier = 0; earlier < size; earlier++) {
      if (((hashes[earlier] as number) & (capacity - 1)) === (hash & (capacity - 1))) inBucket++;
    }
    if (inBucket >= TREEIFY_THRESHOLD) {
      if (capacity < MIN_TREEIFY_CAPACITY) capacity *= 2;
      else throw new Error('java.util.HashMap would treeify a bucket of colliding rack names: its order is not deterministic');
    }
    if (size + 1 > capacity * LOAD_FACTOR) capacity *= 2;
  }
  const order = keys.map((key, index) => ({ key, index, bucket: (hashes[index] as number) & (capacity - 1) }));
  order.sort((a, b) => a.bucket - b.bucket || a.index - b.index);
  return order.map((entry) => entry.key);
}
