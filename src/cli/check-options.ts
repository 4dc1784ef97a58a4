// The options of `kcheck check` with their docs and defaults, the default time limit, and `check --help` — which,
// given a model name (`kcheck check replication --help`), also lists that model's params, presets and properties.

import { describeRange } from '../contract/params.ts';
import type { OptionSpec } from './parse-options.ts';
import { helpText } from './parse-options.ts';
import type { Registry } from './registry.ts';

/** Seconds a `check` runs unless `--time-limit` (or the config's timeLimit) says otherwise; 0 means no limit. */
export const DEFAULT_TIME_LIMIT_SEC = 600;

export const CHECK_USAGE =
  'kcheck check <model> [--preset NAME] [--set key=value]... [--config FILE.json] [--strategy bfs|simulate] ' +
  '[--max-depth N] [--max-states N] [--time-limit SEC] [--walks N] [--seed N] [--property NAME]... [--symmetry] [--por] [--shard I/N] ' +
  '[--continue] [--allow-vacuous] [--workers N] [--max-memory MIB] [--out DIR] [--format text|json] [--junit FILE] [--quiet] [--verify-encode]';

export const CHECK_OPTIONS = {
  preset: { type: 'string', arg: 'NAME', doc: 'start from a named preset (see kcheck list)', shown: 'none: the model\'s defaults' },
  set: { type: 'string', multiple: true, arg: 'key=value', doc: 'override one param, applied after the preset and config' },
  config: { type: 'string', arg: 'FILE.json', doc: 'read preset, params, strategy, bounds, seed and properties from a JSON file; flags override it' },
  strategy: { type: 'string', arg: 'bfs|simulate', doc: 'exhaustive breadth-first search, or seeded random walks', shown: 'bfs' },
  'max-depth': { type: 'string', arg: 'N', doc: 'BFS: expand no state deeper than N actions (a bounded check, exit 0 when clean); simulate: steps per walk', shown: 'bfs: none; simulate: 50' },
  'max-states': { type: 'string', arg: 'N', doc: 'stop after N distinct states (exit 4: incomplete)', shown: 'none' },
  'time-limit': { type: 'string', arg: 'SEC', doc: 'stop after SEC seconds (exit 4: incomplete); 0 = no limit', shown: `${DEFAULT_TIME_LIMIT_SEC}` },
  walks: { type: 'string', arg: 'N', doc: 'simulate: random walks to run', shown: '1000' },
  seed: { type: 'string', arg: 'N', doc: 'seed of the search (printed with every result)', shown: 'bfs: 0; simulate: random' },
  property: { type: 'string', multiple: true, arg: 'NAME', doc: 'check only these properties and witnesses', shown: 'all' },
  symmetry: { type: 'boolean', doc: 'fingerprint canonical states (symmetry reduction) when the model offers it', shown: 'off' },
  por: { type: 'boolean', doc: 'partial-order reduction (BFS, safety): expand an ample set where the model declares footprints; lengths may then not be shortest, so each counterexample is re-searched over its own actions', shown: 'off' },
  shard: { type: 'string', arg: 'I/N', doc: 'simulate: run shard I of N of a swarm (also KCHECK_SHARD, or JOB_COMPLETION_INDEX with KCHECK_SHARD_COUNT); combine with kcheck merge', shown: 'none' },
  continue: { type: 'boolean', doc: 'keep searching after a violation until every property is decided', shown: 'stop at the first violation' },
  'allow-vacuous': { type: 'boolean', doc: 'a passing run whose witness was never reached exits 0 instead of 1 (vacuous)', shown: 'off' },
  workers: { type: 'string', arg: 'N', doc: 'threads for exhaustive BFS (capped at twice the cores)', shown: '1' },
  'max-memory': { type: 'string', arg: 'MIB', doc: 'stop the search (exit 4: incomplete, stoppedBy memory) before the process holds MIB MiB or V8 nears its heap limit', shown: '75% of the machine\'s memory' },
  out: { type: 'string', arg: 'DIR', doc: 'where traces, reports and index.json/index.md go', shown: 'reports' },
  format: { type: 'string', arg: 'text|json', doc: 'text for people, or one JSON object on stdout', shown: 'text' },
  junit: { type: 'string', arg: 'FILE', doc: 'write a JUnit testsuite for this configuration (added to FILE if it is a kcheck JUnit file)', shown: 'none' },
  'verify-encode': { type: 'boolean', doc: 'before the search, check on sampled reachable states that equal encodings mean equal variables (a model that forgets a field in encode merges states)', shown: 'off' },
  quiet: { type: 'boolean', doc: 'no progress lines on stderr (by default: every second on a terminal, every 10 s otherwise)', shown: 'off' },
} as const satisfies OptionSpec;

const EXAMPLES = [
  'npx kcheck check zk-controller --preset no-epoch-fencing',
  'npx kcheck check replication --set replicas=3 --max-depth 8 --junit reports/junit.xml',
  'npx kcheck check kafka-spec --strategy simulate --walks 5000 --seed 7 --format json',
];

const EXIT_CODES = ['', 'exit codes: 0 ok (or clean within the requested --max-depth), 1 violation or vacuous, 2 bad input, 3 model error, 4 incomplete (a budget or the time limit stopped it)'];

export function checkHelp(registry: Registry, args: readonly string[]): string {
  const definition = registry.models.find((m) => args.includes(m.name));
  const extra = [...EXIT_CODES];
  if (definition) {
    const defaults = Object.fromEntries(definition.params.map((p) => [p.name, p.default]));
    extra.push('', `params of ${definition.name} (--set key=value):`);
    for (const p of definition.params) extra.push(`  ${p.name} = ${p.default}  (${describeRange(p)}) ${p.doc}`);
    extra.push('', `presets of ${definition.name} (--preset NAME):`);
    for (const p of definition.presets) extra.push(`  ${p.name}  ${p.doc}`);
    extra.push('', `properties of ${definition.name} (--property NAME):`);
    for (const p of definition.properties(defaults)) extra.push(`  ${p.name}  (${p.kind}) ${p.doc}`);
  } else {
    extra.push('', `models: ${registry.models.map((m) => m.name).join(', ')} (kcheck check <model> --help lists its params)`);
  }
  return helpText('kcheck check — explore a model and report every violated property', CHECK_USAGE, CHECK_OPTIONS, EXAMPLES, extra);
}
