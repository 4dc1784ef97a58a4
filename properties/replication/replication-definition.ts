// The `replication` model as the registry sees it: params, properties, and presets — one per data-loss bug Kafka
// has had (each must be found), one per release (kafkaVersion), and the fixed protocols (each must check clean
// within its bounds). `replicationModel` also builds variants with another offline election (kcheck/kafka's hook
// for a KIP author's rule).

import { defineModel, type PresetSpec } from '../../src/contract/define-model.ts';
import type { ParamSpec } from '../../src/contract/params.ts';
import { KAFKA_VERSIONS, TOGGLES } from '../../model/replication/kafka-release.ts';
import type { OfflineElection } from '../../model/replication/offline-election.ts';
import { replicationConfig, resolveRelease } from '../../model/replication/replication-config.ts';
import { replicationModel as buildReplicationModel } from '../../model/replication/replication-model.ts';
import { withReplicationReads } from '../../model/replication/replication-footprints.ts';
import { releasePresets } from './release-presets.ts';
import { REPLICATION_FAIRNESS, REPLICATION_LIVENESS_PARAMS, replicationLiveness, replicationLivenessPresets, withReplicationLiveness } from './replication-liveness.ts';
import { replicationPresets } from './replication-presets.ts';
import { replicationProperties } from './replication-properties.ts';

// The switch params are generated from the release table, so the list is typed as plain ParamSpecs.
const PARAMS: readonly ParamSpec[] = [
    { name: 'replicas', type: 'int', default: 2, min: 2, max: 5, doc: 'replicas (brokers) of the partition, in assignment order; broker 0 is the preferred leader' },
    { name: 'records', type: 'int', default: 2, min: 1, max: 4, doc: 'records producers may write' },
    { name: 'maxLeaderEpoch', type: 'int', default: 3, min: 1, max: 8, doc: 'bound on leader elections (the controller leader epoch)' },
    { name: 'maxPartitionEpoch', type: 'int', default: 5, min: 1, max: 12, doc: 'bound on controller changes to the partition (ISR changes and elections bump the partition epoch)' },
    { name: 'acks', type: 'enum', default: 'all', values: ['1', 'all'], doc: 'producer acks: 1 = acknowledged on the leader\'s append; all = when the HW passes the record (refused below min ISR)' },
    { name: 'minInsyncReplicas', type: 'int', default: 2, min: 1, max: 5, doc: 'min.insync.replicas (acks=all admission, HW gate, ELR threshold)' },
    { name: 'uncleanLeaderElection', type: 'bool', default: false, doc: 'unclean.leader.election.enable: elect a live replica outside the ISR when none inside is available' },
    {
      name: 'kafkaVersion',
      type: 'enum',
      default: 'latest',
      values: [...KAFKA_VERSIONS],
      doc: 'the Kafka release whose code the rules follow; sets every fix switch left auto (latest = 3.9 plus later merged fixes)',
    },
    {
      name: 'truncation',
      type: 'enum',
      default: 'auto',
      values: ['auto', 'high-watermark', 'kip-101', 'kip-279', 'kip-320', 'diverging-epoch'],
      doc: 'shorthand for the truncation switches: to its own HW (≤ 0.10), KIP-101 (0.11), KIP-279 (2.0), KIP-320 (2.1), diverging epoch (≥ 2.8); auto = from kafkaVersion',
    },
    ...TOGGLES.map((t) => ({
      name: t.name,
      type: 'enum' as const,
      default: 'auto',
      values: ['auto', 'true', 'false'],
      doc: `${t.fix}: ${t.doc}; auto = on from ${t.since === 'latest' ? 'latest' : `Kafka ${t.since}`}${t.absentIn ? ` except ${t.absentIn.join(', ')}` : ''}`,
    })),
    { name: 'dataLossShutdowns', type: 'int', default: 0, min: 0, max: 2, doc: 'power failures that lose a broker\'s unflushed records' },
    { name: 'crashes', type: 'int', default: 1, min: 0, max: 3, doc: 'process crashes (the log survives; an unclean shutdown for KIP-966)' },
    { name: 'cleanShutdowns', type: 'int', default: 1, min: 0, max: 3, doc: 'controlled shutdowns (leadership moved first, log flushed)' },
    {
      name: 'leaderElection',
      type: 'enum',
      default: 'auto',
      values: ['auto', 'kraft', 'zk', 'largest-leo', 'znode-race'],
      doc: 'controller: KRaft PartitionChangeBuilder, ZK election algorithms, the largest-LEO myth, or the znode race (any live replica that recreates the znode leads); auto = ZK through 2.8, KRaft from 3.5',
    },
    { name: 'preferredElection', type: 'bool', default: true, doc: 'auto.leader.rebalance.enable: the controller may move leadership back to the preferred replica' },
    { name: 'consumer', type: 'bool', default: true, doc: 'a consumer reads below the HW of presumed leaders: safety runs check consumed-prefix-stable on every state (no read steps, no extra states); liveness runs take the reads as steps (committed-eventually-consumed); false = no consumer, neither is checked' },
    {
      name: 'fetch',
      type: 'enum',
      default: 'atomic',
      values: ['atomic', 'async'],
      doc: 'atomic: a fetch is one step; async: the leader handles the request, the response arrives later, is lost, or is discarded as stale by the fetcher',
    },
    { name: 'hwCheckpoint', type: 'bool', default: false, doc: 'after a crash a broker restores the HW it last checkpointed (periodic checkpoint steps), not its HW at the crash' },
    { name: 'maxRecordsPerFetch', type: 'int', default: 0, min: 0, max: 4, doc: 'records per Fetch response (replica.fetch.max.bytes counted in records); 0 = everything the leader has' },
    {
      name: 'failureDetection',
      type: 'enum',
      default: 'timeout',
      values: ['timeout', 'instant'],
      doc: 'when the controller notices a crash or power loss: timeout = a later SessionExpires step (ZK session / KRaft heartbeat timeout; a KRaft broker may re-register first, the leader acts on its stale view meanwhile); instant = in the same step, which leaves those interleavings out',
    },
    { name: 'reassignments', type: 'int', default: 0, min: 0, max: 3, doc: 'operator reassignments that only reorder the replicas (a new preferred replica for the rebalance)' },
    ...REPLICATION_LIVENESS_PARAMS,
];

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

