// Parallel BFS must agree with the single-threaded explorer: distinct states, transitions, depth, coverage and
// the shortest counterexample / witness length per property, with workers taking part (also while the shared
// table grows under them), under symmetry, budgets and model errors.

import { describe, expect, it } from 'vitest';
import { twoPhaseCommitDefinition } from '../../../calibration/two-phase-commit/two-phase-commit-definition.ts';
import type { ModelDefinition } from '../../contract/model-definition.ts';
import type { ParamValues } from '../../contract/params.ts';
import type { AlwaysProperty, SafetyProperty, SometimesProperty } from '../../contract/property.ts';
import { exploreBfs } from '../bfs.ts';
import type { ExploreOptions } from '../explore-options.ts';
import type { Outcome } from '../outcome.ts';
import { canRunParallel, exploreParallel, type ParallelOptions } from './explore-parallel.ts';
import { registry as fixtures } from './fixture-registry.ts';
import type { LevelReport } from './parallel-options.ts';

const PROPERTIES_URL = new URL('../../../wiring/registry.ts', import.meta.url).href;
const FIXTURES_URL = new URL('./fixture-registry.ts', import.meta.url).href;
const grid = fixtures.models[0];

function twoPhase(params: ParamValues, properties: string[] = []) {
  return { moduleUrl: PROPERTIES_URL, exportName: 'registry', model: 'two-phase-commit', params, properties };
}
function gridSource(params: ParamValues, properties: string[] = []) {
  return { moduleUrl: FIXTURES_URL, exportName: 'registry', model: 'grid', params: { size: 40, throwAt: -1, workersOnly: false, initials: 2, limit: 1000000, ...params }, properties };
}

function bfs(definition: ModelDefinition, source: { params: ParamValues; properties: string[] }, options: Partial<ExploreOptions<any, any>> = {}): Outcome {
  const all = definition.properties(source.params).filter((p) => source.properties.length === 0 || source.properties.includes(p.name));
  const properties = all.filter((p) => p.kind !== 'sometimes') as SafetyProperty<any, any>[];
  const witnesses = all.filter((p) => p.kind === 'sometimes') as SometimesProperty<any>[];
  return exploreBfs(definition.create(source.params), { properties, witnesses, ...options });
}

async function parallel(source: Parameters<typeof exploreParallel>[0], options: Partial<ParallelOptions> = {}) {
  const levels: LevelReport[] = [];
  const outcome = await exploreParallel(source, { workers: 2, waitForWorkers: true, onLevel: (l) => levels.push(l), ...options });
  return { outcome, levels, workerParts: levels.reduce((n, l) => n + l.workerParts, 0), grows: levels.reduce((n, l) => n + l.grows, 0) };
}

/**
 * Everything but timing. Which of several same-level transitions discovers a state first is a race, so the trace
 * chosen for a witness and the per-action split of `newStates` may differ; depths and totals may not.
 */
function comparable(outcome: Outcome) {
  return {
    status: outcome.status,
    complete: outcome.complete,
    stoppedBy: outcome.stoppedBy,
    distinct: outcome.stats.distinctStates,
    generated: outcome.stats.generatedStates,
    maxDepth: outcome.stats.maxDepth,
    coverage: outcome.coverage.map((c) => [c.action, c.enabled, c.taken]),
    newStates: outcome.coverage.reduce((n, c) => n + c.newStates, 0),
    warnings: outcome.warnings,
    witnesses: outcome.witnesses.map((w) => [w.name, w.found, w.depth, w.at?.path.length]),
  };
}

