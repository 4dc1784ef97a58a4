// Conformance adapters for replica assignment: runs assignment.json (AdminRackAwareTest, AdminZkClient,
// StripedReplicaPlacerTest vectors) through model/rules/assignment and diffs the result with `vector.expected`.
// Random placements use the vector's MockRandom(17); admin vectors with a -1 start index only expect errors.

import { compareGiven } from '../../src/conformance/compare-given.ts';
import { type Adapter, type AdapterTable, type Vector, type VectorVerdict, understanding } from '../../src/conformance/vector.ts';
import {
  addPartitionsStartIndex, assignReplicasToBrokers, brokerList, createNewPartitionsAssignment, javaRandom,
  mockRandom, newRackList, nextBroker, placeOnRackList, rackAlternatedBrokerList, stripedReplicaPlacerPlace,
  type BrokerMetadata, type JavaRandom, type PlacementResult, type UsableBroker,
} from '../../model/rules/assignment/index.ts';

import { BadVector, int, ints, obj, type Obj } from './vector-input.ts';
function rack(value: unknown, what: string): string | null {
  if (value !== null && typeof value !== 'string') throw new BadVector(`${what} is not a rack name or null`);
  return value;
}
function brokers(value: unknown): readonly BrokerMetadata[] {
  if (!Array.isArray(value)) throw new BadVector('brokers is not a list');
  return value.map((b, i) => ({ id: int(obj(b, `brokers[${i}]`).id, `brokers[${i}].id`), rack: rack(obj(b, 'broker').rack, `brokers[${i}].rack`) }));
}
function usableBrokers(value: unknown): readonly UsableBroker[] {
  if (!Array.isArray(value)) throw new BadVector('usableBrokersInIterationOrder is not a list');
  return value.map((b, i) => {
    const o = obj(b, `usableBrokers[${i}]`);
    if (typeof o.fenced !== 'boolean') throw new BadVector(`usableBrokers[${i}].fenced is not a boolean`);
    return { id: int(o.id, `usableBrokers[${i}].id`), rack: rack(o.rack, `usableBrokers[${i}].rack`), fenced: o.fenced };
  });
}
/** "MockRandom(seed=17)" → Kafka's MockRandom; "Random(seed=N)" → java.util.Random. */
function randomOf(value: unknown): JavaRandom {
  const text = String(value);
  const mock = /^MockRandom\(seed=(-?\d+)\)$/.exec(text);
  if (mock) return mockRandom(BigInt(mock[1] as string));
  const java = /^Random\(seed=(-?\d+)\)$/.exec(text);
  if (java) return javaRandom(BigInt(java[1] as string));
  throw new BadVector(`unknown random ${text}`);
}

const show = (value: unknown): string => JSON.stringify(value);
const pass: VectorVerdict = { status: 'pass', detail: '' };

/** Compares named fields; the first mismatch becomes the detail. */
function compare(pairs: readonly (readonly [string, unknown, unknown])[]): VectorVerdict {
  for (const [name, expected, actual] of pairs) {
    if (show(expected) !== show(actual)) return { status: 'fail', detail: `${name}: expected ${show(expected)}, got ${show(actual)}` };
  }
  return pass;
}

/**
 * A placement result against {error, message?} or {placements} / {assignment} keyed by partition id, comparing only
 * the keys the vector gives; `count(placements)` and `count(placements[0])` (per replica list, per leader) are
 * aggregates over the placements, as StripedReplicaPlacerTest asserts counts rather than lists.
 */
function compareResult(expected: Obj, result: PlacementResult, asMap: boolean): VectorVerdict {
  if (expected.error !== undefined) {
    if (result.ok) return { status: 'fail', detail: `expected ${String(expected.error)}, got an assignment ${show(result.assignment)}` };
    return compareGiven(expected, { error: result.error, message: result.message });
  }
  if (!result.ok) return { status: 'fail', detail: `expected an assignment, got ${result.error}: ${result.message}` };
  if (!asMap) return compareGiven(expected, { placements: result.assignment });
  const actual = Object.fromEntries(result.assignment.map((replicas, i) => [String(result.firstPartitionId + i), replicas]));
  return compareGiven(expected, { assignment: actual, placements: result.assignment });
}

function guarded(run: (input: Obj, expected: Obj) => VectorVerdict): Adapter {
  return (vector: Vector) => {
    try {
      return run(obj(vector.input, 'input'), obj(vector.expected, 'expected'));
    } catch (error) {
      if (error instanceof BadVector) return { status: 'fail', detail: `malformed vector ${vector.id}: ${error.message}` };
      throw error;
    }
  };
}

