// The small JSON file each swarm shard writes (`<out>/shard-<i>-of-<n>.json`): which shard, how it was
// diversified, and the shard's `--format json` summary. `kcheck merge` reads these back and checks they match.

import { join } from 'node:path';
import type { CheckResult } from '../check/run-check.ts';
import type { Shard, ShardRun } from '../check/shard-plan.ts';
import type { ModelDefinition } from '../contract/model-definition.ts';
import { KcheckError } from '../errors.ts';
import { checkSummary, type WrittenViolation } from './check-summary.ts';
import { selectedProperties } from '../check/run-check.ts';
import { writeFileAtomic } from './write-atomic.ts';

export const SHARD_RESULT_FORMAT = 'kcheck-shard-result/1';

export interface ShardResult {
  readonly format: typeof SHARD_RESULT_FORMAT;
  readonly shard: Shard;
  /** The run's seed and walk total before sharding: every shard of one run has the same. */
  readonly runSeed: number;
  readonly runWalks: number;
  readonly run: ShardRun;
  /** The safety properties this shard checked (merge's JUnit has one case each). */
  readonly checked: readonly string[];
  readonly summary: ReturnType<typeof checkSummary>;
}

export function shardFileName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}

/** Parses one shard file's text; throws a one-line KC_BAD_INPUT naming the file otherwise. */
export function parseShardResult(text: string, path: string): ShardResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KcheckError('KC_BAD_INPUT', `${path} is not JSON; pass the shard-<i>-of-<n>.json files that kcheck check --shard wrote`);
  }
  const r = value as Partial<ShardResult> | null;
  if (!r || r.format !== SHARD_RESULT_FORMAT || !r.shard || !r.summary || !r.run || !Array.isArray(r.checked) || typeof r.summary.model !== 'string') {
    throw new KcheckError('KC_BAD_INPUT', `${path} is not a kcheck shard result (format ${SHARD_RESULT_FORMAT}); pass the files kcheck check --shard wrote`);
  }
  return r as ShardResult;
}

/** Writes `<out>/shard-<i>-of-<n>.json`; `properties` are the names asked for (none: every property). */
export function writeShardResult(
  out: string,
  definition: ModelDefinition,
  result: CheckResult,
  info: { shard: Shard; runSeed: number; runWalks: number; run: ShardRun; properties: readonly string[] },
  summary: ReturnType<typeof checkSummary>,
): void {
  const checked = selectedProperties(definition.properties(result.params), info.properties)
    .filter((p) => p.kind !== 'sometimes')
    .map((p) => p.name);
  const record: ShardResult = { format: SHARD_RESULT_FORMAT, shard: info.shard, runSeed: info.runSeed, runWalks: info.runWalks, run: info.run, checked, summary };
  writeFileAtomic(join(out, shardFileName(info.shard)), `${JSON.stringify(record, null, 2)}\n`);
}
