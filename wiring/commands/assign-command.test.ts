// `kcheck assign` end to end through assignCommand.run with a capturing io: the text table, balance and
// property lines, the JSON object, seeded reproducibility, every placer, and one-line KC_BAD_INPUT errors that
// carry Kafka's exception name and message plus the fix.

import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command.ts';
import { isKcheckError } from '../../src/errors.ts';
import { javaRandom, stripedReplicaPlacerPlace } from '../../model/rules/assignment/index.ts';
import { assignCommand } from './assign-command.ts';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => { out += t; }, err: (t) => { err += t; }, isTty: false };
  const code = await assignCommand.run(args, io);
  return { code, out, err };
}

async function failure(...args: string[]): Promise<{ code: string; message: string }> {
  try {
    await run(...args);
  } catch (error) {
    if (isKcheckError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`expected kcheck assign ${args.join(' ')} to fail`);
}

describe('kcheck assign — output', () => {
  it("text: the Javadoc's 5 brokers / 10 partitions / rf 3 with --start-index 0, balance and properties", async () => {
    const { code, out } = await run('--brokers', '0,1,2,3,4', '--partitions', '10', '--replication-factor', '3', '--start-index', '0');
    expect(code).toBe(0);
    expect(out).toContain('placer: admin — AdminUtils.assignReplicasToBrokers');
    expect(out).toContain('seed: 0   start index: 0');
    expect(out).toMatch(/^0 +0, 1, 2 +-, -, -$/m);
    expect(out).toMatch(/^5 +0, 2, 3 /m);
    expect(out).toMatch(/^9 +4, 1, 2 /m);
    expect(out).toMatch(/^3 +- +2 +6$/m); // broker 3: no rack, leads 2, holds 6
    expect(out).toContain('leaders differ by 0, replicas differ by 0');
    for (const name of ['distinct-replicas', 'replication-factor', 'leader-balance', 'replica-balance', 'rack-spread']) {
      expect(out).toMatch(new RegExp(`^  holds +${name} `, 'm'));
    }
  });

  it('json: one object with the documented keys; racks honoured by the default admin placer', async () => {
    const { code, out } = await run('--brokers', '0:rackA,1:rackA,2:rackB,3:rackB', '--partitions', '4', '--replication-factor', '2', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['placer', 'seed', 'brokers', 'partitions', 'replicationFactor', 'assignment', 'balance', 'properties']);
    expect(report).toMatchObject({ placer: 'admin', seed: 0, partitions: 4, replicationFactor: 2 });
    expect(report.properties).toEqual({
      'distinct-replicas': true, 'replication-factor': true, 'leader-balance': true, 'replica-balance': true, 'rack-spread': true,
    });
    const assignment = report.assignment as number[][];
    const rack = (id: number) => (id < 2 ? 'rackA' : 'rackB');
    for (const replicas of assignment) expect(new Set(replicas.map(rack)).size).toBe(2);
    expect((report.balance as { leaderSpread: number }).leaderSpread).toBeLessThanOrEqual(1);
  });

  it('the seed is printed and decides a random start; the same seed reproduces the output', async () => {
    const args = ['--brokers', '0,1,2,3,4,5,6', '--partitions', '3', '--replication-factor', '3'];
    const first = await run(...args, '--seed', '41');
    expect(first.out).toContain('seed: 41');
    expect((await run(...args, '--seed', '41')).out).toBe(first.out);
    const outputs = new Set(await Promise.all(['1', '2', '3', '4', '5'].map(async (s) => (await run(...args, '--seed', s, '--format', 'json')).out.replace(/"seed": \d+/, ''))));
    expect(outputs.size).toBeGreaterThan(1);
  });

  it('striped: the placement is KRaft’s StripedReplicaPlacer with java.util.Random(seed); leader drift is reported, not fatal', async () => {
    const { code, out } = await run('--brokers', '0:c,1:a', '--partitions', '4', '--replication-factor', '1', '--placer', 'striped', '--format', 'json');
    const expected = stripedReplicaPlacerPlace({
      brokers: [{ id: 0, rack: 'c', fenced: false }, { id: 1, rack: 'a', fenced: false }], numPartitions: 4, replicationFactor: 1, random: javaRandom(0),
    });
    const report = JSON.parse(out) as { assignment: number[][]; properties: Record<string, boolean> };
    expect(expected.ok && report.assignment).toEqual(expected.ok && expected.assignment);
    expect(report.properties['leader-balance']).toBe(false);
    expect(code).toBe(0);
    const text = await run('--brokers', '0:c,1:a', '--partitions', '4', '--replication-factor', '1', '--placer', 'striped');
    expect(text.out).toMatch(/FAILS +leader-balance .* — not guaranteed by striped/);
  });

  it('textbook: rack-blind placement is reported as a failed, unguaranteed rack spread', async () => {
    const { code, out } = await run('--brokers', '0:a,1:a,2:b', '--partitions', '3', '--replication-factor', '2', '--placer', 'textbook');
    expect(code).toBe(0);
    expect(out).toMatch(/^0 +0, 1 +a, a$/m);
    expect(out).toMatch(/FAILS +rack-spread +partition 0 spans 1 of 2 rack\(s\) — not guaranteed by textbook/);
  });
});

describe('kcheck assign — bad input is one KC_BAD_INPUT line with Kafka’s error and the fix', () => {
  const base = ['--brokers', '0,1,2', '--partitions', '3'];
  const cases: [string, string[], RegExp][] = [
    ['RF > brokers', [...base, '--replication-factor', '5'],
      /^InvalidReplicationFactorException: Replication factor: 5 larger than available brokers: 3\. Fix: use --replication-factor 3 or less/],
    ['RF > brokers (striped wording)', [...base, '--replication-factor', '4', '--placer', 'striped'],
      /^InvalidReplicationFactorException: The target replication factor of 4 cannot be reached because only 3 broker\(s\) are registered\./],
    ['half the brokers with racks', ['--brokers', '0:rackA,1:rackA,2:rackB,3', '--partitions', '3', '--replication-factor', '2'],
      /^AdminOperationException: Not all brokers have rack information for replica rack aware assignment\. Fix: give every broker a rack/],
    ['no partitions', ['--brokers', '0,1,2', '--partitions', '0', '--replication-factor', '1'],
      /^InvalidPartitionsException: Number of partitions must be larger than 0\. Fix: use --partitions 1 or more/],
    ['unknown placer', [...base, '--replication-factor', '2', '--placer', 'random'], /^unknown placer 'random'; valid placers: admin, striped, textbook$/],
    ['malformed --brokers', ['--brokers', '0:rackA,x', '--partitions', '3', '--replication-factor', '1'], /^malformed --brokers entry 'x'; write id or id:rack/],
    ['duplicate broker', ['--brokers', '1,1', '--partitions', '3', '--replication-factor', '1'], /^broker 1 appears twice in --brokers/],
    ['missing required flag', ['--brokers', '0,1,2', '--partitions', '3'], /^missing --replication-factor; e\.g\. --replication-factor 3/],
    ['non-integer', [...base, '--replication-factor', 'three'], /^--replication-factor must be an integer, got 'three'$/],
    ['start index with another placer', [...base, '--replication-factor', '1', '--placer', 'textbook', '--start-index', '2'], /^--start-index applies only to --placer admin/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const error = await failure(...args);
      expect(error.code).toBe('KC_BAD_INPUT');
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    });
  }

  it('an unknown option is a usage error, as for every kcheck command', async () => {
    expect((await failure(...base, '--replication-factor', '1', '--rack-aware')).code).toBe('KC_USAGE');
  });
});
