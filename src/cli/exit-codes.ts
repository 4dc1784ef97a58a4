// Exit codes that gate CI: 0 ok, 1 a property violated (suite: an expectation not met), 2 usage/config/input
// error, 3 the model itself failed (threw, or replay showed it nondeterministic), 4 incomplete (a budget stopped it).

import type { Status } from '../explore/outcome.ts';

export const EXIT = { ok: 0, violation: 1, usage: 2, error: 3, incomplete: 4 } as const;

export function exitCodeFor(status: Status): number {
  return EXIT[status];
}
