// End to end: `check` writes a shortest counterexample as ITF + Markdown, `replay` reproduces it (exit 1), a
// tampered trace diverges (exit 2), and `--format json` prints exactly one object with the contract's fields.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const out = mkdtempSync(join(tmpdir(), 'kcheck-cli-'));

describe('kcheck check / replay', () => {
  it('finds the zombie-controller write without epoch fencing, writes the trace and report, and replays it', async () => {
    const run = await runCli('check', 'zk-controller', '--preset', 'no-epoch-fencing', '--out', out, '--format', 'json');
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.out);
    for (const key of ['model', 'preset', 'params', 'strategy', 'seed', 'outcome', 'complete', 'distinctStates', 'generatedStates', 'maxDepth', 'durationMs', 'violations', 'witnesses', 'coverage']) {
      expect(summary).toHaveProperty(key);
    }
    expect(summary.outcome).toBe('violation');
    expect(summary.violations).toEqual([expect.objectContaining({ property: 'no-stale-controller-write', length: 6 })]);
    const trace = summary.violations[0].trace as string;
    expect(existsSync(trace)).toBe(true);
    const itf = JSON.parse(readFileSync(trace, 'utf8'));
    expect(itf['#meta']).toMatchObject({ model: 'zk-controller', preset: 'no-epoch-fencing', seed: 0, property: 'no-stale-controller-write' });
    expect(itf.states).toHaveLength(7);
    expect(itf.states[1]['#meta']).toMatchObject({ index: 1, action: { type: 'ReadControllerEpoch' } });
    const report = readFileSync(summary.violations[0].report, 'utf8');
    expect(report).toContain('`no-stale-controller-write` violated');
    expect(report).toContain('## Step 6');
    expect(report).toContain(`npx kcheck replay ${trace}`);
    const html = readFileSync(summary.violations[0].html, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<li data-step="6" class="violating">controller 0 elects broker 1 leader');

    const replay = await runCli('replay', trace);
    expect(replay.code).toBe(1);
    expect(replay.out).toContain('VIOLATED at step 6 of 6');

    itf.states[2]['#meta'].actionIndex = 0;
    const tampered = join(out, 'tampered.itf.json');
    writeFileSync(tampered, JSON.stringify(itf));
    const diverged = await runCli('replay', tampered);
    expect(diverged.code).toBe(2);
    expect(diverged.err.trim().split('\n')).toHaveLength(1);
    expect(diverged.err).toMatch(/diverge/);
  });

  it('prints text with the verdict, the steps and the replay command', async () => {
    const run = await runCli('check', 'zk-controller', '--preset', 'no-broker-epoch-check', '--out', out);
    expect(run.code).toBe(1);
    expect(run.out).toContain('VIOLATED  brokers-reject-stale-controller — shortest counterexample, 9 action(s)');
    expect(run.out).toContain('replay: npx kcheck replay');
    expect(run.out).toContain('outcome: violation');
  });

  it('exits 0 when a property holds and 4 when a budget stops the search', async () => {
    expect((await runCli('check', 'two-phase-commit', '--out', out)).code).toBe(0);
    const capped = await runCli('check', 'two-phase-commit', '--max-states', '10', '--out', out, '--format', 'json');
    expect(capped.code).toBe(4);
    expect(JSON.parse(capped.out)).toMatchObject({ outcome: 'incomplete', complete: false });
  });

  it('runs a seeded simulation and says which seed it used', async () => {
    const run = await runCli('check', 'zk-controller', '--preset', 'no-epoch-fencing', '--strategy', 'simulate', '--walks', '2000', '--seed', '1', '--out', out, '--format', 'json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out)).toMatchObject({ strategy: 'simulate', seed: 1, outcome: 'violation', violations: [{ length: 6 }] });
  });

  it('--symmetry cuts the states of a model that offers canonicalize and keeps the verdict', async () => {
    const plain = JSON.parse((await runCli('check', 'kafka-spec', '--preset', 'kip-320', '--format', 'json')).out);
    const reduced = JSON.parse((await runCli('check', 'kafka-spec', '--preset', 'kip-320', '--symmetry', '--format', 'json')).out);
    expect([plain.distinctStates, reduced.distinctStates]).toEqual([5973, 2987]);
    expect(reduced.outcome).toBe('ok');
    const bug = JSON.parse((await runCli('check', 'kafka-spec', '--preset', 'kip-101', '--symmetry', '--out', out, '--format', 'json')).out);
    expect(bug.violations).toEqual(expect.arrayContaining([expect.objectContaining({ property: 'strong-isr', length: 11 })]));
    expect((await runCli('replay', bug.violations[0].trace)).code).toBe(1);
  });

  it('--workers 2 gives the same distinct states and the same shortest counterexample as one worker', async () => {
    const two = JSON.parse((await runCli('check', 'two-phase-commit', '--set', 'resourceManagers=5', '--workers', '2', '--format', 'json')).out);
    expect(two).toMatchObject({ outcome: 'ok', complete: true, distinctStates: 8832 });
    const bug = JSON.parse((await runCli('check', 'kafka-spec', '--preset', 'kip-279-3-replicas', '--workers', '2', '--out', out, '--format', 'json')).out);
    expect(bug.violations).toEqual(expect.arrayContaining([expect.objectContaining({ property: 'strong-isr', length: 10 })]));
    expect((await runCli('replay', bug.violations[0].trace)).code).toBe(1);
  });

  it('writes JUnit with one testcase per property and witness (liveness ones skipped unless named)', async () => {
    const junit = join(out, 'check.xml');
    await runCli('check', 'zk-controller', '--preset', 'no-epoch-fencing', '--out', out, '--junit', junit);
    const xml = readFileSync(junit, 'utf8');
    // 4 safety properties, 4 witnesses and controller-eventually-elected (not named: skipped, not passed).
    expect(xml.match(/<testcase /g)).toHaveLength(9);
    expect(xml).toContain('<skipped message="liveness not checked: name it with --property"/>');
    expect(xml).toContain('<failure message="no-stale-controller-write: violated: shortest counterexample of 6 action(s)"');
  });

  it('takes params from a config file, overridden by --set', async () => {
    const config = join(out, 'config.json');
    writeFileSync(config, JSON.stringify({ params: { resourceManagers: 5 }, maxDepth: 100 }));
    const fromFile = JSON.parse((await runCli('check', 'two-phase-commit', '--config', config, '--format', 'json')).out);
    expect(fromFile.distinctStates).toBe(8832);
    const overridden = JSON.parse((await runCli('check', 'two-phase-commit', '--config', config, '--set', 'resourceManagers=3', '--format', 'json')).out);
    expect(overridden.distinctStates).toBe(288);
  });
});
