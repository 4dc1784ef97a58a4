// Swarm runs end to end: `kcheck check --strategy simulate --shard i/n` splits the walks and diversifies each
// shard, writes shard-<i>-of-<n>.json, and `kcheck merge` reports the first counterexample by shard order, the
// summed walks and one JUnit file; missing shards make the merged verdict incomplete; bad input is one line, exit 2.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardFrom, shardRun } from '../../src/check/shard-plan.ts';
import { runCli } from './run-cli.ts';

const swarm = async (preset: string, shards: number, walks: number) => {
  const dir = mkdtempSync(join(tmpdir(), 'kcheck-swarm-'));
  const codes: number[] = [];
  for (let i = 1; i <= shards; i++) {
    const run = await runCli('check', 'zk-controller', '--preset', preset, '--strategy', 'simulate', '--walks', String(walks), '--seed', '7', '--shard', `${i}/${shards}`, '--out', dir, '--format', 'json');
    codes.push(run.code);
  }
  return { dir, codes, files: Array.from({ length: shards }, (_, i) => join(dir, `shard-${i + 1}-of-${shards}.json`)) };
};

describe('shard plans', () => {
  it('split the walks, give each shard its own seed, and cycle depth bounds and action orders', () => {
    const runs = [1, 2, 3, 4].map((index) => shardRun({ index, count: 4 }, { walks: 1001, maxDepth: 40, seed: 7 }));
    expect(runs.map((r) => r.walks)).toEqual([251, 250, 250, 250]);
    expect(runs.map((r) => r.maxDepth)).toEqual([40, 80, 20, 40]);
    expect(runs.map((r) => r.walkOrder)).toEqual(['uniform', 'sticky', 'uniform', 'sticky']);
    expect(new Set(runs.map((r) => r.seed)).size).toBe(4);
  });

  it('come from --shard, KCHECK_SHARD, or a 0-based JOB_COMPLETION_INDEX with KCHECK_SHARD_COUNT', () => {
    expect(shardFrom('2/4', {})).toEqual({ index: 2, count: 4 });
    expect(shardFrom(undefined, { KCHECK_SHARD: '3/5' })).toEqual({ index: 3, count: 5 });
    expect(shardFrom(undefined, { JOB_COMPLETION_INDEX: '0', KCHECK_SHARD_COUNT: '8' })).toEqual({ index: 1, count: 8 });
    expect(shardFrom(undefined, { JOB_COMPLETION_INDEX: '0' })).toBeNull();
    expect(() => shardFrom('5/4', {})).toThrow(/must be i\/n/);
  });
});

describe('kcheck check --shard and kcheck merge', () => {
  it('find the broken epoch check, name the shard that found it first, and write one JUnit', async () => {
    const { dir, codes, files } = await swarm('no-broker-epoch-check', 4, 400);
    expect(codes.some((c) => c === 1)).toBe(true);
    const junit = join(dir, 'junit.xml');
    const merged = await runCli('merge', ...files, '--junit', junit, '--format', 'json');
    expect(merged.code).toBe(1);
    const m = JSON.parse(merged.out);
    const firstFailing = codes.findIndex((c) => c === 1) + 1;
    expect(m.outcome).toBe('violation');
    expect(m.violations[0]).toMatchObject({ shard: firstFailing, property: 'brokers-reject-stale-controller' });
    expect(m.violations[0].trace).toContain(`shard-${firstFailing}-of-4`);
    const shardWalks = files.map((f) => JSON.parse(readFileSync(f, 'utf8')).summary.simulation.walks as number);
    expect(m.walks).toBe(shardWalks.reduce((a, b) => a + b, 0));
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('tests="4" failures="1"');
    expect(xml).toContain(`violated in shard ${firstFailing}/4`);
  });

  it('a holding preset merges to ok; with a shard missing it is incomplete (exit 4) and says which', async () => {
    // Enough walks that the shards together reach every witness (fewer: the merge is vacuous, exit 1, as check).
    const { files } = await swarm('default', 2, 400);
    const ok = await runCli('merge', ...files);
    expect(ok.out).not.toContain('NOT FOUND');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('2 of 2 shard(s)');
    const partial = await runCli('merge', files[1]);
    expect(partial.code).toBe(4);
    expect(partial.out).toContain('missing shards: 1');
  });

  it('rejects a non-shard file, mixed runs and BFS shards in one line, exit 2', async () => {
    const { dir, files } = await swarm('default', 2, 10);
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"model":"x"}');
    for (const run of [
      await runCli('merge', junk),
      await runCli('merge', join(dir, 'absent.json')),
      await runCli('check', 'zk-controller', '--shard', '1/2'),
    ]) {
      expect(run.code).toBe(2);
      expect(run.err.trim().split('\n')).toHaveLength(1);
    }
    const other = await swarm('sequential-node', 2, 10);
    const mixed = await runCli('merge', files[0], other.files[1]);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('from a different run');
  });
});
