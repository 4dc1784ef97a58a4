// The kraft-quorum presets: Kafka's rules (classic and KIP-996), the faults they survive, and each classic Raft
// mistake of kafka-bugs.md item 9 with the property it breaks. Unless a preset says otherwise: 3 voters,
// maxEpoch 2, 1 metadata record, no restarts or resignations, at most 4 messages in flight, no drops/duplicates.
import type { Preset } from '../../src/contract/model-definition.ts';

const SMALL = { records: 0, maxMessages: 3 } as const;

/** Liveness scenarios: timers wait for a quiet quorum (a timeout outlasts a round trip); voter 2 loses touch. */
const REJOIN = { timers: 'when-quiet', lostContact: 'last' } as const;

export const kraftQuorumPresets: readonly Preset[] = [
  {
    name: 'default',
    doc: "Kafka's KRaft rules, classic elections: 3 voters, epochs ≤ 2, 1 metadata record, ≤ 4 messages in flight (two candidates can campaign at once), no faults besides delays and reordering. All properties hold, exhaustively.",
    params: {},
    expect: { holds: true },
  },
  {
    name: 'pre-vote',
    doc: 'KIP-996: a timed-out voter first wins a PreVote round as Prospective. 3 voters, epochs ≤ 2, LeaderChange records only (records 0), ≤ 3 messages in flight. All properties hold, exhaustively.',
    params: { preVote: true, ...SMALL },
    expect: { holds: true },
  },
  {
    name: 'check-quorum',
    doc: 'A leader may resign once (check-quorum expiry), sending EndQuorumEpoch, and later run again. Records 0, ≤ 3 messages in flight. All properties hold, exhaustively.',
    params: { resigns: 1, ...SMALL },
    expect: { holds: true },
  },
  {
    name: 'lossy-network',
    doc: 'The network may also lose one message and duplicate one (RequestManager ignores an answer it no longer expects). Records 0, ≤ 2 messages in flight. All properties hold, exhaustively.',
    params: { drops: 1, duplicates: 1, records: 0, maxMessages: 2 },
    expect: { holds: true },
  },
  {
    name: 'no-log-check',
    doc: 'Votes granted without the up-to-date comparison (last epoch, then end offset): a voter elects a leader that lacks a committed record, which then commits over it. Records 0, ≤ 3 messages in flight.',
    params: { voteLogCheck: false, ...SMALL },
    expect: { violates: ['leader-completeness', 'committed-never-lost'] },
  },
  {
    name: 'forget-vote-on-restart',
    doc: 'The granted vote is not written to quorum-state: a voter restarts, forgets it voted in this epoch and votes again, so two leaders share an epoch. One restart.',
    params: { persistVote: false, restarts: 1 },
    expect: { violates: ['single-controller-per-epoch'] },
  },
  {
    name: 'commit-previous-epoch',
    doc: "Raft §5.4.2 (Figure 8): the leader's HW counts replicas of an earlier epoch's record without waiting for its own epoch; a voter holding a later epoch then wins and overwrites it. Needs 4 epochs and one record per fetch response (fetch max bytes); records 0, ≤ 3 messages in flight.",
    params: { commitByCountingReplicas: true, maxEpoch: 4, fetchMaxRecords: 1, ...SMALL },
    expect: { violates: ['committed-never-lost'] },
  },
  {
    name: 'commit-previous-epoch-hw',
    doc: "The same mistake seen from a voter: a new leader takes its first HW from a lagging follower's offset, below the HW it had as a follower, so the HW goes backwards.",
    params: { commitByCountingReplicas: true },
    expect: { violates: ['high-watermark-monotonic'] },
  },
  {
    name: 'rejoin-with-empty-disk',
    doc: 'A voter loses its disk and rejoins under the same id without KIP-853 directory ids: it is still counted as that voter, votes again with an empty log and no memory of its vote, and a committed record is overwritten. Records 0, ≤ 2 messages in flight.',
    params: { diskLosses: 1, directoryIds: false, records: 0, maxMessages: 2 },
    expect: { violates: ['committed-never-lost'] },
  },
  {
    name: 'no-divergence-check',
    doc: "The leader serves a Fetch without comparing the follower's last fetched epoch (Raft without prevLogTerm): a follower appends after a stale suffix and two logs disagree below an entry of the same epoch.",
    params: { divergenceCheck: false },
    expect: { violates: ['log-matching'] },
  },
  {
    name: 'restart-as-candidate',
    doc: "Kafka's rules with one restart: a voter that campaigned in epoch e and then followed e's leader (keeping its vote for itself, trunk QuorumState) restarts as Candidate(e) with records of epoch e; its Vote carries lastEpoch = epoch, is answered INVALID_REQUEST, and KafkaRaftClient treats that answer as fatal.",
    params: { restarts: 1 },
    expect: { violates: ['no-fatal-error'] },
  },
  {
    name: 'split-vote',
    doc: "The default params, checked for liveness: with election timers free to fire at any time, candidates split the vote epoch after epoch forever — a fair lasso that closes up to the liveness quotient (its loop returns to the same state with every epoch 9 higher). Raft's known livelock without randomised election timeouts: Kafka randomises them (QuorumState.randomElectionTimeoutMs), which makes this run improbable, not impossible; timeout lengths and probabilities are outside the model. maxEpoch bounds the epoch spread in liveness runs.",
    params: {},
    expect: { violates: ['leader-eventually-elected'] },
  },
  {
    name: 'rejoining-voter',
    doc: "KIP-996's motivation, classic elections (no Pre-Vote, no check-quorum): voter 2 loses touch with leader 0 before fetching, times out and campaigns in epoch 2 with an empty log. Its Vote makes leader 0 and follower 1 move to epoch 2 and reject it; then, every time the quorum is quiet, voter 2's election timer fires first and it campaigns again one epoch higher, knocking 0 and 1 into that epoch as well — the quorum stays leaderless forever (a fair lasso whose 10-step loop returns to the same state with every epoch 2 higher). Timers wait for a quiet quorum; maxEpoch 3 bounds the epoch spread.",
    params: { ...REJOIN, maxEpoch: 3 },
    expect: { violates: ['no-disruption-by-rejoining-voter'] },
  },
  {
    name: 'rejoining-voter-pre-vote',
    doc: "The same with KIP-996 Pre-Vote: voter 2 first asks as Prospective; leader 0 and follower 1, which has fetched from 0, refuse (FollowerState.canGrantVote), so nobody leaves epoch 1 and leader 0 stays. Both liveness properties hold (maxEpoch 3, as rejoining-voter).",
    params: { ...REJOIN, preVote: true, maxEpoch: 3 },
    expect: { holds: true },
    liveness: ['leader-eventually-elected', 'no-disruption-by-rejoining-voter'],
  },
];
