// `kcheck assign`: places a topic's replicas with Kafka's admin placer (AdminUtils), KRaft's StripedReplicaPlacer
// or the textbook round-robin, then prints the assignment, its balance and which placement properties hold.
// Bad input becomes one KC_BAD_INPUT line carrying Kafka's exception name and message plus the fix. Exit 1 only
// if a property the placer guarantees fails (a model bug); properties it does not promise are reported only.

import { parseOptions } from '../../src/cli/parse-options.ts';
import type { CliIo, Command } from '../../src/cli/command.ts';
import { KcheckError } from '../../src/errors.ts';
import {
  balanceSummary, describeFailure, isPlacerName, PLACER_NAMES, runPlacer,
  type BalanceSummary, type BrokerMetadata, type PlacementFailure, type PlacerName,
} from '../../model/rules/assignment/index.ts';
import { assignmentProperties, type PlacementCase, type PropertyVerdict } from '../../properties/assignment/placer-guarantees.ts';

const USAGE =
  'kcheck assign --brokers 0:rackA,1:rackA,2:rackB,3 --partitions N --replication-factor R ' +
  '[--placer admin|striped|textbook] [--start-index I] [--seed S] [--format text|json]';

const PLACER_TITLES: Record<PlacerName, string> = {
  admin: 'AdminUtils.assignReplicasToBrokers (ZK-era admin placer)',
  striped: 'StripedReplicaPlacer (KRaft controller, all brokers unfenced)',
  textbook: 'textbook round-robin (not Kafka: partition i on brokers i, i+1, …)',
};

// Limits keep Kafka's Java int arithmetic (start index + partition id, shift × racks) far from overflow.
const LIMITS = { brokers: 1000, partitions: 100_000, startIndex: 100_000 } as const;

const bad = (message: string): KcheckError => new KcheckError('KC_BAD_INPUT', message);

function integer(raw: string | boolean | string[] | undefined, flag: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw bad(`--${flag} must be an integer, got '${text}'`);
  const value = Number(text);
  if (value < min || value > max) throw bad(`--${flag} must be from ${min} to ${max}, got ${value}`);
  return value;
}

function required<T>(value: T | undefined, flag: string, example: string): T {
  if (value === undefined) throw bad(`missing --${flag}; e.g. --${flag} ${example}; usage: ${USAGE}`);
  return value;
}

/** "0:rackA,1:rackA,2:rackB,3" → brokers sorted by id (Kafka's callers sort them); a bare id has no rack. */
export function parseBrokers(text: string): BrokerMetadata[] {
  const brokers = text.split(',').map((entry) => {
    const match = /^\s*(\d+)\s*(?::\s*([^:\s][^:]*?)\s*)?$/.exec(entry);
    if (!match) throw bad(`malformed --brokers entry '${entry}'; write id or id:rack, comma-separated, e.g. 0:rackA,1:rackB,2`);
    return { id: Number(match[1]), rack: match[2] ?? null };
  });
  if (brokers.length > LIMITS.brokers) throw bad(`--brokers lists ${brokers.length} brokers; at most ${LIMITS.brokers}`);
  const dup = brokers.find((b, i) => brokers.findIndex((o) => o.id === b.id) !== i);
  if (dup) throw bad(`broker ${dup.id} appears twice in --brokers; list each broker id once`);
  return brokers.sort((a, b) => a.id - b.id);
}

/** Kafka's exception and message, then what to change. */
function fixFor(result: PlacementFailure, brokers: number): string {
  if (result.error === 'InvalidPartitionsException') return 'use --partitions 1 or more';
  if (result.error === 'AdminOperationException') return 'give every broker a rack (id:rack) or none, or use --placer striped';
  if (result.error === 'InvalidReplicationFactorException') {
    return /larger than available|cannot be reached/.test(result.message)
      ? `use --replication-factor ${brokers} or less, or add brokers`
      : 'use --replication-factor 1 or more';
  }
  return 'report this input: Kafka would not finish placing it';
}

interface AssignOptions {
  readonly placer: PlacerName;
  readonly brokers: BrokerMetadata[];
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly seed: number;
  readonly startIndex: number;
  readonly format: 'text' | 'json';
}

