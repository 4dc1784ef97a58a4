// What one run of the `replication` model is configured with: cluster size, bounds on growth and faults, and the
// Kafka release (one switch per fix, controller flavour) being checked. Built from the registry's params: a switch
// left `auto` takes its value from `kafkaVersion`, or from the `truncation` shorthand for the truncation switches.

import type { ParamValues } from '../../src/contract/params.ts';
import type { Acks } from '../rules/replication/produce-acks.ts';
import { type HighWatermarkRule } from '../rules/replication/leader-high-watermark.ts';
import type { LeaderPartitionConfig } from '../rules/replication/leader-partition.ts';
import { DEFAULT_REPLICA_LAG_TIME_MAX_MS } from '../rules/replication/replica-state.ts';
import { eraRules, type EraRules, type TruncationEra } from '../rules/replication/truncation-era.ts';
import { largestLeoElection } from './largest-leo-election.ts';
import type { OfflineElection } from './offline-election.ts';
import { releaseController, releaseToggles, TOGGLE_NAMES, type KafkaVersion, type ReleaseToggles, type ToggleName } from './kafka-release.ts';

const largestLeoOffline: OfflineElection = (i) => largestLeoElection(i.current, i.assignment, i.online, i.logEndOffset);

/**
 * Who decides leaders and ISR changes:
 * - `kraft`: the KRaft controller (PartitionChangeBuilder and its ReplicationControlManager callers, incl. ELR);
 * - `zk`: the ZooKeeper controller (PartitionLeaderElectionAlgorithms, removeReplicaFromIsr, ZK AlterPartition);
 * - `largest-leo`: the myth some articles repeat — elect the live replica with the largest log end offset,
 *   ignoring the ISR (otherwise ZK rules). Kafka never did this; the preset shows what it would break;
 * - `znode-race`: the articles' scheme — any live replica that wins the race to recreate the znode leads (ZK rules
 *   otherwise). Not Kafka either.
 */
export type LeaderElectionScheme = 'kraft' | 'zk' | 'largest-leo' | 'znode-race';

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
  readonly kafkaVersion: KafkaVersion;
  /** Every fix switch, resolved (explicit value, else the truncation shorthand, else the release's). */
  readonly toggles: ReleaseToggles;
  /** The truncation switches as the rules read them. */
  readonly era: EraRules;
  /** KIP-966 (toggles.kip966Elr). */
  readonly eligibleLeaderReplicas: boolean;
  readonly dataLossShutdowns: number;
  readonly crashes: number;
  readonly cleanShutdowns: number;
  /** KIP-497 (toggles.kip497MaximalIsr). */
  readonly maximalIsr: boolean;
  readonly leaderElection: LeaderElectionScheme;
  /** Replaces the ZooKeeper controller's offline election (the `largest-leo` myth, or a variant's rule). */
  readonly offlineElection?: OfflineElection;
  /** The controller's auto leader rebalance (preferred replica election) may run. */
  readonly preferredElection: boolean;
  /** Operator reassignments that only reorder the replicas (a new preferred replica). */
  readonly reassignments: number;
  /** After a crash the HW is the last checkpointed one (CheckpointHighWatermark steps), not the HW at the crash. */
  readonly hwCheckpoint: boolean;
  /** Fetch as one step (`atomic`), or request handled by the leader and response delivered later (`async`). */
  readonly fetch: 'atomic' | 'async';
  /** Bound on records per Fetch response (replica.fetch.max.bytes in records); 0 = the whole suffix. */
  readonly maxRecordsPerFetch: number;
  /** A consumer reads from presumed leaders (safety: a state invariant; liveness: Consume steps; see actionTypesFor). */
  readonly consumer: boolean;
  /**
   * When the controller notices a crash or power loss: `timeout` — a later SessionExpires step (ZK session /
   * KRaft heartbeat timeout), and a KRaft broker may re-register before it; `instant` — in the same step.
   */
  readonly failureDetection: 'timeout' | 'instant';
  /**
   * A broker's return elects leaderless partitions it is in the ISR of (ZK onBrokerStartup's
   * triggerOnlinePartitionStateChange, 2.8.0 KafkaController:536; KRaft handleBrokerUnfenced). Off only for the
   * liveness preset showing what that election is for: no Kafka release lacked it.
   */
  readonly startupElection: boolean;
}

/** The truncation switches an era name stands for (the `truncation` shorthand). */
function eraToggles(era: TruncationEra): Partial<Record<ToggleName, boolean>> {
  const r = eraRules(era);
  return {
    kip101EpochTruncation: r.epochTruncation,
    kip279: r.iterative,
    kafka7128: r.expansionNeedsEpochStart,
    kafka7164: r.restartOnEpochChange,
    kafka7415: r.assignsEpochOnElection,
    kip320Fencing: r.fencesCurrentLeaderEpoch,
    divergingEpochFetch: r.truncatesOnFetch,
    kafka13790: r.restartOnEpochIncrease,
  };
}

