// Progress on stderr, about once a second, only when stderr is a terminal: distinct states, rate, depth, queue.

import type { Progress } from '../explore/explore-options.ts';
import type { CliIo } from './command.ts';

export function progressPrinter(io: CliIo): (progress: Progress) => void {
  return (p) => {
    const rate = Math.round(p.distinctStates / Math.max(p.elapsedMs / 1000, 0.001));
    io.err(`\r\x1b[K${p.distinctStates.toLocaleString('en-US')} distinct, ${rate.toLocaleString('en-US')} states/s, depth ${p.depth}, queue ${p.queue.toLocaleString('en-US')}`);
  };
}
