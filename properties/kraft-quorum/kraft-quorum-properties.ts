// What must hold of KRaft controller failover, each citing the Raft/KRaft rule it checks, plus witnesses that a
// second election, a leader change over committed data and a truncation on divergence are reachable (so passing
// is not vacuous). Committed records and HWs seen come from the model's ghosts; leaders per epoch from the state.
import type { ParamValues } from '../../src/contract/params.ts';
import { actionProperty, always, sometimes, type Property } from '../../src/contract/property.ts';
import type { KraftQuorumAction } from '../../model/kraft-quorum/kraft-quorum-actions.ts';
import { highWatermarkOfVoter } from '../../model/kraft-quorum/kraft-quorum-node.ts';
import { entryEpoch, isLeaderChange, leadersByEpoch, type KraftQuorumState } from '../../model/kraft-quorum/kraft-quorum-state.ts';

type P = Property<KraftQuorumState, KraftQuorumAction>;

const atMostOneBit = (m: number) => (m & (m - 1)) === 0;

/** Raft's Log Matching: equal epochs at an offset mean equal logs up to and including that offset. */
export function logsMatch(a: readonly number[], b: readonly number[]): boolean {
  let last = Math.min(a.length, b.length) - 1;
  while (last >= 0 && entryEpoch(a[last]) !== entryEpoch(b[last])) last--;
  for (let i = 0; i <= last; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The highest epoch any voter has reached (a stopped voter: its quorum-state file's). */
function highestEpoch(s: KraftQuorumState): number {
  let max = 0;
  for (const v of s.voters) max = Math.max(max, v.es !== null ? v.es.epoch : (v.stored?.epoch ?? 0));
  return max;
}

export function kraftQuorumProperties(params: ParamValues): P[] {
  const maxEpoch = params.maxEpoch as number;
  const dataRecords = (params.records as number) > 0;
  /** "Data": a metadata record, or with records = 0 the LeaderChange records themselves. */
  const isData = (entry: number) => !dataRecords || !isLeaderChange(entry);
  const props: P[] = [
    always('single-controller-per-epoch', 'At most one voter ever leads (is the active controller of) an epoch: one durable vote per voter per epoch (QuorumState, KafkaRaftClient.handleVoteRequest). Leaders are read from Leader/Resigned roles, quorum-state files naming themselves, and LeaderChange records.', (s) =>
      leadersByEpoch(s, maxEpoch).every(atMostOneBit),
    ),
    always('log-matching', 'Two metadata logs holding an entry of the same epoch at an offset agree on every entry up to it (Raft §5.3; KRaft Fetch validation by last fetched epoch, ReplicatedLog.validateOffsetAndEpoch).', (s) => {
      for (let i = 0; i < s.voters.length; i++) {
        for (let j = i + 1; j < s.voters.length; j++) if (!logsMatch(s.voters[i].log, s.voters[j].log)) return false;
      }
      return true;
    }),
    always('leader-completeness', "The leader of the highest epoch holds every committed record at its offset (Raft §5.4; KRaft votes only for a log at least as up to date, last epoch first). A stale leader, one some voter has left behind, is not asked.", (s) => {
      const top = highestEpoch(s);
      return s.voters.every((v) => v.es === null || v.es.role !== 'Leader' || v.es.epoch < top || s.committed.every((c, i) => v.log[i] === c));
    }),
    always('committed-never-lost', "Below any voter's high watermark its log holds exactly the records committed there first: a committed record is never replaced or truncated (Raft State Machine Safety; LeaderState HW only above the epoch start offset).", (s) =>
      s.voters.every((v) => {
        const hw = highWatermarkOfVoter(v.es);
        if (hw === null) return true;
        if (hw > v.log.length) return false;
        for (let i = 0; i < hw && i < s.committed.length; i++) if (v.log[i] !== s.committed[i]) return false;
        return true;
      }),
    ),
    actionProperty('high-watermark-monotonic', "No voter's high watermark ever falls below one it had on the same disk, across leader changes and restarts (FollowerState.updateHighWatermark, LeaderState.maybeUpdateHighWatermark).", (before, _a, after) =>
      after.voters.every((v, id) => {
        const prior = before.voters[id];
        const hw = highWatermarkOfVoter(v.es);
        return v.disk !== prior.disk || hw === null || hw >= prior.hwSeen;
      }),
    ),
    always('no-fatal-error', "Kafka's own fatal checks never fire: no truncation below the HW, no non-monotonic HW update, no inconsistent leader (the raft thread would exit).", (s) =>
      s.voters.every((v) => !v.halted),
    ),
    sometimes<KraftQuorumState>('leader-elected', 'some voter becomes the active controller', (s) => s.voters.some((v) => v.es !== null && v.es.role === 'Leader')),
  ];
  if (maxEpoch < 2) return props;
  return [
    ...props,
    sometimes<KraftQuorumState>('second-election', 'leaders are elected in two different epochs (a controller failover)', (s) =>
      leadersByEpoch(s, maxEpoch).filter((m) => m !== 0).length >= 2,
    ),
    sometimes<KraftQuorumState>('leader-change-with-committed-data', 'a leader of a later epoch holds records committed under an earlier one', (s) =>
      s.voters.some((v) => v.es !== null && v.es.role === 'Leader' && s.committed.some((c) => isData(c) && entryEpoch(c) < v.es!.epoch)),
    ),
    sometimes<KraftQuorumState>('truncation-on-divergence', 'a follower truncates its log on a diverging epoch in a fetch response', (s) => s.truncated === 1),
  ];
}
