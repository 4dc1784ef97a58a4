// `kcheck merge <shard results…>`: combines the shard-<i>-of-<n>.json files of one swarm run (kcheck check
// --shard) into one verdict — the first counterexample in shard order, summed walks and coverage, missing
// shards reported as incomplete — printed as text or JSON, with one JUnit file if asked.

import { KcheckError } from '../errors.ts';
import { junitXml } from '../report/junit.ts';
import { mergeShards, type MergedShards } from '../report/merge-shards.ts';
import { parseShardResult, type ShardResult } from '../report/shard-result.ts';
import { writeFileAtomic } from '../report/write-atomic.ts';
import type { CliIo, Command } from './command.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { readInputText } from '../io/read-input.ts';
import { enumOption, parseOptions } from './parse-options.ts';

const USAGE = 'kcheck merge <shard-result.json>... [--format text|json] [--junit FILE]';
const OPTIONS = { format: { type: 'string' }, junit: { type: 'string' } } as const;

const fmt = (n: number): string => n.toLocaleString('en-US');

function read(path: string): { path: string; result: ShardResult } {
  // Bounded like every input file (size, nesting, BOM); parseShardResult checks the shape.
  const text = readInputText(path, { code: 'KC_BAD_INPUT', what: 'shard result', fix: 'pass the shard-<i>-of-<n>.json files kcheck check --shard wrote' });
  return { path, result: parseShardResult(text, path) };
}

function text(m: MergedShards): string {
  const lines = [`kcheck merge: ${m.model}${m.preset ? ` --preset ${m.preset}` : ''}, seed ${m.seed}, ${m.present.length} of ${m.shards} shard(s)`];
  if (m.missing.length > 0) lines.push(`missing shards: ${m.missing.join(', ')} (the verdict covers only the shards present)`);
  const first = m.violations[0];
  if (first) lines.push(`VIOLATED  ${first.property} — found by shard ${first.shard}/${m.shards}, ${first.length} action(s); trace ${first.trace}`);
  for (const v of m.violations.slice(1)) lines.push(`  also: ${v.property} in shard ${v.shard}/${m.shards}, ${v.length} action(s)`);
  for (const e of m.errors) lines.push(`ERROR  ${e}`);
  lines.push(`walks: ${fmt(m.walks)}; distinct states summed over shards: ${fmt(m.distinctStatesSum)} (a state two shards reached counts twice)`);
  const witnesses = Object.entries(m.witnesses);
  if (witnesses.length > 0) lines.push(`witnesses: ${witnesses.map(([name, found]) => (found ? name : `${name} NOT FOUND`)).join(', ')}`);
  lines.push(`coverage (taken/new): ${Object.entries(m.coverage).map(([a, c]) => `${a} ${fmt(c.taken)}/${fmt(c.newStates)}`).join(', ')}`);
  lines.push(`outcome: ${m.outcome}`);
  return `${lines.join('\n')}\n`;
}

export function mergeCommand(): Command {
  return {
    name: 'merge',
    summary: 'combine the shard results of a swarm simulation (kcheck check --shard i/n) into one verdict',
    usage: USAGE,
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, values } = parseOptions(args, OPTIONS, USAGE);
      const format = enumOption(values, 'format', ['text', 'json'] as const, 'text');
      if (positionals.length === 0) throw new KcheckError('KC_USAGE', `merge needs the shard result files; usage: ${USAGE}`);
      const results = positionals.map(read);
      const merged = mergeShards(results);
      if (typeof values.junit === 'string') {
        const checked = [...new Set(results.flatMap((r) => r.result.checked))];
        const classname = `${merged.model}${merged.preset ? `.${merged.preset}` : ''}`;
        const cases = checked.map((name) => {
          const v = merged.violations.find((x) => x.property === name);
          const failure = v ? { message: `${name}: violated in shard ${v.shard}/${merged.shards}, ${v.length} action(s)`, body: `trace ${v.trace}` } : null;
          return { classname, name, timeSec: merged.durationMsMax / 1000, failure };
        });
        writeFileAtomic(values.junit, junitXml([{ name: `kcheck merge ${merged.model}`, cases }]));
      }
      io.out(format === 'json' ? `${JSON.stringify(merged)}\n` : text(merged));
      return merged.outcome === 'vacuous' ? EXIT.violation : exitCodeFor(merged.outcome);
    },
  };
}
