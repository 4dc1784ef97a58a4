// What must hold of partition replication, each citing the guarantee it checks, and witnesses that the scenarios
// the guarantees are about (a failover, an ISR of one, a committed record, a power loss) are reachable.

import type { ParamValues } from '../../src/contract/params.ts';
import type { Property } from '../../src/contract/property.ts';
import { actionProperty, always, sometimes } from '../../src/contract/property.ts';
import type { ReplicationAction } from '../../model/replication/replication-actions.ts';
import { anyReplicaHolds, firstServedDifference } from '../../model/replication/ghosts.ts';
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

/**
 * True iff every live broker with a leader role serves, below its HW, exactly the record first served at each
 * offset (ghosts.committed: noteCommits runs after every step that can move a presumed leader's HW or role).
 */
export function servesFirstReadableRecords(s: ReplicationState): boolean {
  return firstServedDifference(s) === null;
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
  ];
  // A consumer may read at any moment and a read changes no Kafka state, so the reads are not steps here: a
  // consumer can see an offset change iff a presumed leader ever serves, below its HW, a record other than the
  // first one any presumed leader served there — which is the committed ghost. A read before and one after would
  // show it; the trace ends where the second becomes possible.
  if (params.consumer !== false) {
    props.push(
      always<ReplicationState>(
        'consumed-prefix-stable',
        'A consumer never sees an offset change: every record a broker that believes it leads serves below its HW is the first record any such broker served at that offset (a consumer may read at any moment, so this is checked on every state, not on read steps).',
        servesFirstReadableRecords,
      ),
    );
  }
  props.push(
    sometimes<ReplicationState>('isr-shrinks-to-leader', 'the controller\'s ISR shrinks to the leader alone', (s) => s.controller.isr.length === 1 && s.controller.isr[0] === s.controller.leader),
    sometimes<ReplicationState>('record-committed', 'a record becomes committed (below a leader\'s high watermark)', (s) => s.ghosts.committed.length > 0),
  );
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
