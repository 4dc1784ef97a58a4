// End to end for liveness: `check` prints KIP-996's lasso for kraft-quorum's rejoining-voter preset (a loop that
// closes up to the epoch renumbering) and writes ITF with a `loop`, the Markdown marks where the loop starts and how
// it shifts, `replay` checks that the loop closes (up to the quotient) and is fair; with maxEpoch 2 the same run is
// bounded; liveness with --symmetry is refused with a KC_ code and nothing written.
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceFile } from '../trace-file.ts';
import { runCli } from './run-cli.ts';

const out = mkdtempSync(join(tmpdir(), 'kcheck-live-'));

describe('kcheck check / replay: liveness', () => {
  it('prints the rejoining-voter lasso (a loop up to a shift), writes a loop into ITF and replays it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcheck-live-kip996-'));
    const run = await runCli('check', 'kraft-quorum', '--preset', 'rejoining-voter', '--property', 'no-disruption-by-rejoining-voter', '--out', dir);
    expect(run.code).toBe(1);
    expect(run.out).toContain('VIOLATED  no-disruption-by-rejoining-voter — fair lasso: 14 action(s) of prefix, then a loop of 10 repeated forever');
    expect(run.out).toContain('voter 2 has not fetched from its leader in time (fetch timeout)');
    expect(run.out).toContain('↺ back to state 14 up to a shift (the same state with every current epoch 2 higher (voters, quorum-state files, messages in flight)): a cycle of 10 step(s), repeated forever');
    const trace = traceFile(dir, 'kraft-quorum', 'rejoining-voter', 'no-disruption-by-rejoining-voter');
    const itf = JSON.parse(readFileSync(trace, 'utf8'));
    expect(itf.loop).toBe(14);
    expect(itf['#meta']).toMatchObject({ propertyKind: 'liveness', trigger: 13, loopShift: expect.stringContaining('every current epoch 2 higher') });
    expect(itf.states).toHaveLength(25);
    const md = readFileSync(trace.replace('.itf.json', '.md'), 'utf8');
    expect(md).toContain('## ↺ Loop starts at state 14: steps 15–24 repeat forever (state 24 is state 14 up to a shift: the same state with every current epoch 2 higher');
    const replay = await runCli('replay', trace);
    expect(replay.code).toBe(1);
    expect(replay.out).toContain('VIOLATED: the loop from state 14 closes up to the liveness quotient (the same state with every current epoch 2 higher');
    // A loop index pointing at a state the trace does not return to, even up to the quotient, is not a lasso.
    writeFileSync(trace, JSON.stringify({ ...itf, loop: 15 }));
    const broken = await runCli('replay', trace);
    expect(broken.code).toBe(0);
    expect(broken.out).toContain('does not close');
  }, 60_000);

  it('with maxEpoch 2 the rejoining voter has no spread left: BOUNDED, and replay says so', async () => {
    const run = await runCli('check', 'kraft-quorum', '--preset', 'rejoining-voter', '--set', 'maxEpoch=2', '--property', 'no-disruption-by-rejoining-voter', '--out', out);
    expect(run.code).toBe(4);
    expect(run.out).toContain('BOUNDED   no-disruption-by-rejoining-voter — undecided: a lasso of 16 action(s) of prefix, then a loop of 0, exists only where maxEpoch=2 stops the model');
    expect(run.out).toContain('↺ stutters at state 16 only because maxEpoch=2 refuses a fair action — a model bound, not a liveness violation');
    expect(run.out).toMatch(/graph: [\d,]+ edges at 6 bytes per edge/);
    const trace = traceFile(out, 'kraft-quorum', 'rejoining-voter', 'no-disruption-by-rejoining-voter');
    const itf = JSON.parse(readFileSync(trace, 'utf8'));
    expect(itf.loop).toBe(16);
    expect(itf['#meta']).toMatchObject({ propertyKind: 'liveness', trigger: 13, bounded: 'maxEpoch=2' });
    const md = readFileSync(trace.replace('.itf.json', '.md'), 'utf8');
    expect(md).toContain('## ↺ Loop: from state 16 the model stops only because maxEpoch=2 refuses a fair action');
    expect(md).toContain('Undecided within the bounds');
    const replay = await runCli('replay', trace);
    expect(replay.code).toBe(4);
    expect(replay.out).toContain('BOUNDED: the loop from state 16 closes and never reaches the goal, but only because maxEpoch=2 refuses a fair action');
  }, 60_000);

  it('zk-controller without watch re-registration, in JSON', async () => {
    const run = await runCli('check', 'zk-controller', '--preset', 'no-watch-reregistration', '--property', 'controller-eventually-elected', '--out', out, '--format', 'json');
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.out);
    expect(summary.violations).toEqual([expect.objectContaining({ property: 'controller-eventually-elected', length: 6, lasso: { trigger: 6, loop: 6 } })]);
    expect(summary.graph).toMatchObject({ bytesPerEdge: 6 });
  }, 60_000);

  it('refuses liveness with --symmetry (exit 2, KC_BAD_OPTION, nothing written)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kcheck-live-none-'));
    const run = await runCli('check', 'zk-controller', '--property', 'controller-eventually-elected', '--symmetry', '--out', empty);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--symmetry.*\[KC_BAD_OPTION\]/);
    expect(readdirSync(empty)).toEqual([]);
  });
});
