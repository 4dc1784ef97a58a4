// End to end for liveness: `check` prints KIP-996's lasso for kraft-quorum's rejoining-voter preset (bounded: it stops
// only where maxEpoch refuses the next election) and writes ITF
// with a `loop`, the Markdown marks where the loop starts, `replay` checks that the loop closes and is fair, and
// liveness with --symmetry is refused with a KC_ code and nothing written.
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceFile } from '../trace-file.ts';
import { runCli } from './run-cli.ts';

const out = mkdtempSync(join(tmpdir(), 'kcheck-live-'));

describe('kcheck check / replay: liveness', () => {
  it('prints the rejoining-voter lasso, writes a loop into ITF and replays it', async () => {
    const run = await runCli('check', 'kraft-quorum', '--preset', 'rejoining-voter', '--property', 'no-disruption-by-rejoining-voter', '--out', out);
    expect(run.code).toBe(4);
    expect(run.out).toContain('BOUNDED   no-disruption-by-rejoining-voter — undecided: a lasso of 16 action(s) of prefix, then a loop of 0, exists only where maxEpoch=2 stops the model');
    expect(run.out).toContain("voter 2 has not fetched from its leader in time (fetch timeout)");
    expect(run.out).toContain('↺ stutters at state 16 only because maxEpoch=2 refuses a fair action — a model bound, not a liveness violation');
    expect(run.out).toMatch(/graph: [\d,]+ edges at 6 bytes per edge/);
    const trace = traceFile(out, 'kraft-quorum', 'rejoining-voter', 'no-disruption-by-rejoining-voter');
    const itf = JSON.parse(readFileSync(trace, 'utf8'));
    expect(itf.loop).toBe(16);
    expect(itf['#meta']).toMatchObject({ propertyKind: 'liveness', trigger: 13, bounded: 'maxEpoch=2' });
    expect(itf.states).toHaveLength(17);
    const md = readFileSync(trace.replace('.itf.json', '.md'), 'utf8');
    expect(md).toContain('## ↺ Loop: from state 16 the model stops only because maxEpoch=2 refuses a fair action');
    expect(md).toContain('Undecided within the bounds');
    const replay = await runCli('replay', trace);
    expect(replay.code).toBe(4);
    expect(replay.out).toContain('BOUNDED: the loop from state 16 closes and never reaches the goal, but only because maxEpoch=2 refuses a fair action');
    // A loop index pointing at a state the trace does not return to is not a lasso.
    writeFileSync(trace, JSON.stringify({ ...itf, loop: 14 }));
    const broken = await runCli('replay', trace);
    expect(broken.code).toBe(0);
    expect(broken.out).toContain('does not close');
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
