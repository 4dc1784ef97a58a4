// How deep a stopped BFS is known clean: every path of at most this many actions was checked. BFS expands level by
// level and checks each state as it is discovered, so when it stops while expanding level d, all of levels 0..d
// were discovered and checked. The outcome only records the deepest state *discovered* (which may be in level
// d + 1), so for a budget stop this is a safe lower bound: one less than that; for a --max-depth stop it is the bound.

import type { Outcome } from '../explore/outcome.ts';

/** Actions within which no violation exists, or null when that says nothing (simulation, error, a violation). */
export function checkedDepth(o: Outcome): number | null {
  if (o.strategy !== 'bfs' || o.status === 'error') return null;
  if (o.complete || o.stoppedBy === 'max-depth') return o.stats.maxDepth;
  return Math.max(o.stats.maxDepth - 1, 0);
}

/** The stop in words, for the summary, JUnit and the index. */
export function stopReason(o: Outcome, defaultTimeLimit = false): string {
  const within = checkedDepth(o);
  const clean = within === null ? '' : `; no violation within ${within} action(s)`;
  switch (o.stoppedBy) {
    case 'first-violation':
      return `stopped at the first violation${clean.replace('no violation', 'no other violation')}`;
    case 'max-depth':
      return `stopped at --max-depth ${within ?? o.stats.maxDepth} (bounded check)${clean}`;
    case 'max-states':
      return `stopped at --max-states${clean}, nothing proven beyond`;
    case 'time-limit':
      return `stopped at ${defaultTimeLimit ? 'the default time limit' : '--time-limit'}${clean}, nothing proven beyond`;
    case 'interrupt':
      return `interrupted${clean}, nothing proven beyond`;
    case 'memory':
      return `stopped at --max-memory${clean}, nothing proven beyond`;
    default:
      return o.strategy === 'bfs' ? 'explored exhaustively' : 'all walks done';
  }
}
