// `kcheck check --por` end to end: the JSON carries the reduction figures, the text says lengths may not be
// shortest, and --por with simulation is refused with one line and exit 2.

import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';

describe('kcheck check --por', () => {
  it('reports reduced and full expansions in the JSON and says shortness is not guaranteed', async () => {
    const run = await runCli('check', 'two-phase-commit', '--por', '--format', 'json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(json.distinctStates).toBe(288);
    expect(json.reduction).toEqual({ applied: true, reason: null, reducedExpansions: 0, fullExpansions: 288, provisoExpansions: 0, shortestNotGuaranteed: true });
  });

  it('prints the reduction line and a counterexample re-searched over its own actions', async () => {
    const run = await runCli('check', 'two-phase-commit', '--preset', 'abort-after-prepare', '--por', '--out', '/tmp/kcheck-por-cli');
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/por: \d+ reduced, [\d,]+ full expansions .*may not be shortest/);
    expect(run.out).toContain('VIOLATED  tp-consistent — counterexample (--por: shortest over its own actions), 9 action(s)');
  });

  it('refuses --por with simulation in one line, exit 2', async () => {
    const run = await runCli('check', 'two-phase-commit', '--por', '--strategy', 'simulate', '--seed', '1');
    expect(run.code).toBe(2);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).toContain('KC_BAD_OPTION');
  });
});

describe('kcheck check --por --workers', () => {
  it('runs on one thread and says --workers was not used', async () => {
    const run = await runCli('check', 'two-phase-commit', '--por', '--workers', '2', '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).warnings).toContain('--por runs on one thread: --workers 2 was not used');
  });
});
