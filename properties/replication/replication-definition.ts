// The `replication` model as the registry sees it: params, properties, and presets — one per data-loss bug Kafka
// has had (each must be found) and the fixed protocols (each must check clean within its bounds). `replicationModel`
// also builds variants with another offline election (kcheck/kafka's hook for a KIP author's rule).

import { defineModel, type PresetSpec } from '../../src/contract/define-model.ts';
import type { OfflineElection } from '../../model/replication/offline-election.ts';
import { replicationConfig } from '../../model/replication/replication-config.ts';
import { replicationModel as buildReplicationModel } from '../../model/replication/replication-model.ts';
import { REPLICATION_FAIRNESS, replicationLiveness, replicationLivenessPresets } from './replication-liveness.ts';
import { replicationPresets } from './replication-presets.ts';
import { replicationProperties } from './replication-properties.ts';

const PARAMS = [
    { name: 'replicas', type: 'int', default: 2, min: 2, max: 3, doc: 'replicas (brokers) of the partition, in assignment order; broker 0 is the preferred leader' },
    { name: 'records', type: 'int', default: 2, min: 1, max: 4, doc: 'records producers may write' },
    { name: 'maxLeaderEpoch', type: 'int', default: 3, min: 1, max: 8, doc: 'bound on leader elections (the controller leader epoch)' },
    { name: 'maxPartitionEpoch', type: 'int', default: 5, min: 1, max: 12, doc: 'bound on controller changes to the partition (ISR changes and elections bump the partition epoch)' },
    { name: 'acks', type: 'enum', default: 'all', values: ['1', 'all'], doc: 'producer acks: 1 = acknowledged on the leader\'s append; all = when the HW passes the record (refused below min ISR)' },
    { name: 'minInsyncReplicas', type: 'int', default: 2, min: 1, max: 3, doc: 'min.insync.replicas (acks=all admission, HW gate, ELR threshold)' },
    { name: 'uncleanLeaderElection', type: 'bool', default: false, doc: 'unclean.leader.election.enable: elect a live replica outside the ISR when none inside is available' },
    {
      name: 'truncation',
      type: 'enum',
      default: 'diverging-epoch',
      values: ['high-watermark', 'kip-101', 'kip-279', 'kip-320', 'diverging-epoch'],
      doc: 'follower truncation: to its own HW (≤ 0.10), KIP-101 epochs (0.11), KIP-279 (2.0), KIP-320 fencing (2.1), diverging epoch in Fetch (≥ 2.8)',
    },
    { name: 'eligibleLeaderReplicas', type: 'bool', default: true, doc: 'KIP-966 eligible leader replicas (KRaft only)' },
    { name: 'dataLossShutdowns', type: 'int', default: 0, min: 0, max: 2, doc: 'power failures that lose a broker\'s unflushed records' },
    { name: 'crashes', type: 'int', default: 1, min: 0, max: 3, doc: 'process crashes (the log survives; an unclean shutdown for KIP-966)' },
    { name: 'cleanShutdowns', type: 'int', default: 1, min: 0, max: 3, doc: 'controlled shutdowns (leadership moved first, log flushed)' },
    { name: 'maximalIsr', type: 'bool', default: true, doc: 'KIP-497: the HW waits for the maximal ISR (committed ∪ pending expansion), not the committed ISR only' },
    { name: 'leaderElection', type: 'enum', default: 'kraft', values: ['kraft', 'zk', 'largest-leo'], doc: 'controller: KRaft PartitionChangeBuilder, ZK election algorithms, or the largest-LEO myth' },
    { name: 'preferredElection', type: 'bool', default: true, doc: 'auto.leader.rebalance.enable: the controller may move leadership back to the preferred replica' },
    { name: 'consumer', type: 'bool', default: true, doc: 'a consumer reads below the HW of presumed leaders (needed by consumed-prefix-stable)' },
    { name: 'reassignments', type: 'int', default: 0, min: 0, max: 3, doc: 'operator reassignments that only reorder the replicas (a new preferred replica for the rebalance)' },
] as const;

export interface ReplicationVariant {
  /** The variant's model name (default: `replication`, or `replication-variant` with `electLeader`). */
  readonly name?: string;
  readonly doc?: string;
  /**
   * Replaces the ZooKeeper controller's offline-partition election (when a leader dies, or a leaderless partition
   * is retried). The variant defaults to leaderElection=zk without ELR and has no presets (add them with extend).
   */
  readonly electLeader?: OfflineElection;
}

const ZK_DEFAULTS: Readonly<Record<string, string | boolean>> = { leaderElection: 'zk', eligibleLeaderReplicas: false };

/** The replication model, or a variant of it with another offline election (`replicationModel({ electLeader })`). */
export function replicationModel(variant: ReplicationVariant = {}) {
  const { electLeader } = variant;
  const name = variant.name ?? (electLeader ? 'replication-variant' : 'replication');
  const params = electLeader ? (PARAMS.map((p) => (p.name in ZK_DEFAULTS ? { ...p, default: ZK_DEFAULTS[p.name] } : p)) as unknown as typeof PARAMS) : PARAMS;
  return defineModel({
    name,
    doc:
      variant.doc ??
      "One partition's replication: produce/fetch/HW, ISR shrink and expand, truncation per era, elections, crashes and power loss — can a committed record be lost?",
    params,
    create: (p) => buildReplicationModel(replicationConfig(p, electLeader)),
    properties: (p) => [...replicationProperties(p), ...replicationLiveness()],
    fairness: REPLICATION_FAIRNESS,
    validate: (p) => {
      if (p.eligibleLeaderReplicas === true && p.leaderElection !== 'kraft') return 'eligibleLeaderReplicas (KIP-966) needs leaderElection=kraft';
      if (electLeader && p.leaderElection !== 'zk') return `${name}: its electLeader replaces the ZooKeeper controller's offline election, so leaderElection must be zk`;
      return undefined;
    },
    // Kafka clamps min.insync.replicas to the replica count (Partition.effectiveMinIsr at apache/kafka 1eb7644349cb;
    // see model/rules/replication/leader-high-watermark.ts), so the run checks the clamped value: say so.
    notes: (p) =>
      Number(p.minInsyncReplicas) > Number(p.replicas)
        ? [`minInsyncReplicas=${p.minInsyncReplicas} is above replicas=${p.replicas}; Kafka clamps it to ${p.replicas} (effectiveMinIsr), so this run checks min.insync.replicas=${p.replicas}`]
        : [],
    // Typed as Preset[] in their own file; defineModel checks each one against PARAMS when defined.
    presets: electLeader ? [] : ([...replicationPresets, ...replicationLivenessPresets] as readonly PresetSpec<any>[]),
  });
}

export const replicationDefinition = replicationModel();
