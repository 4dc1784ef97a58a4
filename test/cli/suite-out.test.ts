// An unmet suite case is actionable: its steps and the command that reruns it are printed, `--out` writes its
// trace and reports and an index, and the JUnit failure carries the same story. Progress reaches non-terminal
// logs every 10 s (and `--quiet` silences it); every command's --help lists its options, defaults and examples.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twoPhaseCommitDefinition } from '../../calibration/two-phase-commit/two-phase-commit-definition.ts';
import { main } from '../../src/cli/main.ts';
import { progressPrinter, suiteProgressLine } from '../../src/cli/progress-printer.ts';
import type { Registry } from '../../src/cli/registry.ts';
import { junitCases, validateJunit } from './junit-schema.ts';
import { runCli } from './run-cli.ts';

// The calibration model with two wrong expectations: a violating config declared to hold, a clean one to violate.
const broken: Registry = {
  models: [
    {
      ...twoPhaseCommitDefinition,
      presets: [
        { name: 'claims-to-hold', doc: 'wrong on purpose', params: { resourceManagers: 3, abortAfterPrepare: true }, expect: { holds: true } },
        { name: 'claims-to-break', doc: 'wrong on purpose', params: { resourceManagers: 2 }, expect: { violates: ['tp-consistent'] } },
        { name: 'default', doc: 'right', params: { resourceManagers: 2 }, expect: { holds: true } },
      ],
    },
  ],
  commands: [],
};

async function run(registry: Registry, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, registry, { out: (t) => (out += t), err: (t) => (err += t), isTty: false });
  return { code, out, err };
}

describe('suite --out', () => {
  it('writes the trace and reports of an unmet case, prints its steps and rerun command, and indexes the run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcheck-suite-out-'));
    const junit = join(dir, 'junit.xml');
    const r = await run(broken, 'suite', '--out', dir, '--junit', junit, '--jobs', '1');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL {2}two-phase-commit\/claims-to-hold .* violated tp-consistent \(9 actions\)/);
    expect(r.out).toContain('      tp-consistent: 9 action(s)');
    expect(r.out).toMatch(/ {6}replay: npx kcheck replay .*two-phase-commit\.claims-to-hold\.[0-9a-f]{8}\.tp-consistent\.itf\.json/);
    expect(r.out).toContain('      rerun: npx kcheck check two-phase-commit --preset claims-to-hold');
    expect(r.out).toContain('      rerun: npx kcheck check two-phase-commit --preset claims-to-break --property tp-consistent --continue');
    expect(r.out).toContain('suite: 1 of 3 expectations met');
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    expect(index.entries.map((e: { verdict: string }) => e.verdict)).toEqual(['not met', 'not met', 'met']);
    const trace = join(dir, index.entries[1].violations[0].trace);
    expect(index.entries[1].configuration).toMatch(/^two-phase-commit\.claims-to-hold\./);
    expect(existsSync(trace) && existsSync(trace.replace('.itf.json', '.md')) && existsSync(trace.replace('.itf.json', '.html'))).toBe(true);
    const xml = readFileSync(junit, 'utf8');
    expect(validateJunit(xml)).toEqual([]);
    const failed = junitCases(xml).filter((c) => c.verdict === 'failure');
    expect(failed.map((c) => c.name)).toEqual(['claims-to-hold: expect holds', 'claims-to-break: expect violates tp-consistent']);
    expect(failed[0].body).toContain('replay: npx kcheck replay');
  });
});

describe('progress', () => {
  it('in a non-terminal log: one line per 10 s with elapsed time and the limit', () => {
    let err = '';
    const print = progressPrinter({ out: () => {}, err: (t) => (err += t), isTty: false }, 'time limit 600 s (default; --time-limit 0 for none)');
    for (const elapsedMs of [1000, 5000, 10_000, 12_000, 21_000]) print({ distinctStates: 100, generatedStates: 200, depth: 3, queue: 7, elapsedMs });
    expect(err.split('\n')).toEqual([
      'kcheck: 100 distinct, 10 states/s, depth 3, queue 7, 10 s elapsed, time limit 600 s (default; --time-limit 0 for none)',
      'kcheck: 100 distinct, 5 states/s, depth 3, queue 7, 21 s elapsed, time limit 600 s (default; --time-limit 0 for none)',
      '',
    ]);
  });

  it('suite: the cases reported, the one it waits on, elapsed time and the limits', () => {
    expect(suiteProgressLine(6, 41, 'replication/default', 41_300)).toBe("kcheck suite: 6 of 41 cases reported, waiting on replication/default, 41 s elapsed, limits: each preset's own bounds\n");
  });
});

describe('--help', () => {
  it('check --help lists every option with its default and examples; with a model, that model\'s params', async () => {
    const help = await runCli('check', '--help');
    expect(help.code).toBe(0);
    for (const option of ['--preset', '--set', '--config', '--strategy', '--max-depth', '--max-states', '--time-limit', '--walks', '--seed', '--property', '--symmetry', '--continue', '--allow-vacuous', '--workers', '--out', '--format', '--junit', '--quiet']) {
      expect(help.out).toMatch(new RegExp(`^  ${option}\\b`, 'm'));
    }
    expect(help.out).toContain('stop after SEC seconds (exit 4: incomplete); 0 = no limit (default: 600)');
    expect(help.out).toContain('examples:\n  npx kcheck check zk-controller --preset no-epoch-fencing');
    const model = await runCli('check', 'zk-controller', '--help');
    expect(model.out).toContain('params of zk-controller (--set key=value):\n  brokers = 3  (an integer from 2 to 4)');
    expect(model.out).toContain('presets of zk-controller (--preset NAME):');
  });

  it('suite and list --help list their options', async () => {
    const suite = await runCli('suite', '--help');
    for (const option of ['--model', '--jobs', '--out', '--format', '--junit', '--quiet']) expect(suite.out).toMatch(new RegExp(`^  ${option}\\b`, 'm'));
    expect(suite.out).toContain('(default: one per core)');
    expect((await runCli('list', '--help')).out).toContain('--format text|json');
  });
});
