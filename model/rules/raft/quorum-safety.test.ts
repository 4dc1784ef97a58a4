// Composition check (a test harness, not the kraft-quorum model): three voters exchange Vote/PreVote/
// BeginQuorumEpoch in random order with timeouts, drops and restarts; at most one node may lead an epoch under
// both protocols, and not persisting a granted vote (kafka-bugs.md item 9) must break that. Answers to requests
// sent before a role/epoch change or a restart are dropped, as Kafka's RequestManager does.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  appendLeaderChangeRecord,
  buildVoteRequest,
  electionStateOf,
  handleBeginQuorumEpochRequest,
  handleVoteRequest,
  handleVoteResponse,
  initializeQuorumState,
  logEndOffsetAndEpoch,
  onBackoffComplete,
  onElectionTimeout,
  onFetchTimeout,
  EMPTY_RAFT_LOG,
  replicaKey,
  resetsConnections,
  voteRequestTargets,
  type ElectionProtocol,
  type ElectionState,
  type EpochState,
  type QuorumContext,
  type RaftLog,
  type VoteRequest,
  type VoteResponse,
} from './index.ts';

type Message =
  | { kind: 'vote'; from: number; to: number; request: VoteRequest; incarnation: number }
  /** `incarnation`: the requester's connection generation when it asked; a stale answer is ignored. */
  | { kind: 'answer'; from: number; to: number; response: VoteResponse; incarnation: number }
  | { kind: 'begin'; from: number; to: number; epoch: number };
interface Node { state: EpochState; persisted: ElectionState; log: RaftLog; incarnation: number }
type Step = { kind: 'timeout' | 'restart' | 'resend'; node: number } | { kind: 'deliver' | 'drop'; pick: number };

const IDS = [1, 2, 3];
// Weighted towards delivery so that elections complete; restarts and drops are rarer disturbances.
const onNode = (kind: 'timeout' | 'restart' | 'resend') => fc.record({ kind: fc.constant(kind), node: fc.constantFrom(...IDS) });
const onBag = (kind: 'deliver' | 'drop') => fc.record({ kind: fc.constant(kind), pick: fc.nat() });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: onBag('deliver') },
  { weight: 2, arbitrary: onNode('timeout') },
  { weight: 1, arbitrary: onBag('drop') },
  { weight: 1, arbitrary: onNode('restart') },
  { weight: 1, arbitrary: onNode('resend') },
);

/**
 * Runs the steps; `safe` turns false as soon as two nodes have led the same epoch (or a node saw two leaders).
 * `elected` counts the epochs that got a leader, so the suite can check the runs are not vacuous.
 */
