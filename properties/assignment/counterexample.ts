// Runs a property that a placer does NOT guarantee and returns fast-check's shrunk counterexample, so a suite can
// put the counterexample in its test name (computed when the file is collected, with a fixed seed) and then
// assert that it really breaks the property — demonstrating the gap instead of skipping the property.

import fc from 'fast-check';

export interface Counterexample<T> {
  readonly found: boolean;
  readonly example: T | null;
}

export function findCounterexample<T>(arbitrary: fc.Arbitrary<T>, holds: (value: T) => boolean, seed: number, numRuns = 3000): Counterexample<T> {
  const details = fc.check(fc.property(arbitrary, holds), { seed, numRuns });
  return { found: details.failed, example: details.counterexample === null ? null : (details.counterexample[0] as T) };
}
