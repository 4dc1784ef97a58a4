// Unit tests for the log rules beyond raft.json: building logs, lastFetchedEpoch, endOffsetForEpoch's snapshot
// override, fatal truncation below the HW, the leader's Fetch handling, the follower's HW, and a property that
// after truncating to the leader's diverging answer the follower's log is a prefix of the leader's.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  appendBatch,
  EMPTY_RAFT_LOG,
  endOffsetForEpoch,
  epochAtOffset,
  handleFetchRequest,
  initializeLeaderEpoch,
  lastFetchedEpoch,
  logEndOffsetAndEpoch,
  raftLogFromEntryEpochs,
  replicaKey,
  transitionToLeader,
  truncateTo,
  truncateToEndOffset,
  updateFollowerHighWatermark,
  updateLocalState,
  validateOffsetAndEpoch,
  type EpochState,
  type FollowerState,
  type QuorumContext,
  type RaftLog,
} from './index.ts';

describe('the log', () => {
  it('builds the epoch cache from entry epochs and truncates it with the records', () => {
    const log = raftLogFromEntryEpochs([1, 1, 3, 3, 4]);
    expect(log.epochs).toEqual([{ epoch: 1, startOffset: 0 }, { epoch: 3, startOffset: 2 }, { epoch: 4, startOffset: 4 }]);
    expect(logEndOffsetAndEpoch(log)).toEqual({ offset: 5, epoch: 4 });
    expect(truncateTo(log, 3)).toMatchObject({ endOffset: 3, epochs: [{ epoch: 1, startOffset: 0 }, { epoch: 3, startOffset: 2 }] });
    expect(truncateTo(log, 9)).toBe(log);
    expect(epochAtOffset(log, 3)).toBe(3);
    expect(epochAtOffset(log, 5)).toBeNull();
    expect(() => appendBatch(log, 2, 1)).toThrow(/epoch cache only grows/);
  });

  it('a new leader epoch starts at the LEO even before a record is written', () => {
    const log = initializeLeaderEpoch(raftLogFromEntryEpochs([1, 1]), 3);
    expect(lastFetchedEpoch(log)).toBe(3);
    expect(endOffsetForEpoch(log, 1)).toEqual({ offset: 2, epoch: 1 });
  });

  it('an empty log at a snapshot takes its epoch; an epoch older than the log lands on the snapshot id', () => {
    const atSnapshot: RaftLog = { ...EMPTY_RAFT_LOG, startOffset: 10, endOffset: 10, earliestSnapshot: { offset: 10, epoch: 2 }, latestSnapshot: { offset: 10, epoch: 2 } };
    expect(lastFetchedEpoch(atSnapshot)).toBe(2);
    const grown = appendBatch(atSnapshot, 3, 5);
    expect(endOffsetForEpoch(grown, 1)).toEqual({ offset: 10, epoch: 2 });
    expect(validateOffsetAndEpoch(grown, 10, 2)).toEqual({ kind: 'VALID', offsetAndEpoch: null });
    expect(validateOffsetAndEpoch(grown, 12, 2)).toEqual({ kind: 'DIVERGING', offsetAndEpoch: { offset: 10, epoch: 2 } });
  });
});

describe('follower truncation', () => {
  const log = raftLogFromEntryEpochs([1, 1, 1, 2, 2, 2]);
  it('truncates to the diverging point, never below the high watermark', () => {
    expect(truncateToEndOffset(log, { offset: 4, epoch: 2 }, 3)).toMatchObject({ kind: 'truncated', truncationOffset: 4, log: { endOffset: 4 } });
    expect(truncateToEndOffset(log, { offset: 2, epoch: 1 }, 3)).toMatchObject({ kind: 'fatal' });
    // Epoch 0 means "the leader has nothing": truncate to min(offset, LEO).
    expect(truncateToEndOffset(log, { offset: 0, epoch: 0 })).toMatchObject({ kind: 'truncated', truncationOffset: 0 });
  });

  // Logs that obey Raft's log matching (an (offset, epoch) pair names one entry): epoch e's leader (A or B)
  // appends at its LEO, and the other node may then copy a prefix of the leader's log.
  const history = fc.array(
    fc.record({ byA: fc.boolean(), count: fc.integer({ min: 0, max: 3 }), sync: fc.boolean(), keep: fc.nat() }),
    { maxLength: 6 },
  );
  const logsOf = (epochs: readonly { byA: boolean; count: number; sync: boolean; keep: number }[]) => {
    let a: number[] = [];
    let b: number[] = [];
    epochs.forEach((e, i) => {
      const grown = [...(e.byA ? a : b), ...Array<number>(e.count).fill(i + 1)];
      const copy = e.sync ? grown.slice(0, e.keep % (grown.length + 1)) : null;
      if (e.byA) [a, b] = [grown, copy ?? b];
      else [a, b] = [copy ?? a, grown];
    });
    return { leader: raftLogFromEntryEpochs(a), follower: raftLogFromEntryEpochs(b) };
  };

  it('property: after the leader’s DIVERGING answers and truncation, the follower is a prefix of the leader', () => {
    fc.assert(
      fc.property(history, (epochs) => {
        const { leader } = logsOf(epochs);
        let { follower } = logsOf(epochs);
        for (let round = 0; round < 10; round++) {
          const end = logEndOffsetAndEpoch(follower);
          const v = validateOffsetAndEpoch(leader, end.offset, end.epoch);
          if (v.kind !== 'DIVERGING') break;
          const t = truncateToEndOffset(follower, v.offsetAndEpoch!);
          if (t.kind !== 'truncated') throw new Error(t.reason);
          follower = t.log;
        }
        const end = logEndOffsetAndEpoch(follower);
        expect(validateOffsetAndEpoch(leader, end.offset, end.epoch).kind).toBe('VALID');
        for (let o = 0; o < follower.endOffset; o++) expect(epochAtOffset(follower, o)).toBe(epochAtOffset(leader, o));
      }),
      { numRuns: 500 },
    );
  });
});