function runElections(steps: readonly Step[], protocol: ElectionProtocol, persistVotes: boolean): { safe: boolean; elected: number } {
  const ctxOf = (id: number): QuorumContext => ({ local: replicaKey(id), voters: IDS.map((v) => replicaKey(v)), protocol });
  const nodes = new Map<number, Node>(
    IDS.map((id) => [id, { state: initializeQuorumState(null, { offset: 0, epoch: 0 }, ctxOf(id)), persisted: { epoch: 0, leaderId: null, votedKey: null }, log: EMPTY_RAFT_LOG, incarnation: 0 }]),
  );
  const bag: Message[] = [];
  const leaders = new Map<number, number>();

  const settle = (id: number, before: EpochState, next: EpochState, isVoteGrant = false) => {
    const node = nodes.get(id)!;
    const ctx = ctxOf(id);
    if (resetsConnections(before, next)) node.incarnation++;
    if (next.role === 'Leader' && before.role !== 'Leader') {
      node.log = appendLeaderChangeRecord(node.log, next.epoch);
      for (const to of IDS) if (to !== id) bag.push({ kind: 'begin', from: id, to, epoch: next.epoch });
    }
    const entered = (next.role === 'Prospective' || next.role === 'Candidate') && (before.role !== next.role || before.epoch !== next.epoch);
    if (entered) sendVotes(id, next);
    node.state = next;
    if (persistVotes || !isVoteGrant) node.persisted = electionStateOf(next, ctx);
    if (next.role === 'Leader') {
      const other = leaders.get(next.epoch);
      if (other !== undefined && other !== id) throw new Error(`two leaders in epoch ${next.epoch}`);
      leaders.set(next.epoch, id);
    }
  };
  const sendVotes = (id: number, s: EpochState) => {
    const { log, incarnation } = nodes.get(id)!;
    const end = logEndOffsetAndEpoch(log);
    for (const to of voteRequestTargets(s, ctxOf(id))) {
      bag.push({ kind: 'vote', from: id, to, request: buildVoteRequest(s, ctxOf(id), end, to), incarnation });
    }
  };

  try {
    for (const s of steps) {
      if ('pick' in s) {
        if (bag.length === 0) continue;
        const [m] = bag.splice(s.pick % bag.length, 1);
        if (s.kind === 'drop') continue;
        const node = nodes.get(m.to)!;
        const ctx = ctxOf(m.to);
        const end = logEndOffsetAndEpoch(node.log);
        if (m.kind === 'vote') {
          const r = handleVoteRequest(node.state, ctx, end, m.request);
          bag.push({ kind: 'answer', from: m.to, to: m.from, response: r.response, incarnation: m.incarnation });
          settle(m.to, node.state, r.state, !m.request.preVote && r.response.granted);
        } else if (m.kind === 'answer') {
          if (m.incarnation !== node.incarnation) continue; // RequestManager: no longer expected
          const r = m.response;
          const res = { from: m.from, error: r.error, granted: r.granted, epoch: r.epoch, leaderId: r.leaderId };
          settle(m.to, node.state, handleVoteResponse(node.state, ctx, end, res));
        } else {
          settle(m.to, node.state, handleBeginQuorumEpochRequest(node.state, ctx, { leaderId: m.from, epoch: m.epoch }).state);
        }
        continue;
      }
      const node = nodes.get(s.node)!;
      const ctx = ctxOf(s.node);
      const leo = node.log.endOffset;
      if (s.kind === 'timeout') {
        const next = onElectionTimeout(node.state, ctx, leo) ?? onFetchTimeout(node.state, ctx, leo) ?? onBackoffComplete(node.state, ctx, leo);
        if (next) settle(s.node, node.state, next);
      } else if (s.kind === 'restart') {
        node.state = initializeQuorumState(node.persisted, logEndOffsetAndEpoch(node.log), ctx);
        node.incarnation++;
      } else {
        sendVotes(s.node, node.state);
      }
    }
  } catch (e) {
    if (e instanceof Error && /two leaders|inconsistent/.test(e.message)) return { safe: false, elected: leaders.size };
    throw e;
  }
  return { safe: true, elected: leaders.size };
}

describe('election safety over the rules', () => {
  for (const protocol of ['classic', 'kip996'] as const) {
    it(`${protocol}: at most one leader per epoch, across restarts`, () => {
      let runsWithLeaders = 0;
      fc.assert(
        fc.property(fc.array(step, { minLength: 20, maxLength: 120 }), (steps) => {
          const { safe, elected } = runElections(steps, protocol, true);
          if (elected > 0) runsWithLeaders++;
          return safe;
        }),
        { numRuns: 400 },
      );
      expect(runsWithLeaders).toBeGreaterThan(100); // not vacuous: a quarter of the runs elect someone
    });
  }

  it('not persisting a granted vote lets two leaders share an epoch', () => {
    // Node 1 and node 2 both stand in epoch 1; node 3 votes for 1, restarts without its vote, and votes for 2.
    const steps: Step[] = [
      { kind: 'timeout', node: 1 }, // classic: Candidate(1), Vote → 2, 3
      { kind: 'timeout', node: 2 }, // Candidate(1), Vote → 1, 3
      { kind: 'drop', pick: 0 }, // 1 → 2 lost
      { kind: 'deliver', pick: 0 }, // 1 → 3: granted
      { kind: 'restart', node: 3 },
      { kind: 'drop', pick: 0 }, // 2 → 1 lost
      { kind: 'deliver', pick: 0 }, // 2 → 3: granted again
      { kind: 'deliver', pick: 0 }, // 3's answer to 1: leader of epoch 1
      { kind: 'deliver', pick: 0 }, // 3's answer to 2 (or a BeginQuorumEpoch)
      { kind: 'deliver', pick: 0 },
      { kind: 'deliver', pick: 0 },
    ];
    expect(runElections(steps, 'classic', true)).toEqual({ safe: true, elected: 1 });
    expect(runElections(steps, 'classic', false).safe).toBe(false);
  });
});
