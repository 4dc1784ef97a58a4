// Memory budget and worker limits (issue 17, items 8, 10 and 11): a search over budget stops honestly (incomplete,
// stoppedBy "memory", exit 4) instead of a V8 crash dump; --workers is capped at twice the cores; and which counts
// a multi-threaded run shares with a one-thread run is pinned.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const LAUNCHER = new URL('../../bin/kcheck.js', import.meta.url).pathname;
const BIG = ['check', 'zk-controller', '--set', 'brokers=4', '--set', 'sessionExpiries=2', '--set', 'crashes=1', '--format', 'json'];

// A model without decode, so its BFS frontier is JS objects on the V8 heap (the built-in Kafka models keep theirs
// packed in typed arrays now): 24 bits, any one flipped per step, 2^24 states and C(24, 12) at the widest level.
const HEAP_FILLER = `const N = 24;
export default {
  name: 'heap-filler', doc: 'flips bits', params: [], presets: [],
  properties: () => [{ kind: 'always', name: 'anything', doc: 'holds', check: () => true }],
  create: () => ({
    init: () => [{ bits: Array(N).fill(0) }],
    actions: () => Array.from({ length: N }, (_, i) => ({ type: 'Flip', i })),
    next: (s, a) => ({ bits: s.bits.map((b, j) => (j === a.i ? 1 - b : b)) }),
    encode: (s, out) => { for (const b of s.bits) out.int(b); },
    variables: (s) => ({ bits: s.bits.join('') }),
  }),
};
`;

describe('memory budget (item 8)', () => {
  it('a small V8 heap stops the search with stoppedBy memory, exit 4, no crash dump (real CLI)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcheck-heap-'));
    writeFileSync(join(dir, 'heap-filler.mjs'), HEAP_FILLER);
    const child = spawn(process.execPath, [LAUNCHER, 'check', join(dir, 'heap-filler.mjs'), '--format', 'json', '--quiet', '--out', join(dir, 'r')], {
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=64' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(4);
    const summary = JSON.parse(out);
    expect(summary).toMatchObject({ outcome: 'incomplete', complete: false, stoppedBy: 'memory' });
    expect(summary.distinctStates).toBeGreaterThan(0);
  }, 60_000);

  it('--max-memory below what the process already uses stops at the first poll', async () => {
    const run = await runCli(...BIG, '--max-memory', '16');
    expect(run.code).toBe(4);
    expect(JSON.parse(run.out)).toMatchObject({ outcome: 'incomplete', stoppedBy: 'memory', distinctStates: 1 });
  });

  it('--max-memory is validated', async () => {
    const run = await runCli(...BIG, '--max-memory', '4');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--max-memory must be an integer ≥ 16, got '4' \[KC_BAD_OPTION\]/);
  });
});

describe('--workers (items 10 and 11)', () => {
  it('is capped at twice the cores, saying so in one stderr line', async () => {
    const cap = 2 * availableParallelism();
    const run = await runCli('check', 'two-phase-commit', '--workers', '1000', '--format', 'json');
    expect(run.code).toBe(0);
    expect(run.err).toBe(`kcheck check: --workers 1000 capped at ${cap} (twice the ${cap / 2} cores here)\n`);
    expect(JSON.parse(run.out)).toMatchObject({ outcome: 'ok', complete: true });
  });

  it('equal counts when the search runs to its end or to --max-depth; on an early stop only the lengths are equal', async () => {
    const depth = ['check', 'replication', '--max-depth', '8', '--format', 'json'];
    const [one, two] = [JSON.parse((await runCli(...depth)).out), JSON.parse((await runCli(...depth, '--workers', '2')).out)];
    expect(one.stoppedBy).toBe('max-depth');
    expect(two.stoppedBy).toBe('max-depth');
    expect(two.distinctStates).toBe(one.distinctStates);
    expect(two.generatedStates).toBe(one.generatedStates);
    // First violation: one thread stops inside the level, two threads finish the level they are in.
    const bug = ['check', 'kafka-spec', '--preset', 'kip-279-3-replicas', '--format', 'json', '--out', '/tmp/kcheck-workers-test'];
    const [b1, b2] = [JSON.parse((await runCli(...bug)).out), JSON.parse((await runCli(...bug, '--workers', '2')).out)];
    expect(b1.stoppedBy).toBe('first-violation');
    expect(b2.stoppedBy).toBe('first-violation');
    expect(b2.violations.map((v: { length: number }) => v.length)).toEqual(b1.violations.map((v: { length: number }) => v.length));
    expect(b2.distinctStates).toBeGreaterThanOrEqual(b1.distinctStates);
  }, 60_000);
});
