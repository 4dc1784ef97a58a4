// What each placer guarantees about an assignment, as bounds derived from Kafka's rules, and a checker that says
// which properties hold for one concrete assignment (used by `kcheck assign` and the property suites).
// Window bound: if every full round of n partitions gives each broker rf replicas and a partial round of L
// consecutive leaders adds rf rotations of an L-long arc, per-broker counts differ by ≤ min(rf, L, n−rf, n−L).

import {
  balanceSummary, type Assignment, type BrokerMetadata, type PlacerName,
} from '../../model/rules/assignment/index.ts';

/** Max − min replicas per broker added by one partial round of L consecutive leaders over n brokers. */
export function windowSpread(n: number, rf: number, partial: number): number {
  return Math.max(0, Math.min(rf, partial, n - rf, n - partial));
}

export interface PlacementCase {
  readonly placer: PlacerName;
  readonly brokers: readonly BrokerMetadata[];
  readonly partitions: number;
  readonly replicationFactor: number;
  /** AdminUtils' startPartitionId (only the admin placer takes one); -1 = 0. */
  readonly startPartitionId?: number;
}

const rackCount = (brokers: readonly BrokerMetadata[]): number =>
  brokers.map((b) => b.rack).filter((rack, i, all) => all.indexOf(rack) === i).length;

/** True when every rack holds the same number of brokers (trivially so without racks). */
export function equalRacks(brokers: readonly BrokerMetadata[]): boolean {
  const sizes = brokers.map((b) => brokers.filter((other) => other.rack === b.rack).length);
  return sizes.every((size) => size === sizes[0]);
}

/**
 * Leaders: admin and textbook hand out leaders round-robin over one list, so counts differ by ≤ 1. Striped does
 * that only on a single rack (its one unfenced list is advanced once per partition); across racks a list touched
 * only in epoch 0 is not reset after the reshuffle, and leaders drift — no bound (null).
 */
export function leaderBound(placer: PlacerName, brokers: readonly BrokerMetadata[]): number | null {
  if (placer === 'striped') return rackCount(brokers) <= 1 ? 1 : null;
  return 1;
}

/**
 * Replicas: textbook and single-rack striped add one partial round at the end (L = P mod n). Admin's followers
 * use one shift per round, so its start partial round (when startPartitionId is not a multiple of n) and end
 * partial round each add a window. Admin with racks keeps that bound when racks are equal in size (checked by
 * the property suites, not proven); with uneven racks Kafka's own test disables the check — no bound.
 */
export function replicaBound(c: PlacementCase): number | null {
  const n = c.brokers.length;
  const rf = c.replicationFactor;
  if (c.placer === 'textbook') return windowSpread(n, rf, c.partitions % n);
  if (c.placer === 'striped') return rackCount(c.brokers) <= 1 ? windowSpread(n, rf, c.partitions % n) : null;
  if (c.brokers.some((b) => b.rack !== null) && !equalRacks(c.brokers)) return null;
  const first = Math.max(0, c.startPartitionId ?? -1);
  const lead = first % n === 0 ? 0 : Math.min(c.partitions, n - (first % n));
  return windowSpread(n, rf, lead) + windowSpread(n, rf, (c.partitions - lead) % n);
}

/** Admin (rack-aware scan) and striped (racks striped before brokers) put a partition on min(rf, #racks) racks. */
export function rackSpreadGuaranteed(placer: PlacerName): boolean {
  return placer !== 'textbook';
}

export interface PropertyVerdict {
  readonly name: 'distinct-replicas' | 'replication-factor' | 'leader-balance' | 'replica-balance' | 'rack-spread';
  readonly holds: boolean;
  /** Whether the placer promises this property for these inputs (false = measured against the ideal only). */
  readonly guaranteed: boolean;
  readonly detail: string;
}

/** Checks one assignment; a bound the placer does not promise is measured against the textbook ideal. */
export function assignmentProperties(c: PlacementCase, assignment: Assignment): readonly PropertyVerdict[] {
  const balance = balanceSummary(c.brokers, assignment);
  const rf = c.replicationFactor;
  const racks = rackCount(c.brokers);
  const wantRacks = Math.min(rf, racks);
  const leaders = leaderBound(c.placer, c.brokers);
  const replicas = replicaBound(c);
  const replicaYardstick = replicas ?? windowSpread(c.brokers.length, rf, c.partitions % c.brokers.length);
  const clash = assignment.findIndex((r) => new Set(r).size !== r.length);
  const short = assignment.findIndex((r) => r.length !== rf);
  const narrow = balance.racksPerPartition.findIndex((count) => count !== wantRacks);
  return [
    { name: 'distinct-replicas', holds: clash < 0, guaranteed: true, detail: clash < 0 ? 'no broker twice in a partition' : `partition ${clash} repeats a broker` },
    { name: 'replication-factor', holds: short < 0, guaranteed: true, detail: short < 0 ? `every partition has ${rf} replicas` : `partition ${short} has ${assignment[short]?.length} replicas` },
    {
      name: 'leader-balance', holds: balance.leaderSpread <= (leaders ?? 1), guaranteed: leaders !== null,
      detail: `leaders per broker differ by ${balance.leaderSpread} (${leaders === null ? 'no bound guaranteed; ideal ≤ 1' : `bound ≤ ${leaders}`})`,
    },
    {
      name: 'replica-balance', holds: balance.replicaSpread <= replicaYardstick, guaranteed: replicas !== null,
      detail: `replicas per broker differ by ${balance.replicaSpread} (${replicas === null ? `no bound guaranteed; round-robin gives ≤ ${replicaYardstick}` : `bound ≤ ${replicas}`})`,
    },
    {
      name: 'rack-spread', holds: narrow < 0, guaranteed: rackSpreadGuaranteed(c.placer),
      detail: narrow < 0 ? `every partition spans min(rf, racks) = ${wantRacks} rack(s)` : `partition ${narrow} spans ${balance.racksPerPartition[narrow]} of ${wantRacks} rack(s)`,
    },
  ];
}