const adminAssign = guarded((input, expected) =>
  compareResult(
    expected,
    assignReplicasToBrokers({
      brokers: brokers(input.brokers),
      nPartitions: int(input.nPartitions, 'nPartitions'),
      replicationFactor: int(input.replicationFactor, 'replicationFactor'),
      fixedStartIndex: int(input.fixedStartIndex, 'fixedStartIndex'),
      startPartitionId: int(input.startPartitionId, 'startPartitionId'),
    }),
    true,
  ),
);

const rackAlternatedList = guarded((input, expected) => {
  const map = obj(input.brokerRacks, 'brokerRacks');
  const list = rackAlternatedBrokerList(Object.keys(map).map((id) => ({ id: int(Number(id), `broker id ${id}`), rack: rack(map[id], `rack of ${id}`) })));
  return compare([['list', expected.list, list]]);
});

/** Rebuilds the existing topic from partition 0 and the count, derives Kafka's start index and ids, then places. */
const addPartitions = guarded((input, expected) => {
  const all = brokers(input.brokers);
  const partitionZero = ints(input.existingPartition0, 'existingPartition0');
  const existingCount = int(input.existingPartitionCount, 'existingPartitionCount');
  const existing = Array.from({ length: existingCount }, () => partitionZero);
  const derived = compare([
    ['startIndex', input.fixedStartIndex, addPartitionsStartIndex(all, partitionZero)],
    ['startPartitionId', input.startPartitionId, existingCount],
    ['replicationFactor', input.replicationFactor, partitionZero.length],
  ]);
  if (derived.status !== 'pass') return derived;
  const result = createNewPartitionsAssignment({
    topic: 'topic',
    existingAssignment: existing,
    brokers: all,
    numPartitions: existingCount + int(input.nPartitions, 'nPartitions'),
  });
  return compareResult(expected, result, true);
});

const rackListPlaceRepeated = guarded((input, expected) => {
  let rackList = newRackList(randomOf(input.random), usableBrokers(input.usableBrokersInIterationOrder));
  const shape = compare(
    (['numTotalBrokers', 'numUnfencedBrokers', 'rackNames'] as const)
      .filter((key) => expected[key] !== undefined)
      .map((key) => [key, expected[key], rackList[key]] as const),
  );
  if (shape.status !== 'pass') return shape;
  const placements: (readonly number[])[] = [];
  for (let call = 0; call < int(input.calls, 'calls'); call++) {
    const placed = placeOnRackList(rackList, int(input.replicationFactor, 'replicationFactor'));
    if (!placed.ok) return { status: 'fail', detail: `call ${call + 1}: ${placed.error}: ${placed.message}` };
    placements.push(placed.replicas);
    rackList = placed.rackList;
  }
  return compare([['placements', expected.placements, placements]]);
});

const stripedPlace = guarded((input, expected) =>
  compareResult(
    expected,
    stripedReplicaPlacerPlace({
      brokers: usableBrokers(input.usableBrokersInIterationOrder),
      numPartitions: int(input.numPartitions, 'numPartitions'),
      replicationFactor: int(input.replicationFactor, 'replicationFactor'),
      random: randomOf(input.random),
      startPartition: int(input.startPartition, 'startPartition'),
    }),
    false,
  ),
);

const brokerListNext = guarded((input, expected) => {
  let list = brokerList(ints(input.brokers, 'brokers'), int(input.offset, 'offset'));
  const results = ints(input.calls, 'calls').map((epoch) => {
    const [broker, next] = nextBroker(list, epoch);
    list = next;
    return broker;
  });
  return compare([['results', expected.results, results]]);
});

export const assignmentAdapters: AdapterTable = {
  'AdminUtils.assignReplicasToBrokers': understanding(["assignment", "error", "message"], adminAssign),
  'AdminUtils.getRackAlternatedBrokerList': understanding(["list"], rackAlternatedList),
  'AdminZkClient.createNewPartitionsAssignment -> AdminUtils': understanding(["assignment"], addPartitions),
  'StripedReplicaPlacer.RackList.place (repeated)': understanding(["numTotalBrokers", "numUnfencedBrokers", "placements", "rackNames"], rackListPlaceRepeated),
  'StripedReplicaPlacer.place': understanding(["error", "message", "placements"], stripedPlace),
  'StripedReplicaPlacer.BrokerList.next': understanding(["results"], brokerListNext),
};
