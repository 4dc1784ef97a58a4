// What must hold of partition replication, each citing the guarantee it checks, and witnesses that the scenarios
// the guarantees are about (a failover, an ISR of one, a committed record, a power loss) are reachable.

import type { ParamValues } from '../../src/contract/params.ts';
import type { Property } from '../../src/contract/property.ts';
import { actionProperty, always, sometimes } from '../../src/contract/property.ts';
import type { ReplicationAction } from '../../model/replication/replication-actions.ts';
import { anyReplicaHolds } from '../../model/replication/ghosts.ts';
import type { ReplicationState } from '../../model/replication/replication-state.ts';

type P = Property<ReplicationState, ReplicationAction>;

/**
 * True iff every record ever committed is at its offset in every ISR member and in the controller's leader. A dead
 * broker the controller has not noticed yet (failureDetection=timeout) is judged when it is: its SessionExpires
 * fences it, or its restart re-registers it (and then, alive, it is checked like any member).
 */
export function committedRecordsInIsr(s: ReplicationState): boolean {
  const committed = s.ghosts.committed;
  const c = s.controller;
  for (let o = 0; o < committed.length; o++) {
    const code = committed[o];
    if (code === 0) continue;
    for (const r of c.isr) if (judged(s, r) && s.brokers[r].log[o] !== code) return false;
    if (c.leader >= 0 && judged(s, c.leader) && s.brokers[c.leader].log[o] !== code) return false;
  }
  return true;
}

/** A module-level function, not a closure per call: this property runs on every new state. */
const judged = (s: ReplicationState, r: number): boolean => s.brokers[r].alive || !s.brokers[r].registered;

export function logsAgreeBelowHighWatermarks(s: ReplicationState): boolean {
  const bs = s.brokers;
  for (let i = 0; i < bs.length; i++) {
    for (let j = i + 1; j < bs.length; j++) {
      const upTo = Math.min(bs[i].highWatermark, bs[j].highWatermark);
      for (let o = 0; o < upTo; o++) if (bs[i].log[o] !== bs[j].log[o]) return false;
    }
  }
  return true;
}

export function replicationProperties(params: ParamValues): P[] {
  const num = (name: string): number => (params[name] as number | undefined) ?? 0;
  const leaderMoves = num('crashes') + num('dataLossShutdowns') + num('cleanShutdowns') + num('reassignments') > 0;
  const props: P[] = [
    actionProperty<ReplicationState, ReplicationAction>(
      'leader-elected-from-isr',
      'Every leader the controller elects was in the ISR, or — when the ISR is empty under KIP-966 — in the ELR (unclean.leader.election.enable=false; PartitionChangeBuilder.isValidNewLeader, ZK offlinePartitionLeaderElection).',
      (before, _a, after) => {
        const leader = after.controller.leader;
        if (leader < 0 || leader === before.controller.leader) return true;
        return before.controller.isr.includes(leader) || before.controller.elr.includes(leader);
      },
    ),
    always<ReplicationState>(
      'no-fatal-error',
      'No broker hits one of Kafka\'s own fatal checks: through 2.0, a follower ahead of its leader with unclean election off exits ("Exiting because log truncation is not allowed", ReplicaFetcherThread.handleOffsetOutOfRange).',
      (s) => s.ghosts.fatal === 0,
    ),
    always<ReplicationState>(
      'no-committed-message-loss',
      'A record that was committed (below a leader\'s high watermark) is at the same offset in every ISR member, and so in every later leader (the guarantee acks=all and the ISR exist for); a dead member the controller has not noticed yet is judged when its session expires or it restarts.',
      committedRecordsInIsr,
    ),
    always<ReplicationState>(
      'acked-writes-survive',
      'A write acknowledged to a producer is never lost: some replica still holds it.',
      (s) => {
        const acked = s.ghosts.acked;
        for (let r = 0; (acked >> r) !== 0; r++) if ((acked >> r) & 1 && !anyReplicaHolds(s.brokers, r + 1)) return false;
        return true;
      },
    ),
    always<ReplicationState>(
      'replica-logs-agree-below-hw',
      'Two replicas never hold different records at an offset below both their high watermarks (the log matching consumers rely on).',
      logsAgreeBelowHighWatermarks,
    ),
    actionProperty<ReplicationState, ReplicationAction>(
      'consumed-prefix-stable',
      'Once a consumer has read a record at an offset, no later read at that offset returns a different record.',
      (before, a) => {
        if (a.type !== 'Consume') return true;
        const b = before.brokers[a.broker];
        const consumed = before.ghosts.consumed;
        for (let o = 0; o < b.highWatermark && o < consumed.length; o++) if (consumed[o] !== 0 && consumed[o] !== b.log[o]) return false;
        return true;
      },
    ),
    sometimes<ReplicationState>('isr-shrinks-to-leader', 'the controller\'s ISR shrinks to the leader alone', (s) => s.controller.isr.length === 1 && s.controller.isr[0] === s.controller.leader),
    sometimes<ReplicationState>('record-committed', 'a record becomes committed (below a leader\'s high watermark)', (s) => s.ghosts.committed.length > 0),
  ];
  if (leaderMoves) {
    props.push(sometimes<ReplicationState>('leader-failover', 'a broker other than the first leader leads the partition', (s) => s.controller.leader > 0));
  }
  if (num('dataLossShutdowns') > 0) {
    props.push(
      sometimes<ReplicationState>('data-loss-shutdown', 'a broker loses unflushed records in a power failure', (s) => s.dataLossLeft < num('dataLossShutdowns')),
    );
  }
  return props;
}
