// `npm run bench`: runs each benchmark in its own process (so peak RSS is its own), prints a table and writes the
// same figures as JSON under reports/bench/. A benchmark, not a test: it asserts nothing.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { BENCHMARKS } from './benchmarks.ts';

const only = process.argv.slice(2);
const rows: Record<string, number | string>[] = [];
for (const bench of BENCHMARKS.filter((b) => only.length === 0 || only.includes(b.name))) {
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/bench-one.ts', bench.name], { encoding: 'utf8' });
  const row = JSON.parse(output.trim().split('\n').pop() as string);
  rows.push(row);
  console.log(
    `${String(row.name).padEnd(32)} ${String(row.distinctStates.toLocaleString('en-US')).padStart(12)} states  ${String(row.seconds).padStart(7)} s  ` +
      `${String(row.distinctPerSecond.toLocaleString('en-US')).padStart(9)} states/s  peak RSS ${String(row.peakRssMiB).padStart(7)} MiB  ` +
      `${String(row.bytesPerState).padStart(6)} B/state  workers ${row.workers}`,
  );
}
mkdirSync('reports/bench', { recursive: true });
writeFileSync('reports/bench/bench.json', `${JSON.stringify({ node: process.version, benchmarks: rows }, null, 2)}\n`);
console.log('written: reports/bench/bench.json');
