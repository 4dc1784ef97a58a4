// Progress on stderr: on a terminal, one line rewritten about once a second; in CI logs (not a terminal), one full
// line about every 10 s, so a long run is visibly alive. Each shows distinct states, rate, depth, queue, the
// elapsed time and the limit in force. `--quiet` turns it off.

import type { Progress } from '../explore/explore-options.ts';
import type { CliIo } from './command.ts';

export const LOG_INTERVAL_MS = 10_000;

const secs = (ms: number): string => `${(ms / 1000).toFixed(0)} s`;

/** `limit`: the budget in words, e.g. "time limit 600 s (default)"; null: none. */
export function progressPrinter(io: CliIo, limit: string | null, intervalMs = LOG_INTERVAL_MS): (progress: Progress) => void {
  let lastLogged = 0;
  return (p) => {
    const rate = Math.round(p.distinctStates / Math.max(p.elapsedMs / 1000, 0.001));
    const line =
      `${p.distinctStates.toLocaleString('en-US')} distinct, ${rate.toLocaleString('en-US')} states/s, depth ${p.depth}, ` +
      `queue ${p.queue.toLocaleString('en-US')}, ${secs(p.elapsedMs)} elapsed, ${limit ?? 'no limit'}`;
    if (io.isTty) {
      io.err(`\r\x1b[K${line}`);
    } else if (p.elapsedMs - lastLogged >= intervalMs) {
      lastLogged = p.elapsedMs;
      io.err(`kcheck: ${line}\n`);
    }
  };
}

/** The active budgets in words for the progress line. */
export function limitText(timeLimitSec: number | undefined, defaultTime: boolean, maxStates: number | undefined, maxDepth: number | undefined): string | null {
  const parts = [
    ...(timeLimitSec !== undefined ? [`time limit ${timeLimitSec} s${defaultTime ? ' (default; --time-limit 0 for none)' : ''}`] : []),
    ...(maxStates !== undefined ? [`max ${maxStates.toLocaleString('en-US')} states`] : []),
    ...(maxDepth !== undefined ? [`max depth ${maxDepth}`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : null;
}

/** `kcheck suite`'s progress line: cases reported (in suite order), the one it waits on, elapsed time, the limits. */
export function suiteProgressLine(reported: number, total: number, waitingOn: string | null, elapsedMs: number): string {
  return `kcheck suite: ${reported} of ${total} cases reported${waitingOn ? `, waiting on ${waitingOn}` : ''}, ${secs(elapsedMs)} elapsed, limits: each preset's own bounds\n`;
}
