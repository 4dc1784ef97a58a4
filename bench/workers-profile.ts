// Where a `--workers` run's time goes, per level and in total: each thread's wall time expanding and its CPU
// time, the main thread's wait at the level barrier, the serial work between levels, and how late workers start.
// `npx tsx bench/workers-profile.ts <benchmark> [workers=2] [--levels]` (benchmark names from bench/benchmarks.ts).
// CPU per thread (from /proc) is honest on a loaded machine; the wall columns are not.

import { resolveParams } from '../src/check/resolve-params.ts';
import { exploreParallel } from '../src/explore/parallel/explore-parallel.ts';
import type { LevelReport } from '../src/explore/parallel/parallel-options.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { registry } from '../wiring/registry.ts';
import { BENCHMARKS } from './benchmarks.ts';

const [name, workersArg = '2', ...flags] = process.argv.slice(2);
const bench = BENCHMARKS.find((b) => b.name === name);
if (!bench) {
  console.error(`unknown benchmark ${name}; valid: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const workers = Number(workersArg);
const params = resolveParams(bench.definition, bench.options);
const levels: LevelReport[] = [];
let startups: unknown[] = [];
const cpu = process.cpuUsage();
const started = performance.now();
const outcome = await exploreParallel(
  { ...registry.source!, model: bench.definition.name, params, properties: [...(bench.options.properties ?? [])] },
  { workers, symmetry: bench.options.symmetry, onLevel: (level) => levels.push(level), onStartup: (s) => (startups = s.map(({ spawnedAt: _, ...rest }) => rest)) },
);
const wall = performance.now() - started;
const used = process.cpuUsage(cpu);

/** CPU ms per thread name of this process's live threads (V8's GC and compiler helpers, libuv, ...), from /proc. */
function helperCpu(): Record<string, number> {
  const out: Record<string, number> = {};
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[comm] = (out[comm] ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10;
    }
  } catch {
    // not Linux
  }
  return out;
}
const helpers = helperCpu();

const ms = (n: number) => n.toFixed(0).padStart(6);
if (flags.includes('--levels')) {
  console.log('depth  expanded  wall  serial  mWait  drain  grow | per thread: busy/cpu/queued ms, states, lag');
  for (const l of levels) {
    const threads = l.threads.map((t) => `${ms(t.busyMs)}/${ms(t.cpuMs)}/${ms(t.queuedMs)} ${String(t.expanded).padStart(8)} ${t.lagMs.toFixed(1)}`).join(' | ');
    console.log(`${String(l.depth).padStart(5)} ${String(l.expanded).padStart(9)} ${ms(l.durationMs)} ${ms(l.serialMs)} ${ms(l.mainWaitMs)} ${ms(l.drainMs)} ${ms(l.growMs)} | ${threads}`);
  }
}
const sum = (f: (l: LevelReport) => number) => levels.reduce((n, l) => n + f(l), 0);
const perThread = Array.from({ length: workers }, (_, i) => ({
  busy: sum((l) => l.threads[i]?.busyMs ?? 0),
  cpu: sum((l) => l.threads[i]?.cpuMs ?? 0),
  queued: sum((l) => l.threads[i]?.queuedMs ?? 0),
  states: sum((l) => l.threads[i]?.expanded ?? 0),
  levels: levels.filter((l) => l.threads[i] !== undefined).length,
}));
const firstJoined = levels.findIndex((l) => l.threads.length === workers);
const beforeJoin = levels.slice(0, Math.max(firstJoined, 0)).reduce((n, l) => n + l.durationMs + l.serialMs, 0);
console.log(
  JSON.stringify({
    name,
    workers,
    distinctStates: outcome.stats.distinctStates,
    levels: levels.length,
    wallMs: Math.round(wall),
    processCpuMs: Math.round((used.user + used.system) / 1000),
    levelWallMs: Math.round(sum((l) => l.durationMs)),
    serialMs: Math.round(sum((l) => l.serialMs)),
    mainWaitMs: Math.round(sum((l) => l.mainWaitMs)),
    drainMs: Math.round(sum((l) => l.drainMs)),
    growMs: Math.round(sum((l) => l.growMs)),
    grows: sum((l) => l.grows),
    slabs: sum((l) => l.slabs),
    newSlabs: sum((l) => l.newSlabs),
    // If every thread had a core to itself: each level lasts as long as its busiest thread's CPU (a bound that
    // assumes the same split of chunks; a quiet machine balances better), plus the serial work between levels.
    criticalPathCpuMs: Math.round(sum((l) => Math.max(...l.threads.map((t) => t.cpuMs)))),
    firstLevelWithAllThreads: firstJoined,
    wallBeforeAllThreadsMs: Math.round(beforeJoin),
    startups,
    liveThreadCpuMs: helpers,
    threads: perThread.map((t) => ({ busyMs: Math.round(t.busy), cpuMs: Math.round(t.cpu), queuedMs: Math.round(t.queued), expanded: t.states, levels: t.levels })),
  }),
);
