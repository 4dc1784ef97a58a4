// Liveness of one partition under fairness (kept apart from replication-definition.ts, which adds these
// properties, presets and fairness to its own): a partition whose ISR still has a live member gets a leader, a
// committed record reaches the consumer, and the high watermark catches up with the leader's log end.
import type { Model } from '../../src/contract/model.ts';
import type { Preset } from '../../src/contract/model-definition.ts';
import type { ParamSpec, ParamValues } from '../../src/contract/params.ts';
import { leadsTo, type LivenessProperty } from '../../src/contract/property.ts';
import type { ReplicationAction } from '../../model/replication/replication-actions.ts';
import type { ReplicationConfig } from '../../model/replication/replication-config.ts';
import { replicationNext } from '../../model/replication/replication-next.ts';
import type { ReplicationState } from '../../model/replication/replication-state.ts';

/**
 * What a fair run must eventually do: followers fetch and truncate, brokers apply the controller's updates, the
 * controller answers AlterPartition and elects a leader for a leaderless partition, the consumer reads. Produces,
 * ISR shrinks (no clock: any lagging follower may be shrunk), preferred elections, reassignments, crashes,
 * restarts and shutdowns are never forced.
 */
export const REPLICATION_FAIRNESS: Readonly<Record<string, 'weak' | 'strong'>> = {
  FollowerFetch: 'weak',
  // maybeShrinkIsr is a scheduled task (ReplicaManager's isr-expiration, every replica.lag.time.max.ms / 2): a
  // follower that keeps lagging is eventually shrunk.
  ShrinkIsr: 'weak',
  // fetch=async: a lost Fetch response is noticed when the request times out (a timer) and the fetcher sends the
  // next Fetch; delivery itself is not forced, so the network may lose every response.
  DropFetchResponse: 'weak',
  TruncateFollower: 'weak',
  ApplyPartitionState: 'weak',
  HandleAlterPartition: 'weak',
  ElectLeaderlessPartition: 'weak',
  Consume: 'weak',
  // failureDetection=timeout: a dead broker's ZK session / KRaft heartbeat timeout is finite, so the controller
  // eventually notices (SessionExpires stays enabled until taken).
  SessionExpires: 'weak',
};

/** Params that change what a fair run is (not Kafka's code): see each doc. */
export const REPLICATION_LIVENESS_PARAMS: readonly ParamSpec[] = [
  {
    name: 'fetchFair',
    type: 'bool',
    default: true,
    doc: 'liveness: followers keep fetching (FollowerFetch weakly fair); false = a live follower may stop fetching for good (a stuck fetcher, or a leader-follower network partition the controller does not see)',
  },
  {
    name: 'startupElection',
    type: 'bool',
    default: true,
    doc: 'a returning broker gets leaderless partitions it is in the ISR of elected (ZK onBrokerStartup, KRaft handleBrokerUnfenced); false = a controller that elects only when a broker goes down (no Kafka release)',
  },
];

/**
 * The model with the fairness these params ask for (`fetchFair=false` drops FollowerFetch from it), and which fair
 * step only the epoch bounds refuse: the same step with the bounds lifted would be taken (Model.boundRefusal).
 */
export function withReplicationLiveness(model: Model<ReplicationState, ReplicationAction>, p: ParamValues, config: ReplicationConfig): Model<ReplicationState, ReplicationAction> {
  const { FollowerFetch: _fetch, ...unfairFetch } = REPLICATION_FAIRNESS;
  const fairness = p.fetchFair === false ? unfairFetch : REPLICATION_FAIRNESS;
  const unbounded: ReplicationConfig = { ...config, maxLeaderEpoch: Number.MAX_SAFE_INTEGER, maxPartitionEpoch: Number.MAX_SAFE_INTEGER };
  const boundRefusal = (s: ReplicationState, a: ReplicationAction): string | null => {
    const next = replicationNext(unbounded, s, a);
    if (next === undefined) return null;
    return next.controller.leaderEpoch > config.maxLeaderEpoch ? `maxLeaderEpoch=${config.maxLeaderEpoch}` : `maxPartitionEpoch=${config.maxPartitionEpoch}`;
  };
  return Object.assign(Object.create(model) as Model<ReplicationState, ReplicationAction>, { fairness, boundRefusal });
}

const leaderOf = (s: ReplicationState) => (s.controller.leader >= 0 ? s.brokers[s.controller.leader] : undefined);
const hasLiveLeader = (s: ReplicationState) => leaderOf(s)?.alive === true;
const isrHasLiveMember = (s: ReplicationState) => s.controller.isr.some((b) => s.brokers[b].alive);
const leaderHwBehindLeo = (s: ReplicationState) => {
  const l = leaderOf(s);
  return l !== undefined && l.alive && l.role !== null && l.highWatermark < l.log.length;
};

