// JUnit XML for CI dashboards: one <testcase> per checked property (for `check`) or per (model, preset) pair
// (for `suite`), with a <failure> carrying the counterexample summary.

export interface JunitCase {
  readonly classname: string;
  readonly name: string;
  readonly timeSec: number;
  readonly failure: string | null;
  readonly skipped?: string | null;
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function junitXml(suiteName: string, cases: readonly JunitCase[]): string {
  const failures = cases.filter((c) => c.failure !== null).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const time = cases.reduce((sum, c) => sum + c.timeSec, 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(`<testsuites name="kcheck" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(3)}">`);
  lines.push(`  <testsuite name="${escape(suiteName)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(3)}">`);
  for (const c of cases) {
    const open = `    <testcase classname="${escape(c.classname)}" name="${escape(c.name)}" time="${c.timeSec.toFixed(3)}"`;
    if (c.failure !== null) {
      lines.push(`${open}>`, `      <failure message="${escape(c.failure.split('\n')[0])}">${escape(c.failure)}</failure>`, '    </testcase>');
    } else if (c.skipped) {
      lines.push(`${open}>`, `      <skipped message="${escape(c.skipped)}"/>`, '    </testcase>');
    } else {
      lines.push(`${open}/>`);
    }
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
