// `npm run bench`: runs each benchmark in its own process (so peak RSS is its own), prints a table and writes the
// same figures as JSON under reports/bench/, and each `-workers-2` row's speed-up. A benchmark, not a test.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { BENCHMARK_GROUPS, BENCHMARKS } from './benchmarks.ts';

// Names, or group names (`workers`), on the command line; `--rounds N` runs the selection N times, alternating
// the rows, so that other load on the machine hits a one-thread row and its `-workers-2` row alike.
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 1;
const only = args.flatMap((name) => BENCHMARK_GROUPS[name] ?? [name]);
const rows: Record<string, number | string>[] = [];
const selected = BENCHMARKS.filter((b) => only.length === 0 || only.includes(b.name));
for (const bench of Array.from({ length: rounds }, () => selected).flat()) {
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/bench-one.ts', bench.name], { encoding: 'utf8' });
  const row = { ...JSON.parse(output.trim().split('\n').pop() as string), loadAverage: Number(loadavg()[0].toFixed(1)) };
  rows.push(row);
  console.log(
    `${String(row.name).padEnd(32)} ${String(row.distinctStates.toLocaleString('en-US')).padStart(12)} states  ${String(row.seconds).padStart(7)} s  ` +
      `${String(row.distinctPerSecond.toLocaleString('en-US')).padStart(9)} states/s  peak RSS ${String(row.peakRssMiB).padStart(7)} MiB  ` +
      `${String(row.bytesPerState).padStart(6)} B/state  workers ${row.workers}  cpu ${row.cpuSeconds} s  load ${row.loadAverage}`,
  );
}
// Each `<name>-workers-2` row against `<name>` (same states; best seconds of the rounds on each side).
const best = (name: string) => Math.min(...rows.filter((r) => r.name === name).map((r) => Number(r.seconds)));
for (const name of new Set(rows.map((r) => String(r.name)))) {
  const base = name.replace(/-workers-\d+$/, '');
  if (base !== name && rows.some((r) => r.name === base)) {
    console.log(`${name}: ${(best(base) / best(name)).toFixed(2)}× against ${base} (best of ${rounds} round(s) each)`);
  }
}
mkdirSync('reports/bench', { recursive: true });
writeFileSync('reports/bench/bench.json', `${JSON.stringify({ node: process.version, benchmarks: rows }, null, 2)}\n`);
console.log('written: reports/bench/bench.json');
