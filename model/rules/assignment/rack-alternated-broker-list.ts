// AdminUtils.getRackAlternatedBrokerList (org.apache.kafka.admin.AdminUtils, formerly kafka.admin.AdminUtils):
// group brokers by rack with ids ascending inside a rack, sort the rack names (String.compareTo), then take one
// broker from each rack in turn, skipping racks that have run out. The rack-aware admin placer walks this list.

import type { BrokerMetadata } from './assignment-types.ts';

/** Java's String.compareTo on UTF-16 code units, which is also what `<` does on JS strings. */
export function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rack-alternated list for brokers that all have a rack (ids must be distinct). */
export function rackAlternatedBrokerList(brokers: readonly BrokerMetadata[]): readonly number[] {
  const racks = [...new Set(brokers.map((broker) => rackOf(broker)))].sort(compareJavaStrings);
  const byRack = racks.map((rack) =>
    brokers
      .filter((broker) => broker.rack === rack)
      .map((broker) => broker.id)
      .sort((a, b) => a - b),
  );
  const result: number[] = [];
  const taken = racks.map(() => 0);
  let rackIndex = 0;
  while (result.length < brokers.length) {
    const rackBrokers = byRack[rackIndex] as readonly number[];
    const next = taken[rackIndex] as number;
    if (next < rackBrokers.length) {
      result.push(rackBrokers[next] as number);
      taken[rackIndex] = next + 1;
    }
    rackIndex = (rackIndex + 1) % racks.length;
  }
  return result;
}

function rackOf(broker: BrokerMetadata): string {
  if (broker.rack === null) throw new Error(`broker ${broker.id} has no rack; the rack-alternated list needs racks on all brokers`);
  return broker.rack;
}
