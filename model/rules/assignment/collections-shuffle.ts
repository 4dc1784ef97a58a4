// java.util.Collections.shuffle(list, rnd) as a pure function: for i from size down to 2, swap element i-1 with
// element rnd.nextInt(i). The JDK uses the same swaps for array-backed and linked lists (the latter via an array),
// so the result depends only on the list and the Random (Kafka's StripedReplicaPlacer reshuffle relies on it).

import { nextInt, type JavaRandom } from './java-random.ts';

/** Returns the shuffled copy and the Random after its draws; the input list is left untouched. */
export function collectionsShuffle<T>(list: readonly T[], random: JavaRandom): readonly [readonly T[], JavaRandom] {
  const items = [...list];
  let current = random;
  for (let i = items.length; i > 1; i--) {
    const [j, next] = nextInt(current, i);
    current = next;
    const held = items[i - 1] as T;
    items[i - 1] = items[j] as T;
    items[j] = held;
  }
  return [items, current];
}
