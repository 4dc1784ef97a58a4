// User models from the CLI, end to end in a fresh directory: a plain-object .mjs model (no kcheck import) named by
// path and registered by kcheck.config.json, seen by list, check (also on 2 workers), suite --jobs 2 and replay,
// which says when the model file changed; bad modules are one-line KC_BAD_MODEL errors.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceFile } from '../trace-file.ts';
import { runCli } from './run-cli.ts';

// A counter that wraps at `max` unless `bounded`: 'below-max' fails in `max` steps when unbounded.
const MODEL = (doc: string): string => `export default {
  name: 'plain-counter',
  doc: '${doc}',
  params: [{ name: 'max', type: 'int', default: 3, min: 1, max: 50, doc: 'top' }, { name: 'bounded', type: 'bool', default: true, doc: 'stop below max' }],
  create: (p) => ({
    init: () => [0],
    actions: () => [{ type: 'Inc' }, { type: 'Reset' }],
    next: (s, a) => (a.type === 'Reset' ? (s > 0 ? 0 : undefined) : p.bounded && s + 1 >= p.max ? undefined : s + 1),
    encode: (s, out) => out.int(s),
    decode: (input) => input.int(),
    variables: (s) => ({ n: s }),
  }),
  properties: (p) => [{ kind: 'always', name: 'below-max', doc: 'n < max', check: (s) => s < p.max }, { kind: 'sometimes', name: 'two', doc: 'n reaches 2', check: (s) => s === 2 }],
  presets: [
    { name: 'default', doc: 'bounded', params: {}, expect: { holds: true } },
    { name: 'unbounded', doc: 'wraps past max', params: { bounded: false }, expect: { violates: ['below-max'] } },
  ],
};
`;

const home = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'kcheck-user-models-'));
// The trace the first test writes (found by pattern: the name carries the params hash).
let trace = '';

beforeAll(() => {
  writeFileSync(join(dir, 'counter.mjs'), MODEL('a counter'));
  writeFileSync(join(dir, 'broken.mjs'), 'export const notAModel = 1;\n');
  process.chdir(dir);
});
afterAll(() => process.chdir(home));

describe('a model from a file', () => {
  it('checks ./counter.mjs by path and records where the model came from', async () => {
    const run = await runCli('check', '--preset', 'unbounded', '--symmetry', './counter.mjs', '--format', 'json');
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.out);
    expect(summary.violations.map((v: { property: string; length: number }) => [v.property, v.length])).toEqual([['below-max', 3]]);
    trace = traceFile('reports', 'plain-counter', 'unbounded', 'below-max');
    const meta = JSON.parse(readFileSync(trace, 'utf8'))['#meta'];
    expect(meta.modelSource).toMatchObject({ module: 'counter.mjs', export: 'default' });
    expect(meta.modelSource.moduleHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('replays the trace from the recorded module, and notes when the file changed', async () => {
    expect(await runCli('replay', trace)).toMatchObject({ code: 1, err: '' });
    writeFileSync(join(dir, 'counter.mjs'), MODEL('a counter, edited'));
    const run = await runCli('replay', trace);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^kcheck replay: note: counter\.mjs changed since this trace was written \(module hash [0-9a-f]{16} → [0-9a-f]{16}\)/);
  });

  it('is seen by list, check, suite --jobs 2 and check --workers 2 once kcheck.config.json registers it', async () => {
    writeFileSync(join(dir, 'kcheck.config.json'), JSON.stringify({ models: ['./counter.mjs'] }));
    expect((await runCli('list')).out).toContain('plain-counter — a counter');
    const suite = await runCli('suite', '--model', 'plain-counter', '--jobs', '2');
    expect(suite.code).toBe(0);
    expect(suite.out).toContain('suite: 2 of 2 expectations met');
    const run = await runCli('check', 'plain-counter', '--set', 'max=40', '--workers', '2', '--format', 'json');
    expect(run.err).toBe('');
    const parallel = JSON.parse(run.out);
    expect(parallel).toMatchObject({ outcome: 'ok', distinctStates: 40 });
  });

  it('rejects a module without a model definition in one line', async () => {
    expect(await runCli('check', './broken.mjs')).toEqual({
      code: 2,
      out: '',
      err: "kcheck check: ./broken.mjs: export 'definition' is not a model definition (name, doc, params, create, properties, presets); its exports: notAModel [KC_BAD_MODEL]\n",
    });
    expect((await runCli('check', './missing.ts')).err).toBe(
      'kcheck check: cannot find model file ./missing.ts; pass a .ts, .mts, .js or .mjs file whose default export is a model definition [KC_BAD_MODEL]\n',
    );
  });
});
