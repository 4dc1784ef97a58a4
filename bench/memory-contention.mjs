// Whether this machine's two CPUs slow each other down on memory-bound work, apart from kcheck: the same loop of
// random read-modify-writes in a private buffer on one thread, then on two at once, as CPU ms per thread (from
// /proc). `node bench/memory-contention.mjs [kilobytes per thread, ...]` (plain JS: the worker is this very file,
// so both threads run the same code). The ALU-only row (0 KB) is the control.

import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const cpuMs = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;

/** CPU ms for 2·10^8 xorshift steps, each reading and writing a random int of a `kb` buffer. */
function memory(kb) {
  const data = new Int32Array(kb * 256);
  const mask = data.length - 1;
  let x = 1;
  let sum = 0;
  const started = cpuMs();
  for (let i = 0; i < 2e8; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const at = x & mask;
    sum += data[at];
    data[at] = i;
  }
  return cpuMs() - started + (sum & 0);
}

/** The control: the same steps without memory. */
function alu() {
  let x = 1;
  let sum = 0;
  const started = cpuMs();
  for (let i = 0; i < 2e8; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    sum += x & 1;
  }
  return cpuMs() - started + (sum & 0);
}

const work = (kb) => (kb === 0 ? alu() : memory(kb));

async function run(kb, threads) {
  const others = Array.from({ length: threads - 1 }, () => new Worker(new URL(import.meta.url), { workerData: kb }));
  const results = others.map((w) => new Promise((resolve) => w.once('message', resolve)));
  const mine = work(kb);
  return [mine, ...(await Promise.all(results))];
}

if (isMainThread) {
  const sizes = process.argv.slice(2).map(Number);
  for (const kb of sizes.length > 0 ? sizes : [0, 32, 1024, 4096, 16384]) {
    const one = await run(kb, 1);
    const two = await run(kb, 2);
    const ratio = (two[0] + two[1]) / 2 / one[0];
    const name = kb === 0 ? 'ALU only' : `${kb} KB`;
    console.log(`${name.padEnd(9)} one thread ${one[0].toFixed(0)} ms, two threads ${two.map((t) => t.toFixed(0)).join(' + ')} ms: ${ratio.toFixed(2)}× per thread`);
  }
} else {
  parentPort.postMessage(work(workerData));
}
