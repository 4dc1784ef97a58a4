// JUnit XML for CI dashboards, in the Jenkins/Surefire shape most CI systems read: <testsuites> of <testsuite>s of
// <testcase>s, each passed, or holding one <failure>, <error> or <skipped> (with the reason), plus <system-out>.
// One testsuite per checked configuration; mergeJunit adds a run's suites to an existing kcheck JUnit file
// (replacing suites of the same name), so several `check` runs of one CI job can share a file without colliding.

export interface JunitProblem {
  /** One line, the `message` attribute. */
  readonly message: string;
  /** The readable story (steps, trace, replay command): the element's text. */
  readonly body: string;
}

export interface JunitCase {
  readonly classname: string;
  readonly name: string;
  readonly timeSec: number;
  readonly failure?: JunitProblem | null;
  readonly error?: JunitProblem | null;
  readonly skipped?: string | null;
  readonly systemOut?: string;
}

export interface JunitSuite {
  readonly name: string;
  /** Written as <properties>: e.g. the configuration's params, strategy and seed. */
  readonly properties?: Readonly<Record<string, string>>;
  readonly cases: readonly JunitCase[];
}

interface Block {
  readonly name: string;
  readonly counts: readonly [tests: number, failures: number, errors: number, skipped: number];
  readonly time: number;
  readonly xml: string;
}

// XML 1.0 forbids most control characters even when escaped; terminal colour codes must not break a CI parser.
const escape = (text: string): string =>
  text
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function block(suite: JunitSuite): Block {
  const cases = suite.cases;
  const counts = [cases.length, cases.filter((c) => c.failure).length, cases.filter((c) => !c.failure && c.error).length, cases.filter((c) => !c.failure && !c.error && c.skipped).length] as const;
  const time = cases.reduce((sum, c) => sum + c.timeSec, 0);
  const lines = [`  <testsuite name="${escape(suite.name)}" tests="${counts[0]}" failures="${counts[1]}" errors="${counts[2]}" skipped="${counts[3]}" time="${time.toFixed(3)}">`];
  const props = Object.entries(suite.properties ?? {});
  if (props.length > 0) {
    lines.push('    <properties>', ...props.map(([k, v]) => `      <property name="${escape(k)}" value="${escape(v)}"/>`), '    </properties>');
  }
  for (const c of cases) {
    const open = `    <testcase classname="${escape(c.classname)}" name="${escape(c.name)}" time="${c.timeSec.toFixed(3)}"`;
    const inner: string[] = [];
    if (c.failure) inner.push(`      <failure message="${escape(c.failure.message)}" type="violation">${escape(c.failure.body)}</failure>`);
    else if (c.error) inner.push(`      <error message="${escape(c.error.message)}" type="error">${escape(c.error.body)}</error>`);
    else if (c.skipped) inner.push(`      <skipped message="${escape(c.skipped)}"/>`);
    if (c.systemOut) inner.push(`      <system-out>${escape(c.systemOut)}</system-out>`);
    lines.push(...(inner.length === 0 ? [`${open}/>`] : [`${open}>`, ...inner, '    </testcase>']));
  }
  lines.push('  </testsuite>');
  return { name: suite.name, counts, time, xml: lines.join('\n') };
}

function render(blocks: readonly Block[]): string {
  const sum = (i: number): number => blocks.reduce((s, b) => s + b.counts[i], 0);
  const time = blocks.reduce((s, b) => s + b.time, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kcheck" tests="${sum(0)}" failures="${sum(1)}" errors="${sum(2)}" skipped="${sum(3)}" time="${time.toFixed(3)}">`,
    ...blocks.map((b) => b.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

export function junitXml(suites: readonly JunitSuite[]): string {
  return render(suites.map(block));
}

const SUITE = /^ {2}<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)" time="([\d.]+)">\n[\s\S]*?\n {2}<\/testsuite>$/gm;

/** `existing` (a file's text, or null) with `suites` added; anything not written by kcheck is replaced, not merged. */
export function mergeJunit(existing: string | null, suites: readonly JunitSuite[]): string {
  const fresh = suites.map(block);
  const kept: Block[] = [];
  if (existing !== null && existing.includes('<testsuites name="kcheck"')) {
    for (const m of existing.matchAll(SUITE)) {
      if (fresh.some((b) => escape(b.name) === m[1])) continue;
      kept.push({ name: m[1], counts: [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])], time: Number(m[6]), xml: m[0] });
    }
  }
  return render([...kept, ...fresh]);
}