describe('exploreParallel on two-phase-commit', () => {
  it.each([
    [3, 288],
    [5, 8_832],
    [7, 296_448],
  ])('%i RMs with 2 workers: %i distinct states, everything as exploreBfs', async (resourceManagers, distinct) => {
    const source = twoPhase({ resourceManagers, abortAfterPrepare: false });
    const { outcome, workerParts } = await parallel(source);
    expect(outcome.stats.distinctStates).toBe(distinct);
    expect(comparable(outcome)).toEqual(comparable(bfs(twoPhaseCommitDefinition, source)));
    if (resourceManagers === 7) expect(workerParts).toBeGreaterThan(0);
  });

  it('abort-after-prepare: the shortest counterexample has 9 actions, as in BFS, and replays', async () => {
    const source = twoPhase({ resourceManagers: 3, abortAfterPrepare: true });
    const expected = bfs(twoPhaseCommitDefinition, source);
    const { outcome } = await parallel(source);
    expect(outcome.status).toBe('violation');
    expect(outcome.stoppedBy).toBe('first-violation');
    expect(outcome.violations.map((v) => [v.property, v.path.length])).toEqual([['tp-consistent', 9]]);
    expect(expected.violations[0].path.length).toBe(9);
    const model = twoPhaseCommitDefinition.create(source.params);
    let state = model.init()[outcome.violations[0].initIndex];
    for (const index of outcome.violations[0].path) state = model.next(state, model.actions(state)[index])!;
    const invariant = twoPhaseCommitDefinition.properties(source.params)[0] as AlwaysProperty<unknown>;
    expect(invariant.check(state)).toBe(false);
  });

  it('a tiny initial table grows while workers are paused mid-level and the counts stay exact', async () => {
    const source = twoPhase({ resourceManagers: 6, abortAfterPrepare: false });
    const { outcome, levels, grows } = await parallel(source, { workers: 3, initialTableCapacity: 64 });
    expect(comparable(outcome)).toEqual(comparable(bfs(twoPhaseCommitDefinition, source)));
    expect(grows).toBeGreaterThanOrEqual(10); // 64 → 131,072 slots for 42,560 states... one doubling at a time
    expect(levels.some((l) => l.grows > 0 && l.workerParts > 0 && l.mainParts > 0)).toBe(true);
  });

  it('slabs that fill up mid-chunk and are written again once their states were expanded keep the counts exact', async () => {
    const source = twoPhase({ resourceManagers: 6, abortAfterPrepare: false });
    const { outcome, levels, workerParts } = await parallel(source, { workers: 3, slabInts: 200 }); // a few states each
    expect(comparable(outcome)).toEqual(comparable(bfs(twoPhaseCommitDefinition, source)));
    expect(workerParts).toBeGreaterThan(0);
    const sum = (f: (l: LevelReport) => number) => levels.reduce((n, l) => n + f(l), 0);
    expect(sum((l) => l.slabs)).toBeGreaterThan(levels.length * 3); // slabs filled up within levels
    expect(sum((l) => l.newSlabs)).toBeLessThan(sum((l) => l.slabs) / 2); // most were recycled
  });

  it('workers started through the tsx bootstrap (no bundle) take part too', async () => {
    const source = twoPhase({ resourceManagers: 6, abortAfterPrepare: false });
    const { outcome, workerParts } = await parallel(source, { bundle: false });
    expect(workerParts).toBeGreaterThan(0);
    expect(comparable(outcome)).toEqual(comparable(bfs(twoPhaseCommitDefinition, source)));
  });

  it('with one worker (the main thread alone) it is still exact', async () => {
    const source = twoPhase({ resourceManagers: 5, abortAfterPrepare: false });
    const { outcome, workerParts } = await parallel(source, { workers: 1 });
    expect(workerParts).toBe(0);
    expect(comparable(outcome)).toEqual(comparable(bfs(twoPhaseCommitDefinition, source)));
  });
});

