// StripedReplicaPlacer.RackList (org.apache.kafka.metadata.placement, apache/kafka 1eb7644349cb) as immutable
// data: racks (each a fenced and an unfenced BrokerList), their names sorted (no rack first), a random rack
// offset, and an iteration epoch. place(rf) takes the leader from the first rack at/after the offset that has an
// unfenced broker left this epoch, then stripes followers over the racks; every numUnfenced placements it reshuffles.

import { failure, type PlacementFailure, type UsableBroker } from './assignment-types.ts';
import { hashMapIterationOrder, javaStringHashCode } from './java-hash-map-order.ts';
import { collectionsShuffle, nextInt, type JavaRandom } from './java-random.ts';
import { compareJavaStrings } from './rack-alternated-broker-list.ts';
import {
  brokerList,
  initializeBrokerList,
  nextBroker,
  shuffleBrokerList,
  type BrokerList,
} from './striped-broker-list.ts';

/** Optional<String> rack: null = Optional.empty(). */
export type RackName = string | null;

export interface Rack {
  readonly name: RackName;
  readonly fenced: BrokerList;
  readonly unfenced: BrokerList;
}

export interface RackList {
  readonly random: JavaRandom;
  /** The racks in java.util.HashMap iteration order of their names — the order Kafka initializes and shuffles them. */
  readonly racks: readonly Rack[];
  /** Rack names sorted by OptionalStringComparator at construction; Collections.shuffle'd on each reshuffle. */
  readonly rackNames: readonly RackName[];
  readonly numTotalBrokers: number;
  readonly numUnfencedBrokers: number;
  readonly epoch: number;
  readonly offset: number;
}

/** Optional.hashCode(): the string's hashCode, 0 when empty. */
export function rackNameHashCode(name: RackName): number {
  return name === null ? 0 : javaStringHashCode(name);
}

/** OptionalStringComparator: empty first, then String.compareTo. */
export function compareRackNames(a: RackName, b: RackName): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareJavaStrings(a, b);
}

/** new RackList(random, usableBrokers): brokers in the iterator's order (it decides the HashMap's put order). */
export function newRackList(random: JavaRandom, usableBrokers: readonly UsableBroker[]): RackList {
  const names: RackName[] = [];
  for (const broker of usableBrokers) if (!names.includes(broker.rack)) names.push(broker.rack);
  const idsOf = (name: RackName, fenced: boolean): number[] =>
    usableBrokers.filter((b) => b.rack === name && b.fenced === fenced).map((b) => b.id);
  let rng = random;
  const racks: Rack[] = [];
  for (const name of hashMapIterationOrder(names, rackNameHashCode)) {
    const [fenced, afterFenced] = initializeBrokerList(brokerList(idsOf(name, true)), rng);
    const [unfenced, afterUnfenced] = initializeBrokerList(brokerList(idsOf(name, false)), afterFenced);
    rng = afterUnfenced;
    racks.push({ name, fenced, unfenced });
  }
  const rackNames = [...names].sort(compareRackNames);
  let offset = 0;
  if (rackNames.length > 0) [offset, rng] = nextInt(rng, rackNames.length);
  const numUnfencedBrokers = usableBrokers.filter((broker) => !broker.fenced).length;
  return { random: rng, racks, rackNames, numTotalBrokers: usableBrokers.length, numUnfencedBrokers, epoch: 0, offset };
}

export type RackListPlacement =
  | { readonly ok: true; readonly replicas: readonly number[]; readonly rackList: RackList }
  | PlacementFailure;

export function nonPositiveReplicationFactor(rf: number): PlacementFailure {
  return failure('InvalidReplicationFactorException', `Invalid replication factor ${rf}: the replication factor must be positive.`);
}
export function allBrokersFenced(): PlacementFailure {
  return failure('InvalidReplicationFactorException', 'All brokers are currently fenced.');
}
export function tooFewBrokers(rf: number, numTotalBrokers: number): PlacementFailure {
  return failure(
    'InvalidReplicationFactorException',
    `The target replication factor of ${rf} cannot be reached because only ${numTotalBrokers} broker(s) are registered.`,
  );
}

