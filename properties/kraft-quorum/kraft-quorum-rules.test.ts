// The kraft-quorum model decides with the very rule functions the raft.json conformance vectors check: spy on
// rules/raft's exports, explore the model, and see each one called and answering every way a vector pins
// (granted and refused votes, VALID and DIVERGING fetches, HW moves, truncations). The two timer vectors
// (randomElectionTimeoutMs, binaryExponentialElectionBackoffMs) size durations the model leaves nondeterministic.
import { describe, it, expect, vi } from 'vitest';
import type * as Raft from '../../model/rules/raft/index.ts';
import { readFileSync } from 'node:fs';
import { checkModel } from '../../src/check/run-check.ts';
import { kraftQuorumDefinition } from './kraft-quorum-definition.ts';

const { SPIED } = vi.hoisted(() => ({
  SPIED: [
    'handleVoteRequest',
    'handleVoteResponse',
    'handleFetchRequest',
    'handleCommonResponse',
    'updateLocalState',
    'updateFollowerHighWatermark',
    'truncateToEndOffset',
    'initializeQuorumState',
    'onElectionTimeout',
    'onFetchTimeout',
  ] as const,
}));

vi.mock('../../model/rules/raft/index.ts', async (importOriginal) => {
  const mod = await importOriginal<typeof Raft>();
  const spied: Record<string, unknown> = { ...mod };
  for (const name of SPIED) spied[name] = vi.fn(mod[name] as (...args: never[]) => unknown);
  return spied;
});

const raft = await import('../../model/rules/raft/index.ts');
const spy = (name: (typeof SPIED)[number]) => raft[name] as unknown as ReturnType<typeof vi.fn>;
const results = (name: (typeof SPIED)[number]) => spy(name).mock.results.map((r) => r.value);

/** Which model entry point decides each raft.json algorithm (the rule itself or its caller in rules/raft). */
const DECIDED_BY: Record<string, (typeof SPIED)[number] | 'timer'> = {
  'KafkaRaftClient.handleVoteRequest + EpochState.canGrantVote': 'handleVoteRequest',
  'LeaderState.updateLocalState/updateReplicaState -> maybeUpdateHighWatermark': 'updateLocalState',
  'ReplicatedLog.validateOffsetAndEpoch (leader side of KRaft Fetch)': 'handleFetchRequest',
  'ReplicatedLog.endOffsetForEpoch': 'truncateToEndOffset',
  'ReplicatedLog.truncateToEndOffset (follower handling FetchResponse.divergingEpoch)': 'truncateToEndOffset',
  'KafkaRaftClient.binaryExponentialElectionBackoffMs': 'timer',
  'QuorumState.randomElectionTimeoutMs': 'timer',
};

describe('the model runs on the rules the raft.json vectors check', () => {
  it('every vector algorithm is mapped to the model entry point that decides it', () => {
    const file = JSON.parse(readFileSync(new URL('../../wiring/conformance/vectors/raft.json', import.meta.url), 'utf8')) as { vectors: { algorithm: string }[] };
    const algorithms = new Set(file.vectors.map((v) => v.algorithm));
    expect([...algorithms].sort()).toEqual(Object.keys(DECIDED_BY).sort());
  });

  it('exploring the model calls each of them, with every kind of answer', () => {
    const r = checkModel(kraftQuorumDefinition, { sets: ['records=1', 'restarts=1', 'maxMessages=3'], maxStates: 25_000, properties: ['log-matching'] });
    expect(r.outcome.status).toBe('incomplete');
    for (const name of SPIED) expect(spy(name).mock.calls.length, name).toBeGreaterThan(0);

    const votes = results('handleVoteRequest') as Raft.VoteRequestResult[];
    expect(votes.some((v) => v.response.granted)).toBe(true);
    expect(votes.some((v) => !v.response.granted && v.response.error === 'NONE')).toBe(true);
    expect(votes.some((v) => v.response.error === 'FENCED_LEADER_EPOCH')).toBe(true);

    const fetches = results('handleFetchRequest') as Raft.FetchRequestResult[];
    const kinds = new Set(fetches.map((f) => f.response.validation?.kind ?? f.response.error));
    expect([...kinds]).toEqual(expect.arrayContaining(['VALID', 'DIVERGING', 'FENCED_LEADER_EPOCH', 'NOT_LEADER_OR_FOLLOWER']));
    expect(fetches.some((f) => f.highWatermarkChanged)).toBe(true);

    const truncations = results('truncateToEndOffset') as Raft.TruncationResult[];
    expect(truncations.some((t) => t.kind === 'truncated')).toBe(true);
    expect((results('updateLocalState') as Raft.ProgressUpdate[]).length).toBeGreaterThan(0);
    expect((results('initializeQuorumState') as Raft.EpochState[]).map((s) => s.role)).toEqual(expect.arrayContaining(['Unattached', 'Candidate', 'Resigned']));
  });
});
