// kcheck/vitest: importing it registers kcheck's matchers with vitest's expect and types them through vitest's
// Matchers interface: `await expect(definition).toHold({ preset })`, `.toViolate(property, { length })`,
// `.toReach(witness)` and `.toReproduce('trace.itf.json')`. Use it in a setup file or at the top of a test file.

import { expect } from 'vitest';
import { toHold, toReach, toReproduce, toViolate, type MatcherOptions } from './kcheck-matchers.ts';

export type { MatcherOptions };

interface KcheckMatchers<R = unknown> {
  /** Every property holds, the search was not cut short, and every witness is reached. */
  toHold(options?: MatcherOptions): Promise<R>;
  /** `property` is violated (with a shortest trace of exactly `length` actions when given). */
  toViolate(property: string, options?: MatcherOptions & { readonly length?: number }): Promise<R>;
  /** Some reachable state satisfies the `sometimes` witness. */
  toReach(witness: string, options?: MatcherOptions): Promise<R>;
  /** The violation recorded in a `.itf.json` trace still reproduces. */
  toReproduce(traceFile: string): Promise<R>;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends KcheckMatchers<T> {}
}

export const kcheckMatchers = { toHold, toViolate, toReach, toReproduce };

expect.extend(kcheckMatchers);
