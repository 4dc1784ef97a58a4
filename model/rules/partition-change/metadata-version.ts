// KRaft metadata versions (`MetadataVersion`) as an ordered set of names with their feature levels, and the
// four capability thresholds the partition-change rules depend on: leader recovery (3.2-IV0), no ISR-shrink
// epoch bump (3.6-IV0, KAFKA-15021), directory assignment (3.7-IV2) and ELR (4.0-IV1, KIP-966).

/** Feature level of every KRaft metadata version, from Kafka's `MetadataVersion` enum (apache/kafka@1eb7644). */
const FEATURE_LEVELS = {
  '3.0-IV1': 1,
  '3.1-IV0': 2,
  '3.2-IV0': 3,
  '3.3-IV0': 4,
  '3.3-IV1': 5,
  '3.3-IV2': 6,
  '3.3-IV3': 7,
  '3.4-IV0': 8,
  '3.5-IV0': 9,
  '3.5-IV1': 10,
  '3.5-IV2': 11,
  '3.6-IV0': 12,
  '3.6-IV1': 13,
  '3.6-IV2': 14,
  '3.7-IV0': 15,
  '3.7-IV1': 16,
  '3.7-IV2': 17,
  '3.7-IV3': 18,
  '3.7-IV4': 19,
  '3.8-IV0': 20,
  '3.9-IV0': 21,
  '4.0-IV0': 22,
  '4.0-IV1': 23,
  '4.0-IV2': 24,
  '4.0-IV3': 25,
} as const;

/** A KRaft metadata.version name, e.g. `'3.7-IV2'`. Ordered by feature level. */
export type MetadataVersion = keyof typeof FEATURE_LEVELS;

/** The newest version this model knows; handy as a default. */
export const LATEST_METADATA_VERSION: MetadataVersion = '4.0-IV3';

export function isMetadataVersion(name: string): name is MetadataVersion {
  return Object.prototype.hasOwnProperty.call(FEATURE_LEVELS, name);
}

export function featureLevel(mv: MetadataVersion): number {
  return FEATURE_LEVELS[mv];
}

/** True iff `mv` is at least `floor` (Kafka's `MetadataVersion.isAtLeast`). */
export function isAtLeast(mv: MetadataVersion, floor: MetadataVersion): boolean {
  return FEATURE_LEVELS[mv] >= FEATURE_LEVELS[floor];
}

/** KIP-704: an unclean election marks the partition RECOVERING (`isLeaderRecoverySupported`, ≥ 3.2-IV0). */
export function isLeaderRecoverySupported(mv: MetadataVersion): boolean {
  return isAtLeast(mv, '3.2-IV0');
}

/** KAFKA-15021: before 3.6-IV0 every ISR shrink also bumps the leader epoch. */
export function isLeaderEpochBumpRequiredOnIsrShrink(mv: MetadataVersion): boolean {
  return !isAtLeast(mv, '3.6-IV0');
}

/** JBOD in KRaft: records carry replica directories from 3.7-IV2 (not modelled beyond this flag). */
export function isDirectoryAssignmentSupported(mv: MetadataVersion): boolean {
  return isAtLeast(mv, '3.7-IV2');
}

/** KIP-966 eligible leader replicas need PartitionChangeRecord v2, i.e. 4.0-IV1. */
export function isElrSupported(mv: MetadataVersion): boolean {
  return isAtLeast(mv, '4.0-IV1');
}
