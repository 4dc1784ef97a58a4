// Kafka's rules under process faults: with restarts, and with a voter that rejoins on an empty disk under KIP-853
// directory ids, the five safety properties of the issue still hold exhaustively; Kafka's own fatal checks can fire
// (a crash loop, not a safety loss: see restart-as-candidate), and seeded simulation finds the basic mistakes.
import { describe, it, expect } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import type { KraftQuorumAction } from '../../model/kraft-quorum/kraft-quorum-actions.ts';
import { kraftQuorumDefinition } from './kraft-quorum-definition.ts';

const SAFETY = ['single-controller-per-epoch', 'log-matching', 'leader-completeness', 'committed-never-lost', 'high-watermark-monotonic'];
const SMALL = ['records=0', 'maxMessages=3'];

describe('kraft-quorum under process faults', () => {
  it.each([
    ['one crash and restart', ['restarts=1'], 288_096],
    ['a voter rejoins on an empty disk with a new directory id', ['diskLosses=1', 'directoryIds=true'], 223_156],
  ] as const)('%s: the five safety properties hold exhaustively', (_name, sets, states) => {
    const r = checkModel(kraftQuorumDefinition, { sets: [...SMALL, ...sets], properties: SAFETY });
    expect(r.outcome.status).toBe('ok');
    expect(r.outcome.complete).toBe(true);
    expect(r.outcome.stats.distinctStates).toBe(states);
  });

  it('an emptied voter (an observer now) that hears its own id named leader hits Kafka`s inconsistent-leader check', () => {
    const r = checkModel(kraftQuorumDefinition, { sets: [...SMALL, 'diskLosses=1'], properties: ['no-fatal-error'] });
    expect(r.outcome.violations.map((v) => v.path.length)).toEqual([15]);
    const steps = r.violations[0].trace.actions.map((a) => kraftQuorumDefinition.create(r.params).describeAction!(a as KraftQuorumAction));
    expect(steps.at(-1)).toBe('deliver FetchResponse 0→1 (epoch 2, leader 1, FENCED_LEADER_EPOCH, HW none)');
  });
});

describe('seeded simulation (random walks, shrunk) finds the basic mistakes too', () => {
  it.each([
    ['no-log-check', 'leader-completeness'],
    ['forget-vote-on-restart', 'single-controller-per-epoch'],
    ['no-divergence-check', 'log-matching'],
  ] as const)('%s', (preset, property) => {
    const r = checkModel(kraftQuorumDefinition, { preset, strategy: 'simulate', walks: 2000, seed: 1, maxDepth: 60, properties: [property] });
    expect(r.outcome.status).toBe('violation');
    expect(r.outcome.violations[0].property).toBe(property);
  });
});