function parse(args: readonly string[]): AssignOptions {
  const { values, positionals } = parseOptions(args, {
    brokers: { type: 'string' }, partitions: { type: 'string' }, 'replication-factor': { type: 'string' },
    placer: { type: 'string' }, 'start-index': { type: 'string' }, seed: { type: 'string' }, format: { type: 'string' },
  }, USAGE);
  if (positionals.length > 0) throw bad(`unexpected argument '${positionals[0]}'; usage: ${USAGE}`);
  const placer = String(values.placer ?? 'admin');
  if (!isPlacerName(placer)) throw bad(`unknown placer '${placer}'; valid placers: ${PLACER_NAMES.join(', ')}`);
  const format = String(values.format ?? 'text');
  if (format !== 'text' && format !== 'json') throw bad(`unknown format '${format}'; valid formats: text, json`);
  const startIndex = integer(values['start-index'], 'start-index', -1, LIMITS.startIndex);
  if (startIndex !== undefined && placer !== 'admin') throw bad(`--start-index applies only to --placer admin (AdminUtils' fixedStartIndex)`);
  return {
    placer,
    format,
    brokers: parseBrokers(required(values.brokers === undefined ? undefined : String(values.brokers), 'brokers', '0:rackA,1:rackB,2')),
    partitions: required(integer(values.partitions, 'partitions', -LIMITS.partitions, LIMITS.partitions), 'partitions', '6'),
    replicationFactor: required(integer(values['replication-factor'], 'replication-factor', -LIMITS.brokers, LIMITS.brokers), 'replication-factor', '3'),
    seed: integer(values.seed, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) ?? 0,
    startIndex: startIndex ?? -1,
  };
}

const pad = (text: string | number, width: number): string => String(text).padEnd(width);

function textReport(
  options: AssignOptions,
  assignment: readonly (readonly number[])[],
  balance: BalanceSummary,
  verdicts: readonly PropertyVerdict[],
): string {
  const { brokers } = options;
  const rackOf = new Map(brokers.map((b) => [b.id, b.rack])); // lookup only
  const start = options.placer !== 'admin' ? '' : `   start index: ${options.startIndex < 0 ? 'random (-1), drawn from the seed' : options.startIndex}`;
  const lines = [
    `placer: ${options.placer} — ${PLACER_TITLES[options.placer]}`,
    `brokers: ${brokers.map((b) => (b.rack === null ? `${b.id}` : `${b.id}:${b.rack}`)).join(', ')}`,
    `partitions: ${options.partitions}   replication factor: ${options.replicationFactor}   seed: ${options.seed}${start}`,
    '',
    `${pad('partition', 10)}${pad('replicas (leader first)', 26)}racks`,
    ...assignment.map((replicas, p) => {
      const racks = replicas.map((id) => rackOf.get(id) ?? '-').join(', ');
      return `${pad(p, 10)}${pad(replicas.join(', '), 26)}${racks}`;
    }),
    '',
    'balance',
    `${pad('broker', 8)}${pad('rack', 12)}${pad('leaders', 9)}replicas`,
    ...brokers.map((b, i) =>
      `${pad(b.id, 8)}${pad(b.rack ?? '-', 12)}${pad(balance.leadersPerBroker[i]?.count ?? 0, 9)}${balance.replicasPerBroker[i]?.count ?? 0}`),
    `leaders differ by ${balance.leaderSpread}, replicas differ by ${balance.replicaSpread}`,
    `racks per partition: ${balance.racksPerPartition.join(' ')}`,
    '',
    'properties',
    ...verdicts.map((v) => `  ${pad(v.holds ? 'holds' : 'FAILS', 6)} ${pad(v.name, 19)} ${v.detail}${v.guaranteed ? '' : ` — not guaranteed by ${options.placer}`}`),
  ];
  return `${lines.join('\n')}\n`;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const options = parse(args);
  const result = runPlacer(options.placer, {
    brokers: options.brokers,
    partitions: options.partitions,
    replicationFactor: options.replicationFactor,
    seed: options.seed,
    startIndex: options.startIndex,
  });
  if (!result.ok) throw bad(`${describeFailure(result)} Fix: ${fixFor(result, options.brokers.length)}.`);
  const placement: PlacementCase = {
    placer: options.placer, brokers: options.brokers, partitions: options.partitions, replicationFactor: options.replicationFactor,
  };
  const verdicts = assignmentProperties(placement, result.assignment);
  const balance = balanceSummary(options.brokers, result.assignment);
  if (options.format === 'json') {
    io.out(`${JSON.stringify({
      placer: options.placer,
      seed: options.seed,
      brokers: options.brokers,
      partitions: options.partitions,
      replicationFactor: options.replicationFactor,
      assignment: result.assignment,
      balance,
      properties: Object.fromEntries(verdicts.map((v) => [v.name, v.holds])),
    }, null, 2)}\n`);
  } else {
    io.out(textReport(options, result.assignment, balance, verdicts));
  }
  return verdicts.some((v) => v.guaranteed && !v.holds) ? 1 : 0;
}

export const assignCommand: Command = {
  name: 'assign',
  summary: "Place a topic's replicas with Kafka's admin or KRaft striped placer (or the textbook one) and check balance",
  usage: USAGE,
  run,
};
