// Report files are named by configuration (`<model>.<preset|custom>.<params-hash>.<property>`), so overrides and
// presets never overwrite each other; a run removes its configuration's stale files and writes index.json/index.md
// last; bounded runs say how deep they are clean; the default time limit and clamped params are stated.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { textSummary } from '../../src/report/text-summary.ts';
import { registry } from '../../wiring/registry.ts';
import { runCli } from './run-cli.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'kcheck-reports-'));
const json = async (...argv: string[]) => JSON.parse((await runCli('check', ...argv, '--format', 'json')).out);

describe('report names and the index', () => {
  it('a preset, the preset with an override and a custom run each get their own files', async () => {
    const dir = fresh();
    const stock = await json('two-phase-commit', '--preset', 'abort-after-prepare', '--out', dir);
    const overridden = await json('two-phase-commit', '--preset', 'abort-after-prepare', '--set', 'resourceManagers=4', '--out', dir);
    const custom = await json('two-phase-commit', '--set', 'abortAfterPrepare=true', '--out', dir);
    const traces = [stock, overridden, custom].map((s) => s.violations[0].trace as string);
    expect(new Set(traces).size).toBe(3);
    expect(traces[0]).toMatch(/two-phase-commit\.abort-after-prepare\.[0-9a-f]{8}\.tp-consistent\.itf\.json$/);
    expect(traces[2]).toMatch(/two-phase-commit\.custom\.[0-9a-f]{8}\.tp-consistent\.itf\.json$/);
    // Same params, same hash: the custom run and the preset differ only in the name's preset part.
    expect(traces[2].split('.').at(-4)).toBe(traces[0].split('.').at(-4));
    expect(traces.every((t) => existsSync(t))).toBe(true);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    expect(index.entries.map((e: { configuration: string }) => e.configuration)).toEqual([stock.configuration, overridden.configuration, custom.configuration].sort());
    expect(index.entries.find((e: { configuration: string }) => e.configuration === overridden.configuration)).toMatchObject({
      verdict: 'violation',
      rerun: 'npx kcheck check two-phase-commit --preset abort-after-prepare --set resourceManagers=4',
      violations: [{ property: 'tp-consistent', length: 11, trace: traces[1].split('/').at(-1) }],
    });
    expect(readFileSync(join(dir, 'index.md'), 'utf8')).toContain(`| \`${custom.configuration}\` | violation |`);
  });

  it('a rerun that proves a property clean removes that configuration\'s old counterexample files, and only those', async () => {
    const dir = fresh();
    const clean = await json('two-phase-commit', '--out', dir);
    const stale = `${clean.configuration}.tp-consistent`;
    for (const ext of ['itf.json', 'md', 'html']) writeFileSync(join(dir, `${stale}.${ext}`), 'from a run before the model was fixed');
    writeFileSync(join(dir, 'two-phase-commit.custom.00000000.tp-consistent.md'), 'another configuration');
    const again = await json('two-phase-commit', '--out', dir);
    expect(again.outcome).toBe('ok');
    expect(readdirSync(dir).sort()).toEqual(['index.json', 'index.md', 'two-phase-commit.custom.00000000.tp-consistent.md']);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    expect(index.entries).toEqual([expect.objectContaining({ configuration: clean.configuration, verdict: 'ok', violations: [] })]);
  });
});

describe('bounded verdicts', () => {
  it('a budget stop says how deep the space is clean and still exits 4; a requested --max-depth exits 0', async () => {
    const capped = await runCli('check', 'replication', '--set', 'replicas=3', '--max-states', '5000', '--out', fresh());
    expect(capped.code).toBe(4);
    expect(capped.out).toContain('5,003 distinct');
    expect(capped.out).toContain('stopped at --max-states; no violation within 5 action(s), nothing proven beyond');
    const summary = await json('replication', '--set', 'replicas=3', '--max-states', '5000', '--out', fresh());
    expect(summary).toMatchObject({ outcome: 'incomplete', checkedDepth: 5, stoppedBy: 'max-states', timeLimitSec: 600 });
    const bounded = await runCli('check', 'replication', '--max-depth', '3', '--out', fresh());
    expect(bounded.code).toBe(0);
    expect(bounded.out).toContain('stopped at --max-depth 3 (bounded check); no violation within 3 action(s)');
  });

  it('the default time limit is named with how to lift it; --time-limit 0 means none', async () => {
    const def = registry.models.find((m) => m.name === 'replication')!;
    const result = checkModel(def, { values: { replicas: 3 }, timeLimitSec: 1 });
    expect(result.outcome.stoppedBy).toBe('time-limit');
    const text = textSummary(def, result, [], { defaultTimeLimitSec: 600 });
    expect(text).toContain('stopped at the default time limit; no violation within');
    expect(text).toContain('the default time limit of 600 s stopped this run; lift it with --time-limit SEC (or --time-limit 0 for none)');
    expect(await json('two-phase-commit', '--time-limit', '0', '--out', fresh())).toMatchObject({ outcome: 'ok', timeLimitSec: null });
  });

  it('warns that min.insync.replicas above the replica count is clamped, as Kafka does', async () => {
    const run = await runCli('check', 'replication', '--set', 'minInsyncReplicas=3', '--max-depth', '2', '--out', fresh());
    expect(run.out).toContain('warning: minInsyncReplicas=3 is above replicas=2; Kafka clamps it to 2 (effectiveMinIsr), so this run checks min.insync.replicas=2');
    expect((await json('replication', '--set', 'minInsyncReplicas=3', '--max-depth', '2', '--out', fresh())).warnings[0]).toMatch(/^minInsyncReplicas=3 is above replicas=2/);
    expect((await runCli('check', 'replication', '--max-depth', '2', '--out', fresh())).out).not.toContain('clamps');
  });

  it('says that a replication verdict under fetch=atomic does not cover late, lost or stale Fetch responses', async () => {
    const atomic = await json('replication', '--max-depth', '2', '--out', fresh());
    expect(atomic.warnings).toContain('fetch=atomic: each fetch is one step, so a verdict that holds does not cover late, lost or stale Fetch responses (--set fetch=async does)');
    const async = await json('replication', '--set', 'fetch=async', '--max-depth', '2', '--out', fresh());
    expect(async.warnings.some((w: string) => w.startsWith('fetch=atomic'))).toBe(false);
  });
});
