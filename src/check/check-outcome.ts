// A check's result as data plus the assertions a test wants (after Stateright's assert_properties): assertHolds
// (no violation, the search finished or hit its depth bound, every witness reached) and assertViolates(property).
// A failed assertion throws a CheckAssertionError whose message is the readable counterexample story.

import type { ModelDefinition } from '../contract/model-definition.ts';
import { textSummary } from '../report/text-summary.ts';
import type { CheckResult, ViolationReport } from './run-check.ts';

export class CheckAssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckAssertionError';
  }
}

export interface CheckOutcome extends CheckResult {
  /** The same text `kcheck check` prints: verdict, each counterexample step by step, statistics and coverage. */
  story(): string;
  /** The violation of `property`, if the search found one. */
  violation(property: string): ViolationReport | undefined;
  /** Throws unless every property holds, the search was not cut short, and every witness was reached. */
  assertHolds(): void;
  /** Throws unless `property` was violated (with a shortest trace of exactly `length` actions when given). */
  assertViolates(property: string, expected?: { readonly length?: number }): ViolationReport;
}

/** Why `result` does not show that everything holds, or null when it does. */
export function holdsFailure(result: CheckResult): string | null {
  const o = result.outcome;
  if (o.status === 'violation') return `violated ${o.violations.map((v) => `${v.property} (${v.path.length} actions)`).join(', ')}`;
  if (o.status === 'error') return `error: ${o.error?.message}`;
  if (o.status === 'incomplete') return `incomplete: stopped by ${o.stoppedBy}, nothing proven`;
  const missing = o.witnesses.filter((w) => !w.found).map((w) => w.name);
  if (missing.length > 0) return `holds, but witnesses never reached (vacuous?): ${missing.join(', ')}`;
  return null;
}

/** Why `result` does not show a violation of `property` (of `length` actions), or null when it does. */
export function violatesFailure(result: CheckResult, property: string, length?: number): string | null {
  const found = result.violations.find((v) => v.record.property === property);
  if (!found) {
    const others = result.violations.map((v) => v.record.property);
    const o = result.outcome;
    const why = o.status === 'incomplete' ? `the search stopped (${o.stoppedBy})` : o.status === 'error' ? `error: ${o.error?.message}` : 'none was found';
    return `expected a violation of ${property} but ${why}${others.length > 0 ? `; violated instead: ${others.join(', ')}` : ''}`;
  }
  if (length !== undefined && found.record.path.length !== length) {
    return `expected ${property} to be violated in ${length} action(s), the ${result.outcome.strategy === 'bfs' ? 'shortest' : 'shrunk'} counterexample has ${found.record.path.length}`;
  }
  return null;
}

export function withAssertions(definition: ModelDefinition, result: CheckResult): CheckOutcome {
  const story = (): string => textSummary(definition, result, []);
  return {
    ...result,
    story,
    violation: (property) => result.violations.find((v) => v.record.property === property),
    assertHolds: () => {
      const failure = holdsFailure(result);
      if (failure !== null) throw new CheckAssertionError(`${definition.name}: expected every property to hold, but ${failure}\n\n${story()}`);
    },
    assertViolates: (property, expected = {}) => {
      const failure = violatesFailure(result, property, expected.length);
      if (failure !== null) throw new CheckAssertionError(`${definition.name}: ${failure}\n\n${story()}`);
      return result.violations.find((v) => v.record.property === property)!;
    },
  };
}