export interface ResolvedRelease {
  readonly kafkaVersion: KafkaVersion;
  readonly toggles: ReleaseToggles;
  readonly leaderElection: LeaderElectionScheme;
}

/** Resolves `auto` params: an explicit true/false wins, then the truncation shorthand, then the release. */
export function resolveRelease(p: ParamValues): ResolvedRelease {
  const kafkaVersion = p.kafkaVersion as KafkaVersion;
  const fromEra = p.truncation === 'auto' ? {} : eraToggles(p.truncation as TruncationEra);
  const release = releaseToggles(kafkaVersion);
  const toggles = {} as Record<ToggleName, boolean>;
  for (const name of TOGGLE_NAMES) {
    const v = p[name];
    toggles[name] = v === 'true' ? true : v === 'false' ? false : (fromEra[name] ?? release[name]);
  }
  const leaderElection = p.leaderElection === 'auto' ? releaseController(kafkaVersion) : (p.leaderElection as LeaderElectionScheme);
  // KIP-966 is KRaft's: a ZK controller of a release that has it left `auto` simply has none.
  if (leaderElection !== 'kraft' && p.kip966Elr === 'auto') toggles.kip966Elr = false;
  return { kafkaVersion, toggles, leaderElection };
}

function eraOf(t: ReleaseToggles): EraRules {
  return {
    epochTruncation: t.kip101EpochTruncation,
    iterative: t.kip279,
    expansionNeedsEpochStart: t.kafka7128,
    restartOnEpochChange: t.kafka7164,
    assignsEpochOnElection: t.kafka7415,
    fencesCurrentLeaderEpoch: t.kip320Fencing,
    truncatesOnFetch: t.divergingEpochFetch,
    restartOnEpochIncrease: t.kafka13790,
  };
}

/** `electLeader`: a variant's offline election; the `largest-leo` scheme takes precedence (it is a param value). */
export function replicationConfig(p: ParamValues, electLeader?: OfflineElection): ReplicationConfig {
  const { kafkaVersion, toggles, leaderElection } = resolveRelease(p);
  return {
    replicas: p.replicas as number,
    records: p.records as number,
    maxLeaderEpoch: p.maxLeaderEpoch as number,
    maxPartitionEpoch: p.maxPartitionEpoch as number,
    acks: p.acks === 'all' ? -1 : 1,
    minInsyncReplicas: p.minInsyncReplicas as number,
    uncleanLeaderElection: p.uncleanLeaderElection as boolean,
    kafkaVersion,
    toggles,
    era: eraOf(toggles),
    eligibleLeaderReplicas: toggles.kip966Elr,
    dataLossShutdowns: p.dataLossShutdowns as number,
    crashes: p.crashes as number,
    cleanShutdowns: p.cleanShutdowns as number,
    maximalIsr: toggles.kip497MaximalIsr,
    leaderElection,
    offlineElection: leaderElection === 'largest-leo' ? largestLeoOffline : electLeader,
    preferredElection: p.preferredElection as boolean,
    reassignments: p.reassignments as number,
    consumer: p.consumer as boolean,
    hwCheckpoint: (p.hwCheckpoint ?? false) as boolean,
    fetch: (p.fetch ?? 'atomic') as 'atomic' | 'async',
    maxRecordsPerFetch: (p.maxRecordsPerFetch ?? 0) as number,
    failureDetection: (p.failureDetection ?? 'timeout') as 'timeout' | 'instant',
    startupElection: (p.startupElection ?? true) as boolean,
  };
}

/**
 * The HW rule of the release: Partition.maybeIncrementLeaderHW gates on min ISR from KAFKA-15583 (3.7) and waits
 * for caught-up eligible replicas from KAFKA-15021 (3.6). Releases before 2.7 wrote ISR changes to ZooKeeper
 * synchronously; the model sends them asynchronously for every release, so their HW is taken over the maximal ISR
 * — the safe reading of "the ISR the leader last wrote" — unless kip497MaximalIsr is off (bug 7).
 */
export function highWatermarkRule(config: ReplicationConfig): HighWatermarkRule {
  const t = config.toggles;
  return { isr: t.kip497MaximalIsr ? 'maximal' : 'committed', waitForCaughtUpEligible: t.kafka15021, minIsrGate: t.kafka15583 };
}

/** The leader-side rule configuration (Partition's min ISR, lag time and HW rule) for this run. */
export function leaderPartitionConfig(config: ReplicationConfig): LeaderPartitionConfig {
  return { minInsyncReplicas: config.minInsyncReplicas, replicaLagTimeMaxMs: DEFAULT_REPLICA_LAG_TIME_MAX_MS, hwRule: highWatermarkRule(config) };
}
