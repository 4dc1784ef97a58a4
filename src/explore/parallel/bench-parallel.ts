// Measures parallel BFS against the single-threaded explorer on the two-phase-commit calibration model:
// `npx tsx src/explore/parallel/bench-parallel.ts [resourceManagers=8] [rounds=3] [runs=bfs,1,2]` (a number is
// exploreParallel with that many workers). Rounds alternate the runs so other load on the machine hits them alike;
// prints wall and CPU time per run and the best wall time of each.

import { twoPhaseCommitDefinition as definition } from '../../../calibration/two-phase-commit/two-phase-commit-definition.ts';
import type { SafetyProperty, SometimesProperty } from '../../contract/property.ts';
import { exploreBfs } from '../bfs.ts';
import type { Outcome } from '../outcome.ts';
import { exploreParallel } from './explore-parallel.ts';

const resourceManagers = Number(process.argv[2] ?? 8);
const rounds = Number(process.argv[3] ?? 3);
const order = (process.argv[4] ?? 'bfs,1,2').split(',');
const params = { resourceManagers, abortAfterPrepare: false };
const source = {
  moduleUrl: new URL('../../../wiring/registry.ts', import.meta.url).href,
  exportName: 'registry',
  model: 'two-phase-commit',
  params,
  properties: [],
};

async function timed(run: () => Outcome | Promise<Outcome>): Promise<{ wall: number; cpu: number; states: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const outcome = await run();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000, states: outcome.stats.distinctStates };
}

function single(): Outcome {
  const all = definition.properties(params);
  const properties = all.filter((p) => p.kind !== 'sometimes') as SafetyProperty<unknown, never>[];
  const witnesses = all.filter((p) => p.kind === 'sometimes') as SometimesProperty<unknown>[];
  return exploreBfs(definition.create(params) as never, { properties, witnesses });
}

// As in the CLI (bin/kcheck.ts imports the registry before anything runs), the registry is loaded before timing.
await import(source.moduleUrl);

const best = new Map<string, number>();
for (let round = 1; round <= rounds; round++) {
  const runs = order.map((run): [string, () => Outcome | Promise<Outcome>] =>
    run === 'bfs' ? ['bfs.ts', () => single()] : [`workers=${run}`, () => exploreParallel(source, { workers: Number(run) })],
  );
  for (const [name, run] of runs) {
    const { wall, cpu, states } = await timed(run);
    best.set(name, Math.min(best.get(name) ?? Infinity, wall));
    console.log(`round ${round} ${name.padEnd(10)} ${states} states  wall ${(wall / 1000).toFixed(2)} s  cpu ${(cpu / 1000).toFixed(2)} s`);
  }
}
for (const [name, wall] of best) console.log(`best ${name.padEnd(10)} ${(wall / 1000).toFixed(2)} s`);
