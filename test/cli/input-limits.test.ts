// Input limits and messages (issue 17, items 5, 7, 9 and 12): configs validated as strictly as flags, bounded and
// depth-limited JSON inputs, tampered traces refused, one-line messages that keep their code, and no false
// "explored exhaustively" when only witnesses are selected.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefusal, runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'kcheck-limits-'));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const config = (name: string, json: unknown): string => file(name, JSON.stringify(json));

async function expectBad(argv: string[], code: string, message: RegExp): Promise<void> {
  expectRefusal(await runCli(...argv), message, code);
}

describe('one validator for config and flags (item 7)', () => {
  it.each([
    ['walks 0', { preset: 'no-epoch-fencing', strategy: 'simulate', walks: 0 }, /walks must be an integer ≥ 1, got 0/],
    ['maxStates 0', { maxStates: 0 }, /maxStates must be an integer ≥ 1/],
    ['timeLimit -1', { timeLimit: -1 }, /timeLimit must be an integer ≥ 0/],
    ['seed 1e300', { seed: 1e300 }, /seed must be an integer from 0 to 4294967295, got 1e\+300/],
    ['walks above 2^53', { walks: 2 ** 54 }, /walks must be an integer ≥ 1/],
    ['strategy dfs', { strategy: 'dfs' }, /strategy must be bfs or simulate/],
  ])('config %s → exit 2', async (name, json, message) => {
    await expectBad(['check', 'zk-controller', '--config', config(`${name}.json`, json)], 'KC_BAD_CONFIG', message);
  });
  it.each([
    ['--seed 2^53', ['--seed', '9007199254740992'], /--seed must be an integer from 0 to 4294967295, got '9007199254740992'/],
    ['--seed 2^32 (would repeat seed 0)', ['--seed', '4294967296'], /--seed must be an integer from 0 to 4294967295/],
    ['--walks 0', ['--walks', '0'], /--walks must be an integer ≥ 1, got '0'/],
  ])('%s → exit 2', async (_name, flags, message) => {
    await expectBad(['check', 'zk-controller', ...flags], 'KC_BAD_OPTION', message);
  });
  it('a config with a UTF-8 BOM is read', async () => {
    const run = await runCli('check', 'zk-controller', '--config', file('bom.json', '\ufeff{"preset":"no-epoch-fencing"}'), '--out', dir);
    expect(run.code).toBe(1);
  });
});