/** RackList.place(rf), checks in RackList's order: rf > 0, rf ≤ total brokers, some broker unfenced. */
export function placeOnRackList(list: RackList, rf: number): RackListPlacement {
  if (rf <= 0) return nonPositiveReplicationFactor(rf);
  if (rf > list.numTotalBrokers) return tooFewBrokers(rf, list.numTotalBrokers);
  if (list.numUnfencedBrokers === 0) return allBrokersFenced();
  const state = { ...list, racks: [...list.racks] };
  // Never reset the epoch for a single unfenced broker: Kafka notes that would loop forever.
  if (state.epoch === state.numUnfencedBrokers && state.numUnfencedBrokers > 1) reshuffle(state);
  if (state.offset === state.rackNames.length) state.offset = 0;
  const rackCount = state.rackNames.length;
  const at = (rackIndex: number): number => state.racks.findIndex((rack) => rack.name === state.rackNames[rackIndex]);
  const replicas: number[] = [];
  let firstRackIndex = state.offset;
  for (let tried = 0; ; tried++) {
    if (tried === rackCount) return loopsForever(state.epoch, 'leader');
    const rack = state.racks[at(firstRackIndex)] as Rack;
    const [leader, unfenced] = nextBroker(rack.unfenced, state.epoch);
    state.racks[at(firstRackIndex)] = { ...rack, unfenced };
    if (leader >= 0) {
      replicas.push(leader);
      break;
    }
    firstRackIndex = (firstRackIndex + 1) % rackCount;
  }
  let rackIndex = state.offset;
  for (let replica = 1; replica < rf; replica++) {
    let result = -1;
    for (let misses = 0; result < 0; misses++) {
      // Once the leader's rack was skipped, a full round of racks that all return -1 never changes state again.
      if (misses > rackCount + 1) return loopsForever(state.epoch, 'follower');
      if (rackIndex === firstRackIndex) firstRackIndex = -1;
      else result = takeFromRack(state.racks, at(rackIndex), state.epoch);
      rackIndex = (rackIndex + 1) % rackCount;
    }
    replicas.push(result);
  }
  return { ok: true, replicas, rackList: { ...state, epoch: state.epoch + 1, offset: state.offset + 1 } };
}

/** Rack.next(epoch): the next unfenced broker, else the next fenced one (updates `racks` in place). */
function takeFromRack(racks: Rack[], index: number, epoch: number): number {
  const rack = racks[index] as Rack;
  const [fromUnfenced, unfenced] = nextBroker(rack.unfenced, epoch);
  if (fromUnfenced >= 0) {
    racks[index] = { ...rack, unfenced };
    return fromUnfenced;
  }
  const [fromFenced, fenced] = nextBroker(rack.fenced, epoch);
  racks[index] = { ...rack, unfenced, fenced };
  return fromFenced;
}

/** RackList.shuffle: Collections.shuffle(rackNames), then per rack (HashMap order) fenced then unfenced; epoch 0. */
function reshuffle(state: { -readonly [K in keyof RackList]: RackList[K] } & { racks: Rack[] }): void {
  let rng = state.random;
  [state.rackNames, rng] = collectionsShuffle(state.rackNames, rng);
  for (let i = 0; i < state.racks.length; i++) {
    const rack = state.racks[i] as Rack;
    const [fenced, afterFenced] = shuffleBrokerList(rack.fenced, rng);
    const [unfenced, afterUnfenced] = shuffleBrokerList(rack.unfenced, afterFenced);
    rng = afterUnfenced;
    state.racks[i] = { ...rack, fenced, unfenced };
  }
  state.random = rng;
  state.epoch = 0;
}

function loopsForever(epoch: number, role: 'leader' | 'follower'): PlacementFailure {
  return failure(
    'PlacerLoopsForever',
    `StripedReplicaPlacer.RackList.place never returns here: every rack's broker lists are exhausted for epoch ${epoch} ` +
      `while looking for a ${role} (lists last used in an earlier epoch 0 are not reset after a reshuffle).`,
  );
}
