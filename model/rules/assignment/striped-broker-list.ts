// StripedReplicaPlacer.BrokerList (org.apache.kafka.metadata.placement, apache/kafka 1eb7644349cb) as immutable
// data: a sorted list of broker ids walked round-robin from a random offset. Each new iteration epoch restarts
// the walk one place further on; within an epoch each broker is returned at most once, then -1.

import { collectionsShuffle, nextInt, type JavaRandom } from './java-random.ts';

export interface BrokerList {
  readonly brokers: readonly number[];
  /** How many brokers were returned in the current epoch. */
  readonly index: number;
  /** Added (mod size) to the index to pick the entry. */
  readonly offset: number;
  /** The last epoch next() was called with; all three counters start at 0. */
  readonly epoch: number;
}

export function brokerList(brokers: readonly number[], offset = 0): BrokerList {
  return { brokers, index: 0, offset, epoch: 0 };
}

/** BrokerList.initialize(random): sort the ids, then draw offset = nextInt(size) — even when size is 1. */
export function initializeBrokerList(list: BrokerList, random: JavaRandom): readonly [BrokerList, JavaRandom] {
  if (list.brokers.length === 0) return [list, random];
  const [offset, next] = nextInt(random, list.brokers.length);
  return [{ ...list, brokers: [...list.brokers].sort((a, b) => a - b), offset }, next];
}

/** BrokerList.shuffle(random): Collections.shuffle of the ids; counters are kept. */
export function shuffleBrokerList(list: BrokerList, random: JavaRandom): readonly [BrokerList, JavaRandom] {
  const [brokers, next] = collectionsShuffle(list.brokers, random);
  return [{ ...list, brokers }, next];
}

/**
 * BrokerList.next(epoch): -1 when empty; on a new epoch reset the index and move the offset by one; -1 once
 * every broker was returned in this epoch; otherwise brokers[(index + offset) mod size], then index + 1.
 */
export function nextBroker(list: BrokerList, epoch: number): readonly [number, BrokerList] {
  const size = list.brokers.length;
  if (size === 0) return [-1, list];
  let current = list;
  if (current.epoch !== epoch) current = { ...current, epoch, index: 0, offset: (current.offset + 1) % size };
  if (current.index >= size) return [-1, current];
  const broker = current.brokers[(current.index + current.offset) % size] as number;
  return [broker, { ...current, index: current.index + 1 }];
}
