// Structured ITF end to end: each built-in Kafka model's showcase counterexample is written with ITF's own types
// (integers, #set, #map, records), read back by a structure-aware reader by type, keeps its display text in
// #meta, and still replays (exit 1).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { readItfStates, type Itf } from './itf-reader.ts';

const out = mkdtempSync(join(tmpdir(), 'kcheck-itf-'));

async function checkAndRead(model: string, preset: string) {
  const run = await runCli('check', model, '--preset', preset, '--out', out, '--format', 'json');
  expect(run.code).toBe(1);
  const file = JSON.parse(run.out).violations[0].trace as string;
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const replay = await runCli('replay', file);
  expect(replay.code).toBe(1);
  return { json, states: readItfStates(json) };
}

const rec = (v: Itf): Record<string, Itf> => v as Record<string, Itf>;

describe('structured ITF', () => {
  it('replication: ISR as a set of integers, logs as records, committed as a map from offset', async () => {
    const { json, states } = await checkAndRead('replication', 'hw-truncation');
    const last = states[states.length - 1];
    const controller = rec(last.controller);
    expect(controller.isr).toEqual(new Set([1n, 2n]));
    expect(controller.leader).toBe(1n);
    const committed = rec(last.ghosts).committed as Map<Itf, Itf>;
    expect(committed).toBeInstanceOf(Map);
    expect(committed.get(0n)).toEqual({ record: 'a', leaderEpoch: 0n });
    const brokers = last.brokers as Record<string, Itf>[];
    expect(brokers[2].log).toEqual([]);
    expect(brokers[1].log).toEqual([{ record: 'a', leaderEpoch: 0n }]);
    // The reports' text is kept beside the structure.
    expect(json.states[7]['#meta'].display.controller.isr).toBe('[1, 2]');
  });

  it('zk-controller: znodes as records, sessions as a map from broker id', async () => {
    const { states } = await checkAndRead('zk-controller', 'no-epoch-fencing');
    const zk = rec(states[states.length - 1].zookeeper);
    expect(zk.sessions).toEqual(new Map([[0n, 2n], [1n, 101n], [2n, 201n]]));
    expect(rec(zk.controller).brokerId).toBe(1n);
    expect(rec((zk.partitions as Itf[])[0]).isr).toEqual(new Set([0n, 1n, 2n]));
  });

  it('kraft-quorum: roles, epochs and logs typed per voter', async () => {
    const { states } = await checkAndRead('kraft-quorum', 'no-log-check');
    const voters = states[states.length - 1].voters as Record<string, Itf>[];
    expect(voters.map((v) => v.role)).toEqual(['Leader', 'Leader', 'Unattached']);
    expect(voters[1].epoch).toBe(2n);
    expect(voters[1].log).toEqual([{ entry: 'LC(1)', epoch: 2n }]);
    expect(states[states.length - 1].committed).toEqual([{ entry: 'LC(0)', epoch: 1n }]);
  });
});
