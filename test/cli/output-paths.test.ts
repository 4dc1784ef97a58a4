// Output paths (issue 17, items 1, 4 and 6): --out and --junit are checked before the search (exit 2, nothing
// explored), --junit writes through a FIFO or symlink instead of replacing it, an output failure after the search
// never replaces the verdict's exit code, and temp files of a killed run are swept by the next one.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/check/resolve-params.ts';
import { modelNamed } from '../../src/cli/registry.ts';
import { configurationId } from '../../src/report/configuration-id.ts';
import { registry } from '../../wiring/registry.ts';
import { expectRefusal, runCli } from './run-cli.ts';

const VIOLATING = ['check', 'zk-controller', '--preset', 'no-epoch-fencing'];
// Report files are named by configuration (model, preset, params hash), so the stem follows the preset's params.
const params = resolveParams(modelNamed(registry, 'zk-controller'), { preset: 'no-epoch-fencing' });
const STEM = `${configurationId('zk-controller', 'no-epoch-fencing', params)}.no-stale-controller-write`;

describe('--out and --junit are validated before the search', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kcheck-out-'));
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  it.each([
    ['a file', file, /--out '.*a-file' is not a directory/],
    ['below a file', join(file, 'sub'), /is below .*a-file, which is not a directory/],
    ['/dev/null', '/dev/null', /--out '\/dev\/null' is not a directory/],
    ['/proc (Node 20 mkdir loops there)', '/proc/kcheck-test', /kernel pseudo-filesystem/],
    ['empty', '', /--out '' is empty/],
  ])('--out %s → exit 2', async (_name, out, message) => {
    expectRefusal(await runCli(...VIOLATING, '--out', out), message, 'KC_BAD_OPTION');
  });
  it.each([
    ['a directory', dir, /--junit '.*' is a directory/],
    ['below a file', join(file, 'j.xml'), /which is not a directory/],
    ['empty', '', /--junit '' is empty/],
  ])('--junit %s → exit 2', async (_name, junit, message) => {
    expectRefusal(await runCli(...VIOLATING, '--out', join(dir, 'r'), '--junit', junit), message, 'KC_BAD_OPTION');
    expect(existsSync(join(dir, 'r'))).toBe(false);
  });
});

describe('writing', () => {
  it('--junit to a symlink writes through it and keeps the link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcheck-link-'));
    writeFileSync(join(dir, 'target.xml'), '');
    symlinkSync(join(dir, 'target.xml'), join(dir, 'link.xml'));
    const run = await runCli(...VIOLATING, '--out', dir, '--junit', join(dir, 'link.xml'));
    expect(run.code).toBe(1);
    expect(lstatSync(join(dir, 'link.xml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.xml'), 'utf8')).toMatch(/<testsuite/);
  });

  it('--junit to a FIFO writes into it and leaves the FIFO in place (real CLI)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcheck-fifo-'));
    const fifo = join(dir, 'junit.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let xml = '';
    reader.stdout.on('data', (d) => (xml += d));
    const read = new Promise((resolve) => reader.on('close', resolve));
    const cli = spawn(process.execPath, [new URL('../../bin/kcheck.js', import.meta.url).pathname, ...VIOLATING, '--out', dir, '--junit', fifo], { stdio: 'ignore' });
    const code = await new Promise((resolve) => cli.on('close', resolve));
    await read;
    expect(code).toBe(1);
    expect(xml).toMatch(/<testsuite/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 20_000);

  it('an output failure after the search is one KC_IO line and keeps the verdict (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcheck-fail-'));
    mkdirSync(join(dir, `${STEM}.itf.json`)); // a directory where the trace should go
    const run = await runCli(...VIOLATING, '--out', dir, '--format', 'json');
    expect(run.code).toBe(1);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).toMatch(/cannot write .*itf\.json \(it is a directory\).*\[KC_IO\]/);
    expect(JSON.parse(run.out).outcome).toBe('violation');
  });

  it('temp files of a killed run (NAME.kcheck-PID.tmp) are removed by the next run; live ones are kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcheck-tmp-'));
    const dead = `${STEM}.itf.json.kcheck-999999999.tmp`;
    const live = `${STEM}.md.kcheck-${process.ppid}.tmp`; // a running process (our parent)
    writeFileSync(join(dir, dead), 'half');
    writeFileSync(join(dir, live), 'in progress');
    const run = await runCli(...VIOLATING, '--out', dir);
    expect(run.code).toBe(1);
    const names = readdirSync(dir);
    expect(names).not.toContain(dead);
    expect(names).toContain(live);
    expect(names).toContain(`${STEM}.itf.json`);
  });
});
