// The budget check every breadth-first explorer makes every 256 states: the time limit, an outside stop request
// (Ctrl-C, the memory budget) and the once-a-second progress report — one piece, so no explorer can miss one
// (the liveness graph search once ignored stop requests because it kept its own copy).

import type { ExploreOptions, Progress } from './explore-options.ts';
import type { StopReason } from './outcome.ts';

export type PollStop = 'time-limit' | StopReason;

/** A poll for a search that began at `started` (ms); call it every 256 states with what progress would show. */
export function budgetPoll(options: Pick<ExploreOptions<never, never>, 'timeLimitMs' | 'shouldStop' | 'onProgress'>, started: number) {
  const deadline = options.timeLimitMs !== undefined ? started + options.timeLimitMs : Infinity;
  let lastProgress = started;
  return (progress: () => Omit<Progress, 'elapsedMs'>): PollStop | null => {
    const now = Date.now();
    if (now > deadline) return 'time-limit';
    const stop = options.shouldStop?.() ?? null;
    if (stop !== null) return stop;
    if (options.onProgress && now - lastProgress >= 1000) {
      lastProgress = now;
      options.onProgress({ ...progress(), elapsedMs: now - started });
    }
    return null;
  };
}
