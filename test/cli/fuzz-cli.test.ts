// A small seeded fuzz of argv lists and config files (issue 17): whatever the input, the CLI exits 0, 1, 2 or 4,
// never prints a stack trace or an internal error, and bad input (exit 2) is exactly one stderr line with nothing on
// stdout and nothing written. Budgets are kept tiny so the few hundred cases run in well under a minute.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

/** mulberry32: a tiny seeded PRNG, so every failing case can be rerun from its index. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = mkdtempSync(join(tmpdir(), 'kcheck-fuzz-'));
const aFile = join(dir, 'a-file');
writeFileSync(aFile, 'x');
const WEIRD = ['', '-1', '0', '1e3', '0x10', '9007199254740993', 'x\ny', '∞', ' 3', 'a'.repeat(5000), '--', '=', '"\'$(x)'];
const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

function flagValues(r: () => number, flag: string): string[] {
  const pools: Record<string, string[]> = {
    '--preset': ['default', 'no-epoch-fencing', 'acks-1', 'nope'],
    '--set': ['brokers=3', 'brokers=9', 'brokers=x', 'epochFencing=false', 'nope=1', 'brokers', '=3', 'bro\nkers=2', `election=${'z'.repeat(3000)}`],
    '--strategy': ['bfs', 'simulate', 'dfs'],
    '--max-depth': ['0', '3', '6', '-2'],
    '--max-states': ['1', '50', '200', '0'],
    '--time-limit': ['1', '0'],
    '--walks': ['1', '5', '0'],
    '--seed': ['0', '7', '4294967295', '4294967296', '1e300'],
    '--property': ['single-controller-per-epoch', 'controller-elected', 'record-committed', 'nope'],
    '--workers': ['1', '0', 'many'],
    '--max-memory': ['16', '4', '100000'],
    '--format': ['text', 'json', 'xml'],
    '--out': [join(dir, 'out'), aFile, join(aFile, 'below'), '', '/proc/kcheck-fuzz'],
    '--junit': [join(dir, 'j.xml'), dir, join(aFile, 'j.xml'), ''],
    '--config': [aFile, '/dev/zero', join(dir, 'missing.json')],
  };
  const pool = pools[flag];
  if (pool === undefined) return [];
  return [r() < 0.85 ? pick(r, pool) : pick(r, WEIRD)];
}

function randomArgv(r: () => number): string[] {
  const command = pick(r, ['check', 'check', 'check', 'check', 'replay', 'list', 'conformance', 'assign', 'bogus', '--help', '']);
  const argv = command === '' ? [] : [command];
  if (command === 'check') {
    const model = pick(r, ['zk-controller', 'two-phase-commit', 'replication', 'kraft-quorum', 'nope', '']);
    if (r() < 0.95) argv.push(model);
    argv.push('--max-states', '2000', '--walks', '3', '--max-depth', '6', '--time-limit', '2');
  }
  const flags = ['--preset', '--set', '--strategy', '--max-depth', '--max-states', '--walks', '--seed', '--property', '--workers', '--max-memory', '--format', '--out', '--junit', '--config', '--symmetry', '--continue', '--bogus', '--help'];
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    const flag = pick(r, flags);
    if (flag === '--help' && r() < 0.7) continue;
    argv.push(flag, ...flagValues(r, flag));
  }
  if (command === 'check' && !argv.includes('--out')) argv.push('--out', join(dir, 'out'));
  if (command !== 'check' && r() < 0.5) argv.push(pick(r, [aFile, '/dev/zero', join(dir, 'missing'), ...WEIRD]));
  return argv;
}

function randomConfig(r: () => number): string {
  if (r() < 0.1) return pick(r, ['', '{', 'null', '[]', '"x"', '\ufeff{}', '{"a":1,"a":2}', `${'['.repeat(300)}${']'.repeat(300)}`]);
  const keys = ['preset', 'params', 'strategy', 'maxDepth', 'maxStates', 'timeLimit', 'walks', 'seed', 'properties', '__proto__', 'extra', 'max\nDepth'];
  const values = [0, 1, 3, -1, 0.5, 1e300, 2 ** 53, 'bfs', 'simulate', 'no-epoch-fencing', null, true, [], ['controller-elected'], {}, { brokers: 3 }, { brokers: 'x' }, { nope: 1 }];
  const config: Record<string, unknown> = {};
  const n = Math.floor(r() * 4);
  for (let i = 0; i < n; i++) config[pick(r, keys)] = pick(r, values);
  return JSON.stringify(config);
}

function expectSane(label: string, run: { code: number; out: string; err: string }, outDirBefore: boolean): void {
  expect([0, 1, 2, 4], label).toContain(run.code);
  expect(run.err, label).not.toMatch(/\n\s+at |internal error|Maximum call stack/);
  if (run.code === 2) {
    expect(run.err.trim().split('\n'), label).toHaveLength(1);
    expect(run.err, label).toMatch(/\[KC_[A-Z_]+\]\n$/);
    expect(run.out, label).toBe('');
    if (!outDirBefore) expect(existsSync(join(dir, 'out')), `${label}: wrote on bad input`).toBe(false);
  }
}

describe('fuzz', () => {
  it('argv: 250 seeded cases', async () => {
    const r = prng(17);
    const codes: Record<number, number> = {};
    for (let i = 0; i < 250; i++) {
      const argv = randomArgv(r);
      const before = existsSync(join(dir, 'out'));
      const run = await runCli(...argv);
      codes[run.code] = (codes[run.code] ?? 0) + 1;
      expectSane(`argv case ${i}: ${JSON.stringify(argv).slice(0, 300)}`, run, before);
    }
    // The mix is part of the test: most cases are bad input, but real searches of every outcome run too.
    expect(codes[0]).toBeGreaterThan(20);
    expect(codes[2]).toBeGreaterThan(100);
    expect(codes[4]).toBeGreaterThan(0);
  }, 120_000);

  it('configs: 150 seeded cases', async () => {
    const r = prng(42);
    const codes: Record<number, number> = {};
    for (let i = 0; i < 150; i++) {
      const path = join(dir, `config-${i}.json`);
      const text = randomConfig(r);
      writeFileSync(path, text);
      const before = existsSync(join(dir, 'out'));
      const count = readdirSync(dir).length;
      const run = await runCli('check', 'zk-controller', '--config', path, '--max-states', '2000', '--walks', '3', '--max-depth', '6', '--time-limit', '2', '--out', join(dir, 'out'));
      expectSane(`config case ${i}: ${text.slice(0, 300)}`, run, before);
      if (run.code === 2) expect(readdirSync(dir).length).toBe(count);
      codes[run.code] = (codes[run.code] ?? 0) + 1;
    }
    expect(codes[2]).toBeGreaterThan(50);
    expect(codes[4]).toBeGreaterThan(20);
  }, 120_000);
});
