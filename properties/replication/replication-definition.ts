// The `replication` model as the registry sees it: params, properties, and presets — one per data-loss bug Kafka
// has had (each must be found) and the fixed protocols (each must check clean within its bounds).

import type { ModelDefinition } from '../../src/contract/model-definition.ts';
import type { ReplicationAction } from '../../model/replication/replication-actions.ts';
import { KAFKA_VERSIONS, TOGGLES } from '../../model/replication/kafka-release.ts';
import { replicationConfig, resolveRelease } from '../../model/replication/replication-config.ts';
import { replicationModel } from '../../model/replication/replication-model.ts';
import type { ReplicationState } from '../../model/replication/replication-state.ts';
import { releasePresets } from './release-presets.ts';
import { replicationPresets } from './replication-presets.ts';
import { replicationProperties } from './replication-properties.ts';

export const replicationDefinition: ModelDefinition<ReplicationState, ReplicationAction> = {
  name: 'replication',
  doc: 'One partition\'s replication: produce/fetch/HW, ISR shrink and expand, truncation per era, elections, crashes and power loss — can a committed record be lost?',
  params: [
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
      doc: `${t.fix}: ${t.doc}; auto = on from ${t.since === 'latest' ? 'latest' : `Kafka ${t.since}`}`,
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
    { name: 'consumer', type: 'bool', default: true, doc: 'a consumer reads below the HW of presumed leaders (needed by consumed-prefix-stable)' },
    {
      name: 'fetch',
      type: 'enum',
      default: 'atomic',
      values: ['atomic', 'async'],
      doc: 'atomic: a fetch is one step; async: the leader handles the request, the response arrives later, is lost, or is discarded as stale by the fetcher',
    },
    { name: 'hwCheckpoint', type: 'bool', default: false, doc: 'after a crash a broker restores the HW it last checkpointed (periodic checkpoint steps), not its HW at the crash' },
    { name: 'maxRecordsPerFetch', type: 'int', default: 0, min: 0, max: 4, doc: 'records per Fetch response (replica.fetch.max.bytes counted in records); 0 = everything the leader has' },
    { name: 'reassignments', type: 'int', default: 0, min: 0, max: 3, doc: 'operator reassignments that only reorder the replicas (a new preferred replica for the rebalance)' },
  ],
  create: (p) => replicationModel(replicationConfig(p)),
  properties: (p) => replicationProperties(p),
  validate: (p) => {
    const { toggles, leaderElection } = resolveRelease(p);
    if (toggles.kip966Elr && leaderElection !== 'kraft') return 'kip966Elr (KIP-966) needs leaderElection=kraft; set kip966Elr=false';
    return undefined;
  },
  presets: [...replicationPresets, ...releasePresets],
};
