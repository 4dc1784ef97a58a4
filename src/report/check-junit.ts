// The JUnit testsuite of one `check` run: one testcase per property and witness of the model, named by the
// configuration (classname `<model>.<preset|custom>.<params-hash>`), with the verdict of property-verdicts.ts —
// a failure carries the counterexample's steps and replay command, a skip says why nothing was decided.

import type { CheckResult } from '../check/run-check.ts';
import type { ActionBase, Model } from '../contract/model.ts';
import type { WrittenViolation } from './check-summary.ts';
import type { JunitCase, JunitSuite } from './junit.ts';
import type { PropertyVerdict } from './property-verdicts.ts';
import { counterexampleLines } from './text-summary.ts';

export function checkJunitSuite(
  model: Model<unknown, ActionBase>,
  result: CheckResult,
  configuration: string,
  verdicts: readonly PropertyVerdict[],
  written: readonly WrittenViolation[],
): JunitSuite {
  const o = result.outcome;
  const runSec = o.stats.durationMs / 1000;
  // The explorers do not time each property; a verdict reached when the search ended took the whole run, and the
  // others (under --continue) are marked as carrying the run's time.
  const timing = (v: PropertyVerdict): string =>
    v.status === 'skipped'
      ? 'time: 0 (not decided)'
      : v.status === 'failed' && v.violation && result.violations.length > 1
        ? `time: the whole run's (${runSec.toFixed(3)} s), not this property's`
        : `time: until the search ended (${runSec.toFixed(3)} s)`;
  const cases = verdicts.map((v): JunitCase => {
    const name = `${v.property}${v.kind === 'sometimes' ? ' (witness)' : ''}${v.status === 'passed' && v.bound ? ` [${v.bound}]` : ''}`;
    const out = [v.reason, timing(v)].join('\n');
    const base = { classname: configuration, name, timeSec: v.status === 'skipped' ? 0 : runSec, systemOut: out };
    if (v.status === 'failed') {
      const story = v.violation ? counterexampleLines(model, v.violation, written.find((w) => w.property === v.property), '') : [];
      return { ...base, failure: { message: `${v.property}: ${v.reason}`, body: [v.reason, ...story].join('\n') } };
    }
    if (v.status === 'error') return { ...base, error: { message: v.reason, body: v.reason } };
    if (v.status === 'skipped') return { ...base, skipped: v.reason };
    return base;
  });
  const properties = {
    model: result.model,
    preset: result.preset ?? 'custom',
    strategy: o.strategy,
    seed: String(o.seed),
    ...Object.fromEntries(Object.entries(result.params).map(([k, v]) => [`param.${k}`, String(v)])),
  };
  return { name: `kcheck check ${configuration}`, properties, cases };
}