export function replicationLiveness(): LivenessProperty<ReplicationState>[] {
  return [
    leadsTo(
      'partition-eventually-has-leader',
      'A partition without a live leader whose ISR still has a live member eventually gets a live leader, unless its last live ISR member dies too (the controller elects from the ISR: PartitionChangeBuilder, KRaft).',
      (s) => !hasLiveLeader(s) && isrHasLiveMember(s),
      // P ~> (Q ∨ ¬member): crashes are never forced, but a second one may still happen; with failureDetection=timeout
      // the controller elects one SessionExpires after the crash, and the remaining ISR member may die in between.
      (s) => hasLiveLeader(s) || !isrHasLiveMember(s),
    ),
    leadsTo(
      'committed-eventually-consumed',
      'Once the first record is committed (below a leader\u2019s HW) the consumer eventually reads it.',
      (s) => s.ghosts.committed.length > 0 && s.ghosts.committed[0] !== 0,
      (s) => s.ghosts.consumed.length > 0 && s.ghosts.consumed[0] !== 0,
    ),
    leadsTo(
      'high-watermark-eventually-advances',
      'When the live leader\u2019s HW is below its log end, it eventually reaches it (or leadership moves): followers fetch, the ISR expands, the HW follows the maximal ISR.',
      leaderHwBehindLeo,
      (s) => !leaderHwBehindLeo(s),
    ),
  ];
}

const QUIET = { replicas: 2, records: 1, crashes: 0, cleanShutdowns: 0, preferredElection: false } as const;

/** ZK (2.8), both brokers die — the follower first, so the leader is the last ISR member — and come back. */
const OFFLINE_PARTITION = { ...QUIET, crashes: 2, kafkaVersion: '2.8', consumer: false } as const;

/** One record, acks=1 (the write is not refused), min ISR 1, no faults; the follower may stop fetching. */
const STALLED_FOLLOWER = { ...QUIET, acks: '1', minInsyncReplicas: 1, fetchFair: false, consumer: false } as const;

export const replicationLivenessPresets: readonly Preset[] = [
  {
    name: 'liveness',
    // high-watermark-eventually-advances is left out: after an ISR shrink the model never lets the caught-up
    // follower fetch again (an idle fetch is not a step), so the leader never re-expands the ISR — a reduction
    // that is exact for safety but not for liveness (a 12-step lasso, a model limitation, not Kafka's).
    doc: 'Two replicas, one record, no faults: a leaderless partition gets a leader and the committed record is consumed.',
    params: QUIET,
    expect: { holds: true },
    liveness: ['partition-eventually-has-leader', 'committed-eventually-consumed'],
  },
  {
    name: 'dead-follower',
    doc: 'min.insync.replicas 2 and one broker crashes for good: a dead follower leaves the HW below the log end for ever, and after the leader dies the new leader cannot advance its HW to the committed record, so the consumer never reads it (no HW advance below min ISR, KAFKA-15583).',
    params: { ...QUIET, crashes: 1 },
    expect: { violates: ['high-watermark-eventually-advances', 'committed-eventually-consumed'] },
  },
  {
    name: 'no-startup-election',
    doc: 'A controller that elects only when a broker goes down: the leader, the only ISR member (the follower was shrunk out), crashes, the controller notices and leaves the partition leaderless (leader -1, ISR [leader]), the broker comes back, and nothing elects it again — offline for ever with its ISR member alive. Kafka elects here (onBrokerStartup: triggerOnlinePartitionStateChange).',
    params: { ...OFFLINE_PARTITION, startupElection: false },
    expect: { violates: ['partition-eventually-has-leader'] },
    liveness: ['partition-eventually-has-leader'],
  },
  {
    name: 'startup-election',
    doc: 'The same crashes with Kafka\u2019s onBrokerStartup election: the returning ISR member is elected.',
    params: OFFLINE_PARTITION,
    expect: { holds: true },
    liveness: ['partition-eventually-has-leader'],
  },
  {
    name: 'kafka-13091',
    doc: 'Kafka 2.8.0 (AlterIsr, KAFKA-13091 not yet fixed): a follower stops fetching, the leader shrinks the ISR to itself, and when the AlterIsr response commits it nothing recomputes the HW — with no more produces or fetches it stays below the log end for ever (acks=all produce times out). Fixed in 3.1 (9ee19713966).',
    params: { ...STALLED_FOLLOWER, kafkaVersion: '2.8' },
    expect: { violates: ['high-watermark-eventually-advances'] },
    liveness: ['high-watermark-eventually-advances'],
  },
  {
    name: 'kafka-13091-isr-flapping',
    doc: 'KAFKA-13091 (2.8) with fetch=async and a network that loses every Fetch response: the follower keeps fetching at offset 0, so the leader shrinks it out and lets it back in for ever while the HW stays at 0 — a real 2-step loop (fetch, response lost) that only maxPartitionEpoch ends: reported bounded, since each flap costs a partition epoch and no finite lasso captures the infinite story.',
    params: { ...STALLED_FOLLOWER, fetchFair: true, fetch: 'async', kafkaVersion: '2.8' },
    expect: { bounded: ['high-watermark-eventually-advances'] },
  },
  {
    name: 'kafka-13091-isr-flapping-fixed',
    doc: 'The same lossy network with KAFKA-13091 on: the first shrink\u2019s AlterIsr response recomputes the HW to the log end.',
    params: { ...STALLED_FOLLOWER, fetchFair: true, fetch: 'async', kafkaVersion: '2.8', kafka13091: 'true' },
    expect: { holds: true },
    liveness: ['high-watermark-eventually-advances'],
  },
  {
    name: 'kafka-13091-fixed',
    doc: 'The same stalled follower with KAFKA-13091 on (2.8 plus the fix): the AlterIsr response recomputes the HW over the shrunk ISR, so it reaches the log end.',
    params: { ...STALLED_FOLLOWER, kafkaVersion: '2.8', kafka13091: 'true' },
    expect: { holds: true },
    liveness: ['high-watermark-eventually-advances'],
  },
];
