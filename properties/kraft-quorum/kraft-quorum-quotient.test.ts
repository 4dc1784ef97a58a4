// The kraft-quorum liveness quotient (epochs renumbered) is tested, not assumed: on sampled reachable states of
// several presets the i-th actions of a state and its representative agree in type, enabledness, bound refusal
// and class reached, and both liveness properties read alike; a property that reads absolute epochs is caught.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/check/create-model.ts';
import { resolveParams } from '../../src/check/resolve-params.ts';
import { eventually, type LivenessProperty } from '../../src/contract/property.ts';
import { livenessModel } from '../../src/explore/liveness/liveness-model.ts';
import { quotientIsBisimulation, quotientProblem } from '../../src/explore/liveness/quotient-check.ts';
import type { Model } from '../../src/contract/model.ts';
import type { KraftQuorumAction } from '../../model/kraft-quorum/kraft-quorum-actions.ts';
import type { KraftQuorumState } from '../../model/kraft-quorum/kraft-quorum-state.ts';
import { epochQuotient, kraftRepresentative } from '../../model/kraft-quorum/kraft-quorum-epoch-quotient.ts';
import { droppablePrefix } from '../../model/kraft-quorum/kraft-quorum-shared-prefix.ts';
import { kraftQuorumDefinition as kq } from './kraft-quorum-definition.ts';

type KraftModel = Model<KraftQuorumState, KraftQuorumAction>;

function setup(preset: string, values: Record<string, unknown> = {}) {
  const params = resolveParams(kq, { preset, values } as Parameters<typeof resolveParams>[1]);
  const model = livenessModel(createModel(kq, params));
  const liveness = kq.properties(params).filter((p): p is LivenessProperty<KraftQuorumState> => p.kind === 'liveness');
  return { model: model as KraftModel, liveness, safety: createModel(kq, params) as KraftModel };
}

const CASES: [string, Record<string, unknown>][] = [
  ['rejoining-voter', {}],
  ['rejoining-voter-pre-vote', {}],
  ['split-vote', { maxEpoch: 4 }],
  ['pre-vote', { restarts: 1, maxEpoch: 4 }],
  ['check-quorum', { restarts: 1, records: 2, maxEpoch: 4 }],
  ['lossy-network', { maxEpoch: 4 }],
  ['no-log-check', { maxEpoch: 4 }],
  ['rejoin-with-empty-disk', { maxEpoch: 3 }],
  ['commit-previous-epoch', {}],
];

describe('kraft-quorum liveness quotient', () => {
  it.each(CASES)('%s %j: a bisimulation on sampled reachable states (fast-check)', (preset, values) => {
    const { model, liveness } = setup(preset, values);
    fc.assert(quotientIsBisimulation(model, liveness, 40), { seed: 11, numRuns: 60 });
  }, 60_000);

  it('a property that reads absolute epochs is caught', () => {
    const { model } = setup('split-vote', { maxEpoch: 4 });
    const absolute = eventually<KraftQuorumState>('epoch-two', 'some voter has reached epoch 2', (s) => s.voters.some((v) => (v.es?.epoch ?? 0) >= 2));
    const run = fc.check(quotientIsBisimulation(model, [absolute], 40), { seed: 11, numRuns: 60 });
    expect(run.failed).toBe(true);
    expect(String((run.errorInstance as Error).message)).toMatch(/epoch-two: its goal reads differently on the state and its representative/);
  });

  it('renumbers only once every voter left epoch 0, keeps older log epochs in order, is idempotent, and bounds the spread', () => {
    const { model, safety } = setup('rejoining-voter');
    const init = model.init()[0];
    expect(epochQuotient(init)).toBe(init);
    // Every voter Unattached in epoch 3 with a log of epoch 1: current epochs shift to 2, the log's 1 stays.
    const at3 = { ...init, voters: init.voters.map((v) => ({ ...v, es: v.es && { ...v.es, epoch: 3 }, log: [1 * 16] })) };
    const rep = epochQuotient(at3);
    expect(rep.voters.map((v) => v.es?.epoch)).toEqual([2, 2, 2]);
    expect(rep.voters.map((v) => v.log)).toEqual([[16], [16], [16]]);
    expect(epochQuotient(rep)).toBe(rep);
    expect(quotientProblem(model, [], at3)).toBeNull();
    // maxEpoch 3: the safety model refuses an election into epoch 4; the liveness model bounds the spread (2 → 3).
    const timeout = { type: 'ElectionTimeout', voter: 2 } as const;
    expect(safety.next(at3, timeout)).toBeUndefined();
    expect(model.next(at3, timeout)).toBeDefined();
  });

  it('forgets the log prefix every voter shares, keeping one shared entry and every offset ≥ 1', () => {
    const { model } = setup('rejoining-voter');
    const init = model.init()[0];
    // LC(0)@1 and record a@1 on every voter, HW 2 everywhere: one entry goes, every offset drops by one.
    const log = [1 * 16 + 0, 1 * 16 + 8];
    const shared = {
      ...init,
      committed: log,
      voters: init.voters.map((v) => ({ ...v, es: v.es && { ...v.es, epoch: 1, highWatermark: 2 }, log, hwSeen: 2 })),
    } as KraftQuorumState;
    expect(droppablePrefix(shared)).toBe(1);
    const rep = kraftRepresentative(shared);
    expect(rep.voters.map((v) => v.log)).toEqual([[24], [24], [24]]);
    expect(rep.voters.map((v) => [v.hwSeen, v.es !== null && 'highWatermark' in v.es ? v.es.highWatermark : null])).toEqual([[1, 1], [1, 1], [1, 1]]);
    expect(rep.committed).toEqual([24]);
    expect(kraftRepresentative(rep)).toEqual(rep);
    expect(quotientProblem(model, [], shared)).toBeNull();
    // A voter without the prefix (an empty log) keeps everything.
    const behind = { ...shared, voters: shared.voters.map((v, id) => (id === 2 ? { ...v, log: [], hwSeen: -1 } : v)) };
    expect(droppablePrefix(behind)).toBe(0);
  });
});