describe('exploreParallel on the test grid', () => {
  it('symmetry reduction counts what exploreBfs counts', async () => {
    for (const symmetry of [false, true]) {
      const source = gridSource({ size: 300 });
      const { outcome } = await parallel(source, { symmetry, initialTableCapacity: 256 });
      expect(comparable(outcome)).toEqual(comparable(bfs(grid, source, { symmetry })));
    }
  });

  it('more initial states than the initial table holds are inserted without growth checks', async () => {
    const source = gridSource({ size: 300, initials: 250 });
    const { outcome } = await parallel(source, { initialTableCapacity: 64 });
    expect(comparable(outcome)).toEqual(comparable(bfs(grid, source)));
  });

  it('--continue finds every property at its own shortest depth (invariants and action properties)', async () => {
    const source = gridSource({ size: 300, limit: 120 });
    const { outcome } = await parallel(source, { continueAfterViolation: true });
    const expected = bfs(grid, source, { continueAfterViolation: true });
    const lengths = (o: Outcome) => Object.fromEntries(o.violations.map((v) => [v.property, [v.kind, v.path.length]]));
    expect(lengths(outcome)).toEqual(lengths(expected));
    expect(lengths(outcome)).toEqual({ 'sum-bounded': ['always', 120], 'a-bounded': ['always', 120], 'b-steps-bounded': ['action', 121] });
  });

  it('max depth stops like exploreBfs; max states and the time limit stop incomplete', async () => {
    const source = gridSource({ size: 300 });
    const depth = await parallel(source, { maxDepth: 50 });
    expect(comparable(depth.outcome)).toEqual(comparable(bfs(grid, source, { maxDepth: 50 })));
    expect(depth.outcome.stoppedBy).toBe('max-depth');
    const states = await parallel(source, { maxStates: 5000 });
    expect([states.outcome.status, states.outcome.stoppedBy, states.outcome.complete]).toEqual(['incomplete', 'max-states', false]);
    expect(states.outcome.stats.distinctStates).toBeGreaterThanOrEqual(5000);
    expect(states.outcome.stats.distinctStates).toBeLessThan(90_000);
    const time = await exploreParallel(source, { workers: 2, timeLimitMs: 0 });
    expect([time.status, time.stoppedBy]).toEqual(['incomplete', 'time-limit']);
  });

  it('a model that throws in a worker ends in an error naming the state being expanded', async () => {
    const source = gridSource({ size: 300, throwAt: 150 });
    const expected = bfs(grid, source);
    const { outcome } = await parallel(source);
    expect(outcome.status).toBe('error');
    expect(outcome.error?.message).toMatch(/^the model threw: grid broke at a=\d+ b=\d+$/);
    expect(outcome.error?.at?.path.length).toBe(expected.error?.at?.path.length);
  });

  it('an error thrown only in worker threads crosses to the outcome with the path of its state', async () => {
    const source = gridSource({ size: 300, throwAt: 150, workersOnly: true });
    const { outcome } = await parallel(source);
    expect(outcome.status).toBe('error');
    const [, a, b] = /a=(\d+) b=(\d+)$/.exec(outcome.error!.message)!.map(Number);
    const model = grid.create(gridSource({ size: 300 }).params);
    let state = model.init()[outcome.error!.at!.initIndex];
    for (const index of outcome.error!.at!.path) state = model.next(state, model.actions(state)[index])!;
    expect([state.a, state.b]).toEqual([a, b]);
  });

  it('canRunParallel needs decode and more than one worker; bad sources are rejected', async () => {
    expect(canRunParallel(grid.create(gridSource({ size: 3 }).params), 2)).toBe(true);
    expect(canRunParallel(grid.create(gridSource({ size: 3 }).params), 1)).toBe(false);
    expect(canRunParallel(fixtures.models[1].create(gridSource({ size: 3 }).params), 4)).toBe(false);
    await expect(exploreParallel({ ...gridSource({}), model: 'nope' }, { workers: 2 })).rejects.toThrow(/unknown model 'nope'/);
    await expect(exploreParallel(gridSource({}, ['no-such-property']), { workers: 2 })).rejects.toThrow(/unknown property/);
  });
});