const ZK_DEFAULTS: Readonly<Record<string, string>> = { leaderElection: 'zk', kip966Elr: 'false' };

/** The replication model, or a variant of it with another offline election (`replicationModel({ electLeader })`). */
export function replicationModel(variant: ReplicationVariant = {}) {
  const { electLeader } = variant;
  const name = variant.name ?? (electLeader ? 'replication-variant' : 'replication');
  const params = electLeader ? PARAMS.map((p) => (p.name in ZK_DEFAULTS ? ({ ...p, default: ZK_DEFAULTS[p.name] } as ParamSpec) : p)) : PARAMS;
  return defineModel({
    name,
    doc:
      variant.doc ??
      "One partition's replication: produce/fetch/HW, ISR shrink and expand, truncation per release, elections, crashes and power loss — can a committed record be lost?",
    params,
    create: (p) => {
      const config = replicationConfig(p, electLeader);
      // Liveness runs take the consumer's reads as fair steps (committed-eventually-consumed); safety runs need not.
      const livenessModel = withReplicationLiveness(buildReplicationModel(config, true), p, config);
      return { ...buildReplicationModel(config), livenessModel };
    },
    // Each safety property carries the state parts it reads, so --por knows which steps are visible.
    properties: (p) => [...withReplicationReads(replicationProperties(p), p.replicas as number), ...replicationLiveness()],
    fairness: REPLICATION_FAIRNESS,
    validate: (p) => {
      const { toggles, leaderElection } = resolveRelease(p);
      if (toggles.kip966Elr && leaderElection !== 'kraft') return 'kip966Elr (KIP-966) needs leaderElection=kraft; set kip966Elr=false';
      if (electLeader && leaderElection !== 'zk') return `${name}: its electLeader replaces the ZooKeeper controller's offline election, so leaderElection must be zk`;
      return undefined;
    },
    // Kafka clamps min.insync.replicas to the replica count (Partition.effectiveMinIsr at apache/kafka 1eb7644349cb;
    // see model/rules/replication/leader-high-watermark.ts), so the run checks the clamped value: say so.
    // fetch=atomic is the async model restricted to answering each Fetch at once: its violations are real, but a
    // "holds" does not cover late, lost or stale responses, and the output must not claim that it does.
    notes: (p) => [
      ...(Number(p.minInsyncReplicas) > Number(p.replicas)
        ? [`minInsyncReplicas=${p.minInsyncReplicas} is above replicas=${p.replicas}; Kafka clamps it to ${p.replicas} (effectiveMinIsr), so this run checks min.insync.replicas=${p.replicas}`]
        : []),
      ...(p.fetch === 'atomic' ? ['fetch=atomic: each fetch is one step, so a verdict that holds does not cover late, lost or stale Fetch responses (--set fetch=async does)'] : []),
    ],
    // Typed as Preset[] in their own files; defineModel checks each one against PARAMS when defined.
    presets: electLeader ? [] : ([...replicationPresets, ...releasePresets, ...replicationLivenessPresets] as readonly PresetSpec<any>[]),
  });
}

export const replicationDefinition = replicationModel();
