// Bad input: one clear line on stderr naming what is valid, exit 2, nothing on stdout, no stack trace, no files.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRefusal, runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'kcheck-bad-'));
const badJson = join(dir, 'bad.json');
writeFileSync(badJson, '{ not json');
const badKey = join(dir, 'key.json');
writeFileSync(badKey, JSON.stringify({ parms: {} }));

const cases: [string, string[], RegExp][] = [
  ['unknown model', ['check', 'nope'], /unknown model 'nope'; valid models: zk-controller/],
  ['unknown preset', ['check', 'zk-controller', '--preset', 'zzz'], /unknown preset 'zzz' .*valid presets: default/],
  ['unknown param', ['check', 'zk-controller', '--set', 'brokrs=3'], /unknown param 'brokrs' .*valid params: brokers/],
  ['out of range', ['check', 'zk-controller', '--set', 'brokers=9'], /brokers = 9 is invalid: expected an integer from 2 to 4/],
  ['wrong type', ['check', 'zk-controller', '--set', 'epochFencing=yes'], /epochFencing = 'yes' is invalid: expected true or false/],
  ['bad enum', ['check', 'zk-controller', '--set', 'election=raft'], /expected one of ephemeral-node, sequential-node/],
  ['param relation', ['check', 'zk-controller', '--set', 'maxInFlight=1'], /maxInFlight \(1\) must be at least brokers/],
  ['unknown property', ['check', 'zk-controller', '--property', 'nope'], /unknown property 'nope' .*valid: single-controller-per-epoch/],
  ['unknown option', ['check', 'zk-controller', '--bogus'], /Unknown option '--bogus'; valid options:/],
  ['bad number', ['check', 'zk-controller', '--max-depth', 'ten'], /--max-depth must be an integer/],
  ['bad strategy', ['check', 'zk-controller', '--strategy', 'dfs'], /--strategy must be one of bfs, simulate/],
  ['unreadable config', ['check', 'zk-controller', '--config', join(dir, 'missing.json')], /cannot read config file/],
  ['invalid config JSON', ['check', 'zk-controller', '--config', badJson], /is not valid JSON/],
  ['unknown config key', ['check', 'zk-controller', '--config', badKey], /unknown key 'parms'; valid keys: preset, params/],
  ['unreadable trace', ['replay', join(dir, 'missing.itf.json')], /cannot read trace file/],
  ['malformed trace', ['replay', badJson], /is not valid JSON/],
  ['suite jobs zero', ['suite', '--jobs', '0'], /--jobs must be an integer ≥ 1, got '0'/],
  ['unknown command', ['frobnicate'], /unknown command 'frobnicate'; valid commands: list, check/],
  ['bad assign placer', ['assign', '--brokers', '0,1,2', '--partitions', '3', '--replication-factor', '2', '--placer', 'zz'], /unknown placer 'zz'/],
  ['assign rf too large', ['assign', '--brokers', '0,1,2', '--partitions', '3', '--replication-factor', '5'], /InvalidReplicationFactorException: Replication factor: 5 larger than available brokers: 3\./],
  ['assign half racks', ['assign', '--brokers', '0:a,1,2', '--partitions', '3', '--replication-factor', '2'], /AdminOperationException: Not all brokers have rack information/],
  ['unreadable vectors', ['conformance', join(dir, 'missing.json')], /cannot read vector file/],
];

describe('bad input', () => {
  it.each(cases)('%s → exit 2 with one line', async (_name, argv, message) => {
    const before = readdirSync(dir).length;
    const run = await runCli(...argv);
    expectRefusal(run, message);
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).length).toBe(before);
  });
});
