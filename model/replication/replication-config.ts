// What one run of the `replication` model is configured with: cluster size, bounds on growth and faults, and the
// Kafka era (truncation protocol, controller flavour, HW rule) being checked. Built from the registry's params.

import type { ParamValues } from '../../src/contract/params.ts';
import type { Acks } from '../rules/replication/produce-acks.ts';
import { HW_RULE_COMMITTED_ISR_ONLY, HW_RULE_CURRENT, type HighWatermarkRule } from '../rules/replication/leader-high-watermark.ts';
import type { LeaderPartitionConfig } from '../rules/replication/leader-partition.ts';
import { DEFAULT_REPLICA_LAG_TIME_MAX_MS } from '../rules/replication/replica-state.ts';
import type { TruncationEra } from '../rules/replication/truncation-era.ts';
import { largestLeoElection } from './largest-leo-election.ts';
import type { OfflineElection } from './offline-election.ts';

const largestLeoOffline: OfflineElection = (i) => largestLeoElection(i.current, i.assignment, i.online, i.logEndOffset);

/**
 * Who decides leaders and ISR changes:
 * - `kraft`: the KRaft controller (PartitionChangeBuilder and its ReplicationControlManager callers, incl. ELR);
 * - `zk`: the ZooKeeper controller (PartitionLeaderElectionAlgorithms, removeReplicaFromIsr, ZK AlterPartition);
 * - `largest-leo`: the myth some articles repeat — elect the live replica with the largest log end offset,
 *   ignoring the ISR (otherwise ZK rules). Kafka never did this; the preset shows what it would break.
 */
export type LeaderElectionScheme = 'kraft' | 'zk' | 'largest-leo';

export interface ReplicationConfig {
  readonly replicas: number;
  /** Distinct records producers may write (each successful append uses one). */
  readonly records: number;
  readonly maxLeaderEpoch: number;
  /** Bound on controller changes to the partition (every record / ZK write bumps the partition epoch). */
  readonly maxPartitionEpoch: number;
  readonly acks: Acks;
  readonly minInsyncReplicas: number;
  readonly uncleanLeaderElection: boolean;
  readonly truncation: TruncationEra;
  readonly eligibleLeaderReplicas: boolean;
  readonly dataLossShutdowns: number;
  readonly crashes: number;
  readonly cleanShutdowns: number;
  readonly maximalIsr: boolean;
  readonly leaderElection: LeaderElectionScheme;
  /** The controller's auto leader rebalance (preferred replica election) may run. */
  readonly preferredElection: boolean;
  /** Operator reassignments that only reorder the replicas (a new preferred replica). */
  readonly reassignments: number;
  /** A consumer reads from presumed leaders (off only to shrink the state space of presets that do not need it). */
  readonly consumer: boolean;
  /** Replaces the ZK controller's offline election: `largest-leo`'s myth, or a variant's rule (kcheck/kafka). */
  readonly offlineElection?: OfflineElection;
}

/** `electLeader`: a variant's offline election; the `largest-leo` scheme takes precedence (it is a param value). */
export function replicationConfig(p: ParamValues, electLeader?: OfflineElection): ReplicationConfig {
  return {
    replicas: p.replicas as number,
    records: p.records as number,
    maxLeaderEpoch: p.maxLeaderEpoch as number,
    maxPartitionEpoch: p.maxPartitionEpoch as number,
    acks: p.acks === 'all' ? -1 : 1,
    minInsyncReplicas: p.minInsyncReplicas as number,
    uncleanLeaderElection: p.uncleanLeaderElection as boolean,
    truncation: p.truncation as TruncationEra,
    eligibleLeaderReplicas: p.eligibleLeaderReplicas as boolean,
    dataLossShutdowns: p.dataLossShutdowns as number,
    crashes: p.crashes as number,
    cleanShutdowns: p.cleanShutdowns as number,
    maximalIsr: p.maximalIsr as boolean,
    leaderElection: p.leaderElection as LeaderElectionScheme,
    preferredElection: p.preferredElection as boolean,
    reassignments: p.reassignments as number,
    consumer: p.consumer as boolean,
    offlineElection: p.leaderElection === 'largest-leo' ? largestLeoOffline : electLeader,
  };
}

/**
 * The model has no clock. Every time-dependent rule is evaluated "after replica.lag.time.max.ms has passed since
 * the follower last caught up": a follower is caught up only while its LEO equals the leader's (Replica.isCaughtUp),
 * which lets the periodic ISR check shrink any lagging follower — time can always pass.
 */
export const NOW_MS = 2 * DEFAULT_REPLICA_LAG_TIME_MAX_MS + 1;

/**
 * The HW rule of the era. Today's Kafka (the diverging-epoch era) gates the HW on min ISR (KAFKA-15583, 3.7) and
 * waits for caught-up eligible replicas (KAFKA-15021, 3.6); the ZK eras had neither. The ZK eras wrote ISR changes
 * to ZooKeeper synchronously; the model sends them asynchronously for every era, so their HW is taken over the
 * maximal ISR — the safe reading of "the ISR the leader last wrote" — unless `maximalIsr` is off (bug 7).
 */
export function highWatermarkRule(config: ReplicationConfig): HighWatermarkRule {
  if (config.truncation === 'diverging-epoch') return config.maximalIsr ? HW_RULE_CURRENT : HW_RULE_COMMITTED_ISR_ONLY;
  return { isr: config.maximalIsr ? 'maximal' : 'committed', waitForCaughtUpEligible: false, minIsrGate: false };
}

/** The leader-side rule configuration (Partition's min ISR, lag time and HW rule) for this run. */
export function leaderPartitionConfig(config: ReplicationConfig): LeaderPartitionConfig {
  return { minInsyncReplicas: config.minInsyncReplicas, replicaLagTimeMaxMs: DEFAULT_REPLICA_LAG_TIME_MAX_MS, hwRule: highWatermarkRule(config) };
}
