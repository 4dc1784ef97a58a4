// AdminUtils.assignReplicasToBrokers (org.apache.kafka.admin.AdminUtils @ apache/kafka 1eb7644349cb; the ZK-era
// topic-creation placer, still used by the reassign tool): round-robin leaders from a start index, followers at
// a shift that grows by one each full round, and a rack-aware variant over the rack-alternated broker list.
// Checks and messages follow that file; a -1 start index draws startIndex then shift from the Random, in order.

import {
  failure,
  type BrokerMetadata,
  type PlacementResult,
} from './assignment-types.ts';
import { javaRandom, nextInt, type JavaRandom } from './java-random.ts';
import { rackAlternatedBrokerList } from './rack-alternated-broker-list.ts';

export interface AdminAssignRequest {
  /** Callers (AdminZkClient, the reassign tool) pass brokers sorted by id; ids must be distinct. */
  readonly brokers: readonly BrokerMetadata[];
  readonly nPartitions: number;
  readonly replicationFactor: number;
  /** -1 (default) draws the start index and the first shift from `random`; otherwise both equal this value. */
  readonly fixedStartIndex?: number;
  /** -1 (default) means 0. */
  readonly startPartitionId?: number;
  /** The Random Kafka keeps in AdminUtils.RAND; defaults to `new Random(0)` so results are reproducible. */
  readonly random?: JavaRandom;
}

/**
 * AdminUtils.replicaIndex: the j-th follower's position, `1 + (shift + j) mod (n-1)` after the leader's, so a
 * follower never lands on the leader. Kafka does this in Java int arithmetic; inputs here keep
 * shift + j below 2^31 (the command caps the start index), where the two agree.
 */
export function replicaIndex(firstReplicaIndex: number, secondReplicaShift: number, j: number, nBrokers: number): number {
  const shift = 1 + ((secondReplicaShift + j) % (nBrokers - 1));
  return (firstReplicaIndex + shift) % nBrokers;
}

export function assignReplicasToBrokers(request: AdminAssignRequest): PlacementResult {
  const { brokers, nPartitions, replicationFactor } = request;
  const fixedStartIndex = request.fixedStartIndex ?? -1;
  const random = request.random ?? javaRandom(0);
  if (nPartitions <= 0) return failure('InvalidPartitionsException', 'Number of partitions must be larger than 0.');
  if (replicationFactor <= 0) return failure('InvalidReplicationFactorException', 'Replication factor must be larger than 0.');
  if (replicationFactor > brokers.length) {
    return failure(
      'InvalidReplicationFactorException',
      `Replication factor: ${replicationFactor} larger than available brokers: ${brokers.length}.`,
    );
  }
  if (brokers.every((broker) => broker.rack === null)) {
    return placeRounds(brokers.map((broker) => broker.id), request, fixedStartIndex, random, null);
  }
  // Kafka builds the rack map with rack.orElseThrow(...): any rackless broker fails the rack-aware path.
  if (brokers.some((broker) => broker.rack === null)) {
    return failure('AdminOperationException', 'Not all brokers have rack information for replica rack aware assignment.');
  }
  // A lookup table only (never iterated), so Map order plays no part.
  const racks = new Map(brokers.map((broker) => [broker.id, broker.rack as string]));
  const rackOf = (id: number): string => racks.get(id) as string;
  return placeRounds(rackAlternatedBrokerList(brokers), request, fixedStartIndex, random, rackOf);
}

/** The shared loop; `rackOf` null = rack-unaware followers, otherwise the rack-aware follower scan. */
function placeRounds(
  list: readonly number[],
  request: AdminAssignRequest,
  fixedStartIndex: number,
  random: JavaRandom,
  rackOf: ((id: number) => string) | null,
): PlacementResult {
  const n = list.length;
  let rng = random;
  let startIndex = fixedStartIndex;
  let nextReplicaShift = fixedStartIndex;
  if (fixedStartIndex < 0) {
    [startIndex, rng] = nextInt(rng, n);
    [nextReplicaShift, rng] = nextInt(rng, n);
  }
  const firstPartitionId = Math.max(0, request.startPartitionId ?? -1);
  const numRacks = rackOf === null ? 0 : new Set(list.map(rackOf)).size;
  const assignment: (readonly number[])[] = [];
  for (let i = 0, partitionId = firstPartitionId; i < request.nPartitions; i++, partitionId++) {
    if (partitionId > 0 && partitionId % n === 0) nextReplicaShift += 1;
    const first = (partitionId + startIndex) % n;
    assignment.push(
      rackOf === null
        ? unawareReplicas(list, first, nextReplicaShift, request.replicationFactor)
        : awareReplicas(list, first, nextReplicaShift * numRacks, request.replicationFactor, rackOf, numRacks),
    );
  }
  return { ok: true, firstPartitionId, assignment, random: rng };
}

function unawareReplicas(list: readonly number[], first: number, shift: number, rf: number): readonly number[] {
  const replicas = [list[first] as number];
  for (let j = 0; j < rf - 1; j++) replicas.push(list[replicaIndex(first, shift, j, list.length)] as number);
  return replicas;
}

/**
 * Followers scan the list at replicaIndex(first, shift × numRacks, k) for k = 0, 1, … — k is NOT reset between
 * followers — accepting a broker iff (its rack holds no replica yet or every rack does) and (it holds no replica
 * yet or every broker does).
 */
function awareReplicas(
  list: readonly number[],
  first: number,
  shift: number,
  rf: number,
  rackOf: (id: number) => string,
  numRacks: number,
): readonly number[] {
  const leader = list[first] as number;
  const replicas = [leader];
  const racksWithReplicas = [rackOf(leader)];
  let k = 0;
  for (let j = 0; j < rf - 1; j++) {
    for (;;) {
      const broker = list[replicaIndex(first, shift, k, list.length)] as number;
      const rack = rackOf(broker);
      k += 1;
      const rackOk = !racksWithReplicas.includes(rack) || racksWithReplicas.length === numRacks;
      const brokerOk = !replicas.includes(broker) || replicas.length === list.length;
      if (rackOk && brokerOk) {
        replicas.push(broker);
        if (!racksWithReplicas.includes(rack)) racksWithReplicas.push(rack);
        break;
      }
    }
  }
  return replicas;
}
