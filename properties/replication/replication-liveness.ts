// Liveness of one partition under fairness (kept apart from replication-definition.ts, which adds these
// properties, presets and fairness to its own): a partition whose ISR still has a live member gets a leader, a
// committed record reaches the consumer, and the high watermark catches up with the leader's log end.
import type { Preset } from '../../src/contract/model-definition.ts';
import { leadsTo, type LivenessProperty } from '../../src/contract/property.ts';
import type { ReplicationState } from '../../model/replication/replication-state.ts';

/**
 * What a fair run must eventually do: followers fetch and truncate, brokers apply the controller's updates, the
 * controller answers AlterPartition and elects a leader for a leaderless partition, the consumer reads. Produces,
 * ISR shrinks (no clock: any lagging follower may be shrunk), preferred elections, reassignments, crashes,
 * restarts and shutdowns are never forced.
 */
export const REPLICATION_FAIRNESS: Readonly<Record<string, 'weak' | 'strong'>> = {
  FollowerFetch: 'weak',
  TruncateFollower: 'weak',
  ApplyPartitionState: 'weak',
  HandleAlterPartition: 'weak',
  ElectLeaderlessPartition: 'weak',
  Consume: 'weak',
};

const leaderOf = (s: ReplicationState) => (s.controller.leader >= 0 ? s.brokers[s.controller.leader] : undefined);
const hasLiveLeader = (s: ReplicationState) => leaderOf(s)?.alive === true;
const leaderHwBehindLeo = (s: ReplicationState) => {
  const l = leaderOf(s);
  return l !== undefined && l.alive && l.role !== null && l.highWatermark < l.log.length;
};

export function replicationLiveness(): LivenessProperty<ReplicationState>[] {
  return [
    leadsTo(
      'partition-eventually-has-leader',
      'A partition without a live leader whose ISR still has a live member eventually gets a live leader (the controller elects from the ISR: PartitionChangeBuilder, KRaft).',
      (s) => !hasLiveLeader(s) && s.controller.isr.some((b) => s.brokers[b].alive),
      hasLiveLeader,
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
];
