// `list` describes every model for tools; `suite` is the CI gate and reports each (model, preset) expectation.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('kcheck list', () => {
  it('prints {models: [{name, params, presets, properties}]} as JSON', async () => {
    const run = await runCli('list', '--format', 'json');
    expect(run.code).toBe(0);
    const { models } = JSON.parse(run.out);
    const zk = models.find((m: { name: string }) => m.name === 'zk-controller');
    expect(Object.keys(zk)).toEqual(expect.arrayContaining(['name', 'params', 'presets', 'properties']));
    expect(zk.properties.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['single-controller-per-epoch', 'controller-epoch-monotonic', 'no-stale-controller-write', 'brokers-reject-stale-controller']),
    );
    expect(zk.params.find((p: { name: string }) => p.name === 'brokers')).toMatchObject({ type: 'int', default: 3, min: 2, max: 4 });
  });
});

describe('kcheck suite', () => {
  it('meets every expectation of the calibration model and writes JUnit', async () => {
    const junit = join(mkdtempSync(join(tmpdir(), 'kcheck-suite-')), 'suite.xml');
    const run = await runCli('suite', '--model', 'two-phase-commit', '--junit', junit, '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ total: 3, passed: 3, failed: 0 });
    expect(readFileSync(junit, 'utf8').match(/<testcase /g)).toHaveLength(3);
  });

  it('gives the same cases in the same order on two threads as on one', async () => {
    const cases = async (jobs: string) => {
      const run = await runCli('suite', '--model', 'two-phase-commit', '--model', 'kafka-spec', '--jobs', jobs, '--format', 'json');
      expect(run.code).toBe(0);
      return JSON.parse(run.out).cases.map((c: Record<string, unknown>) => ({ ...c, durationMs: 0 }));
    };
    const one = await cases('1');
    expect(one.length).toBeGreaterThan(5);
    expect(await cases('2')).toEqual(one);
  });

  it('runs the cases on the main thread when the workers cannot load the registry', async () => {
    const { runSuiteParallel } = await import('../../src/check/run-suite-parallel.ts');
    const { twoPhaseCommitDefinition } = await import('../../calibration/two-phase-commit/two-phase-commit-definition.ts');
    const broken = { moduleUrl: new URL('./run-cli.ts', import.meta.url).href, exportName: 'noSuchRegistry' };
    const names: string[] = [];
    for await (const c of runSuiteParallel([twoPhaseCommitDefinition], 2, broken)) names.push(`${c.preset}:${c.met}`);
    expect(names).toEqual(twoPhaseCommitDefinition.presets.map((p) => `${p.name}:true`));
  });
});