describe('Fetch', () => {
  const ctx: QuorumContext = { local: replicaKey(1), voters: [1, 2, 3].map((id) => replicaKey(id)), protocol: 'kip996' };
  const log = raftLogFromEntryEpochs([1, 1, 2]);
  const leader0 = transitionToLeader({ role: 'Candidate', epoch: 2, retries: 1, votes: { granted: [1, 2], rejected: [] }, backingOff: false, highWatermark: null }, ctx, 2);
  const leader: EpochState = leader0.role === 'Leader' ? { ...leader0, progress: updateLocalState(leader0.progress, 3).progress } : leader0;
  const fetch = (fetchOffset: number, lastFetchedEpoch: number, currentLeaderEpoch = 2) => ({ replica: replicaKey(2), fetchOffset, lastFetchedEpoch, currentLeaderEpoch });

  it('checks the request epoch: fenced, unknown, not leader', () => {
    expect(handleFetchRequest(leader, ctx, log, fetch(0, 0, 1)).response.error).toBe('FENCED_LEADER_EPOCH');
    expect(handleFetchRequest(leader, ctx, log, fetch(0, 0, 3)).response.error).toBe('UNKNOWN_LEADER_EPOCH');
    const follower: EpochState = { role: 'Follower', epoch: 2, leaderId: 3, votedKey: null, hasFetchedFromLeader: false, highWatermark: null };
    expect(handleFetchRequest(follower, ctx, log, fetch(0, 0)).response).toMatchObject({ error: 'NOT_LEADER_OR_FOLLOWER', leaderId: 3 });
    expect(handleFetchRequest(leader, ctx, log, fetch(-1, 0)).response.error).toBe('INVALID_REQUEST');
    expect(handleFetchRequest(leader, ctx, log, fetch(0, 3)).response.error).toBe('INVALID_REQUEST');
  });

  it('a VALID fetch records the follower and commits the leader’s own-epoch entry', () => {
    const r = handleFetchRequest(leader, ctx, log, fetch(3, 2));
    expect(r.response).toMatchObject({ error: 'NONE', epoch: 2, leaderId: 1, validation: { kind: 'VALID' }, highWatermark: 3 });
    expect(r.highWatermarkChanged).toBe(true);
    const diverging = handleFetchRequest(leader, ctx, log, fetch(3, 1));
    expect(diverging.response.validation).toEqual({ kind: 'DIVERGING', offsetAndEpoch: { offset: 2, epoch: 1 } });
    expect(diverging.state).toBe(leader);
  });

  it('an empty follower is sent a non-bootstrap snapshot straight away', () => {
    const snapLog: RaftLog = { ...log, latestSnapshot: { offset: 2, epoch: 1 }, earliestSnapshot: { offset: 2, epoch: 1 } };
    expect(handleFetchRequest(leader, ctx, snapLog, fetch(0, 0)).response.validation).toEqual({ kind: 'SNAPSHOT', offsetAndEpoch: { offset: 2, epoch: 1 } });
  });

  it('a follower takes min(leader HW, own LEO) and never goes back', () => {
    const f: FollowerState = { role: 'Follower', epoch: 2, leaderId: 1, votedKey: null, hasFetchedFromLeader: true, highWatermark: 2 };
    expect(updateFollowerHighWatermark(f, 9, 3)).toMatchObject({ kind: 'ok', changed: true, state: { highWatermark: 3 } });
    expect(updateFollowerHighWatermark(f, 2, 3)).toEqual({ kind: 'ok', state: f, changed: false });
    expect(updateFollowerHighWatermark(f, null, 3)).toEqual({ kind: 'ok', state: f, changed: false });
    expect(updateFollowerHighWatermark(f, 1, 3)).toMatchObject({ kind: 'fatal' });
  });
});