describe('bounded, depth-limited inputs (item 9)', () => {
  let trace = '';
  beforeAll(async () => {
    const run = await runCli('check', 'zk-controller', '--preset', 'no-epoch-fencing', '--out', dir, '--format', 'json');
    trace = readFileSync(JSON.parse(run.out).violations[0].trace, 'utf8');
  });
  const tampered = (name: string, edit: (json: any) => void): string => {
    const json = JSON.parse(trace);
    edit(json);
    return file(name, JSON.stringify(json));
  };
  const deep = (n: number): unknown => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`);

  it('the untampered trace reproduces', async () => {
    expect((await runCli('replay', file('ok.itf.json', trace))).code).toBe(1);
  });
  it.each([
    ['/dev/zero as config', ['check', 'zk-controller', '--config', '/dev/zero'], 'KC_BAD_CONFIG', /larger than 16 MiB/],
    ['/dev/zero as trace', ['replay', '/dev/zero'], 'KC_BAD_TRACE', /larger than 16 MiB/],
    ['/dev/zero as vectors', ['conformance', '/dev/zero'], 'KC_BAD_VECTORS', /larger than 16 MiB/],
    ['null vectors', ['conformance', file('null.json', 'null')], 'KC_BAD_VECTORS', /must be \{"vectors"/],
  ])('%s → exit 2', async (_name, argv, code, message) => {
    await expectBad(argv, code, message);
  });
  it('a state nested 3,000 levels deep → exit 2', async () => {
    const path = tampered('deep-state.itf.json', (j) => (j.states[1].deep = deep(3000)));
    await expectBad(['replay', path], 'KC_BAD_TRACE', /nests \d+ levels deep \(at most 200\)/);
  });
  it('#meta.params nested 3,000 levels deep → exit 2', async () => {
    const path = tampered('deep-params.itf.json', (j) => (j['#meta'].params.brokers = deep(3000)));
    await expectBad(['replay', path], 'KC_BAD_TRACE', /nests \d+ levels deep/);
  });
  it('"initIndex": 0.5 → exit 2', async () => {
    await expectBad(['replay', tampered('init.itf.json', (j) => (j['#meta'].initIndex = 0.5))], 'KC_BAD_TRACE', /initIndex must be an integer from 0 to 0, got 0.5/);
  });
  it('an extra "__proto__" key in a recorded state → exit 2 (it used to pass the comparison)', async () => {
    const text = trace.replace('"#meta": {\n        "index": 1', '"__proto__": {"x": 1},\n      "#meta": {\n        "index": 1');
    expect(text).not.toBe(trace);
    await expectBad(['replay', file('proto.itf.json', text)], 'KC_BAD_TRACE', /"__proto__" key/);
  });
  it('a preset label that is not a preset → exit 2; a missing param → exit 2', async () => {
    await expectBad(['replay', tampered('preset.itf.json', (j) => (j['#meta'].preset = 'nope'))], 'KC_BAD_TRACE', /#meta.preset 'nope' is not a preset of zk-controller/);
    await expectBad(['replay', tampered('param.itf.json', (j) => delete j['#meta'].params.epochFencing)], 'KC_BAD_TRACE', /#meta.params lacks epochFencing/);
  });
  it('a trace labelled with another preset names the params that differ', async () => {
    const run = await runCli('replay', tampered('relabel.itf.json', (j) => (j['#meta'].preset = 'default')));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/\(default with epochFencing=false\)/);
  });
  it('an edited action is shown as recorded, not its unchanged text twice', async () => {
    const path = tampered('action.itf.json', (j) => {
      const meta = j.states[1]['#meta'];
      meta.action = { ...meta.action, broker: 99 };
    });
    const run = await runCli('replay', path);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/recorded \{.*99.*\}, replayed/);
  });
});

describe('messages (item 12)', () => {
  it('a newline in a --set key stays on one line', async () => {
    await expectBad(['check', 'zk-controller', '--set', 'bro\nkers=3'], 'KC_UNKNOWN_PARAM', /unknown param 'bro\\nkers'/);
  });
  it('a 100 KB --set value is cut, and the code survives', async () => {
    const run = await runCli('check', 'zk-controller', '--set', `election=${'x'.repeat(100_000)}`);
    expect(run.code).toBe(2);
    expect(run.err.length).toBeLessThan(2200);
    expect(run.err.trim().endsWith('[KC_BAD_PARAM]')).toBe(true);
  });
  it('the real CLI keeps the whole error line when stderr is a pipe (100 KB value)', () => {
    const run = spawnSync(process.execPath, [new URL('../../bin/kcheck.js', import.meta.url).pathname, 'check', 'zk-controller', '--set', `election=${'x'.repeat(100_000)}`], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim().endsWith('[KC_BAD_PARAM]')).toBe(true);
  });
  it('an unknown command has a code; bare kcheck is one line on stderr', async () => {
    await expectBad(['frobnicate'], 'KC_UNKNOWN_COMMAND', /unknown command 'frobnicate'/);
    await expectBad([], 'KC_USAGE', /no command given; valid commands: list, check/);
  });
  it('the printed replay command is shell-quoted', async () => {
    const run = await runCli('check', 'zk-controller', '--preset', 'no-epoch-fencing', '--out', join(dir, 'my reports'));
    expect(run.out).toContain(`replay: npx kcheck replay '${join(dir, 'my reports')}/`);
  });
});

describe('witness-only runs explore (item 5)', () => {
  it('--property <witness> --continue explores the space instead of claiming 0 states exhaustively', async () => {
    const run = await runCli('check', 'zk-controller', '--property', 'controller-failover', '--continue', '--max-depth', '9', '--format', 'json');
    const summary = JSON.parse(run.out);
    expect(run.code).toBe(0);
    expect(summary.stoppedBy).toBe('max-depth');
    expect(summary.distinctStates).toBeGreaterThan(1000);
    expect(summary.witnesses['controller-failover'].found).toBe(true);
  });
  it('also on two workers', async () => {
    const argv = ['check', 'replication', '--preset', 'acks-1', '--property', 'record-committed', '--continue', '--max-depth', '8', '--format', 'json'];
    const one = JSON.parse((await runCli(...argv)).out);
    const two = JSON.parse((await runCli(...argv, '--workers', '2')).out);
    expect(one.distinctStates).toBeGreaterThan(100);
    expect(two.distinctStates).toBe(one.distinctStates);
    expect(two.witnesses['record-committed'].found).toBe(true);
  }, 30_000);
});
