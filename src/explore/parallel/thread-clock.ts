// Per-thread CPU time for the parallel BFS's diagnostics: Node 20 has no per-thread CPU clock (process.cpuUsage
// sums every thread), so on Linux it reads /proc/thread-self/schedstat, which a synchronous read resolves on the
// calling thread. On a shared machine CPU time, unlike wall time, says how much work a thread did.

import { readFileSync } from 'node:fs';

/** CPU ms this thread ran, and ms it was runnable but waited for a core (other load); NaN where /proc is missing. */
export interface ThreadTimes {
  readonly cpuMs: number;
  readonly queuedMs: number;
}

export function threadTimes(): ThreadTimes {
  try {
    // "ns on a cpu, ns waiting on a run queue, timeslices"
    const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ');
    return { cpuMs: Number(run) / 1e6, queuedMs: Number(wait) / 1e6 };
  } catch {
    return { cpuMs: Number.NaN, queuedMs: Number.NaN };
  }
}

/** Wall-clock milliseconds comparable across threads (each thread has its own performance.timeOrigin). */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}
