// `check --junit` says what was decided: a failure with the steps for a violation, skipped (with why) for what the
// first violation or a budget left undecided or the selection left out, vacuous witnesses as failures, testcases
// named by configuration so two configurations share one file; every file passes the JUnit schema check.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twoPhaseCommitDefinition } from '../../calibration/two-phase-commit/two-phase-commit-definition.ts';
import { main } from '../../src/cli/main.ts';
import { junitXml, mergeJunit } from '../../src/report/junit.ts';
import { junitCases, validateJunit } from './junit-schema.ts';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'kcheck-junit-'));
const junitOf = async (name: string, ...argv: string[]) => {
  const file = join(dir, `${name}.xml`);
  const run = await runCli('check', ...argv, '--out', dir, '--junit', file);
  const xml = readFileSync(file, 'utf8');
  expect(validateJunit(xml)).toEqual([]);
  return { run, xml, cases: junitCases(xml) };
};
const verdicts = (cases: ReturnType<typeof junitCases>) => Object.fromEntries(cases.map((c) => [c.name, c.verdict]));

describe('check --junit', () => {
  it('first-violation stop: the violated property fails with its steps, the undecided ones are skipped', async () => {
    const { run, cases } = await junitOf('unclean', 'replication', '--preset', 'unclean-election');
    expect(run.code).toBe(1);
    expect(verdicts(cases)).toEqual({
      'leader-elected-from-isr': 'failure',
      'no-committed-message-loss': 'skipped',
      'acked-writes-survive': 'skipped',
      'replica-logs-agree-below-hw': 'skipped',
      'consumed-prefix-stable': 'skipped',
      'no-fatal-error': 'skipped',
      // Liveness properties are checked only when named: skipped, never passed.
      'partition-eventually-has-leader': 'skipped',
      'committed-eventually-consumed': 'skipped',
      'high-watermark-eventually-advances': 'skipped',
      'isr-shrinks-to-leader (witness)': 'passed',
      'record-committed (witness)': 'passed',
      'leader-failover (witness)': 'passed',
    });
    const failure = cases.find((c) => c.verdict === 'failure')!;
    expect(failure.classname).toMatch(/^replication\.unclean-election\.[0-9a-f]{8}$/);
    expect(failure.body).toContain('  1. leader 0 finds lagging followers and proposes a smaller ISR (AlterPartition)');
    expect(failure.body).toContain('  3. broker 0 shuts down cleanly');
    expect(failure.body).toMatch(/replay: npx kcheck replay .*leader-elected-from-isr\.itf\.json/);
    expect(cases.find((c) => c.name === 'no-committed-message-loss')!.message).toBe(
      'not decided: the search stopped at the first violation (leader-elected-from-isr); no violation within 2 actions; rerun with --continue',
    );
  });

  it('an incomplete run passes nothing: every undecided property is skipped with the budget and the clean depth', async () => {
    const { run, xml, cases } = await junitOf('capped', 'two-phase-commit', '--max-states', '50');
    expect(run.code).toBe(4);
    expect(verdicts(cases)).toEqual({ 'tp-consistent': 'skipped', 'commit-reached (witness)': 'skipped', 'abort-reached (witness)': 'passed' });
    expect(cases[0].message).toMatch(/^not decided: --max-states budget hit after \d+ states; no violation within \d+ actions$/);
    expect(xml).toContain('failures="0" errors="0" skipped="2"');
  });

  it('honours the config file\'s property selection: the rest are skipped as not selected', async () => {
    const config = join(dir, 'select.json');
    await import('node:fs').then((fs) => fs.writeFileSync(config, JSON.stringify({ preset: 'no-epoch-fencing', properties: ['no-stale-controller-write'] })));
    const { run, cases } = await junitOf('select', 'zk-controller', '--config', config);
    expect(run.code).toBe(1);
    const v = verdicts(cases);
    expect(v['no-stale-controller-write']).toBe('failure');
    expect(Object.entries(v).filter(([n]) => n !== 'no-stale-controller-write').every(([, s]) => s === 'skipped')).toBe(true);
    expect(cases.find((c) => c.name === 'single-controller-per-epoch')!.message).toMatch(/^not selected/);
  });

  it('a clean exhaustive run passes every property and witness, each timed', async () => {
    const { run, cases } = await junitOf('clean', 'two-phase-commit');
    expect(run.code).toBe(0);
    expect(cases.map((c) => c.verdict)).toEqual(['passed', 'passed', 'passed']);
  });

  it('two configurations in one file: the second run adds its own testsuite, a rerun replaces its own', async () => {
    const file = join(dir, 'shared.xml');
    await runCli('check', 'two-phase-commit', '--out', dir, '--junit', file);
    await runCli('check', 'two-phase-commit', '--set', 'resourceManagers=4', '--out', dir, '--junit', file);
    await runCli('check', 'two-phase-commit', '--out', dir, '--junit', file);
    const xml = readFileSync(file, 'utf8');
    expect(validateJunit(xml)).toEqual([]);
    const suites = [...new Set(junitCases(xml).map((c) => `${c.suite}|${c.classname}`))];
    expect(suites).toHaveLength(2);
    expect(new Set(junitCases(xml).map((c) => c.classname)).size).toBe(2);
    expect(xml).toMatch(/<testsuites name="kcheck" tests="6" failures="0"/);
  });

  it('vacuous: a completed run with an unreached witness exits 1 and the witness fails, unless --allow-vacuous', async () => {
    const { run, cases } = await junitOf('vacuous', 'zk-controller', '--set', 'sessionExpiries=0');
    expect(run.code).toBe(1);
    const vacuous = cases.filter((c) => c.verdict === 'failure');
    expect(vacuous.length).toBeGreaterThan(0);
    expect(vacuous[0].message).toMatch(/vacuous: witness \S+ never reached/);
    expect(run.out).toMatch(/vacuous: witness \S+ never reached/);
    expect(run.out).toContain('outcome: vacuous');
    const json = await runCli('check', 'zk-controller', '--set', 'sessionExpiries=0', '--out', dir, '--format', 'json');
    expect(JSON.parse(json.out)).toMatchObject({ outcome: 'vacuous', vacuous: vacuous.map((c) => c.name.replace(' (witness)', '')) });
    const allowed = await junitOf('allowed', 'zk-controller', '--set', 'sessionExpiries=0', '--allow-vacuous');
    expect(allowed.run.code).toBe(0);
    expect(allowed.cases.filter((c) => c.verdict === 'failure')).toEqual([]);
    expect(allowed.cases.find((c) => c.name === vacuous[0].name)!.message).toMatch(/allowed by --allow-vacuous$/);
  });

  it('a model that throws: exit 3, and every undecided property is an <error>, not a pass', async () => {
    const throwing = {
      ...twoPhaseCommitDefinition,
      create: (p: Parameters<typeof twoPhaseCommitDefinition.create>[0]) => {
        const model = twoPhaseCommitDefinition.create(p);
        return { ...model, next: (s: never, a: { type: string }) => (a.type === 'TMCommit' ? (() => { throw new Error('boom'); })() : model.next(s, a as never)) };
      },
    };
    const file = join(dir, 'error.xml');
    const code = await main(['check', 'two-phase-commit', '--out', dir, '--junit', file], { models: [throwing], commands: [] }, { out: () => {}, err: () => {}, isTty: false });
    expect(code).toBe(3);
    const xml = readFileSync(file, 'utf8');
    expect(validateJunit(xml)).toEqual([]);
    const cases = junitCases(xml);
    expect(cases.find((c) => c.name === 'tp-consistent')).toMatchObject({ verdict: 'error', message: 'model error: the model threw: boom' });
    expect(cases.some((c) => c.verdict === 'passed' && !c.name.endsWith('(witness)'))).toBe(false);
  });
});

describe('junit writer', () => {
  it('escapes markup and strips control characters; a foreign file is replaced, not merged', () => {
    const suite = { name: 's<1>', cases: [{ classname: 'a&b', name: '"q"', timeSec: 1, failure: { message: 'x\x1b[31m<y>', body: 'a & b\n<c>' } }] };
    const xml = junitXml([suite]);
    expect(validateJunit(xml)).toEqual([]);
    expect(xml).toContain('message="x[31m&lt;y&gt;"');
    expect(validateJunit(mergeJunit('<testsuite name="other"/>', [suite]))).toEqual([]);
    expect(junitCases(mergeJunit(xml, [{ ...suite, name: 'other' }]))).toHaveLength(2);
  });

  it('the validator rejects what CI parsers reject', () => {
    expect(validateJunit('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="a" tests="2"><testcase name="x"/></testsuite></testsuites>')).toEqual(['testsuite a: tests="2" but 1 found']);
    expect(validateJunit('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="a" tests="1"><testcase name="x"><system-out/><failure/></testcase></testsuite></testsuites>')[0]).toMatch(/out of the schema's order/);
    expect(validateJunit('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite tests="1"><testcase name="a & b"/></testsuite></testsuites>')).toContain('<testsuite> needs attribute name');
  });
});
