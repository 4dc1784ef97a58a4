// Runs one benchmark in a fresh process and prints one JSON line: distinct states, seconds (and CPU seconds of all
// threads), states/s, peak RSS and bytes per distinct state (peak RSS above the RSS just before the search).

import { checkModelParallel } from '../src/check/run-check.ts';
import { registry } from '../wiring/registry.ts';
import { BENCHMARKS } from './benchmarks.ts';

const name = process.argv[2];
const bench = BENCHMARKS.find((b) => b.name === name);
if (!bench) {
  console.error(`unknown benchmark ${name}; valid: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
globalThis.gc?.();
const baseline = process.memoryUsage().rss;
const cpu = process.cpuUsage();
const started = performance.now();
const workers = bench.workers ?? 1;
const result = await checkModelParallel(bench.definition, { ...bench.options, workers, workerSource: registry.source });
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const peak = process.resourceUsage().maxRSS * 1024;
const distinct = result.outcome.stats.distinctStates;
console.log(
  JSON.stringify({
    name: bench.name,
    outcome: result.outcome.status,
    distinctStates: distinct,
    generatedStates: result.outcome.stats.generatedStates,
    seconds: Number(seconds.toFixed(3)),
    // CPU of every thread (workers, V8's compiler and GC helpers): above `seconds` means more than one core worked.
    cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(3)),
    distinctPerSecond: Math.round(distinct / seconds),
    peakRssMiB: Number((peak / 2 ** 20).toFixed(1)),
    bytesPerState: Number(((peak - baseline) / distinct).toFixed(1)),
    workers,
  }),
);
