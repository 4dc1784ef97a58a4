// Swarm shards: `--shard i/n` (or KCHECK_SHARD=i/n, or Kubernetes' 0-based JOB_COMPLETION_INDEX with
// KCHECK_SHARD_COUNT=n) runs shard i of n of a simulation. Each shard takes its share of the walks and its own
// seed stream, and shards vary the depth bound and the action-order strategy so together they cover more.

import { fmix } from '../explore/state-encoder.ts';
import { KcheckError } from '../errors.ts';
import { DEFAULT_SIMULATION_DEPTH, DEFAULT_WALKS, type CheckOptions } from './run-check.ts';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export function parseShard(text: string, source: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count || count > 100_000) {
    throw new KcheckError('KC_BAD_OPTION', `${source} must be i/n with 1 ≤ i ≤ n (e.g. 2/4), got '${text}'`);
  }
  return { index, count };
}

/** The shard from --shard, else KCHECK_SHARD, else JOB_COMPLETION_INDEX + KCHECK_SHARD_COUNT; null if none. */
export function shardFrom(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Shard | null {
  if (flag !== undefined) return parseShard(flag, '--shard');
  if (env.KCHECK_SHARD) return parseShard(env.KCHECK_SHARD, 'KCHECK_SHARD');
  if (env.JOB_COMPLETION_INDEX !== undefined && env.KCHECK_SHARD_COUNT !== undefined) {
    const index = /^\d+$/.test(env.JOB_COMPLETION_INDEX) ? Number(env.JOB_COMPLETION_INDEX) + 1 : NaN;
    return parseShard(`${index}/${env.KCHECK_SHARD_COUNT}`, 'JOB_COMPLETION_INDEX (0-based) with KCHECK_SHARD_COUNT');
  }
  return null;
}

/** Depth bound multipliers shards cycle through: the base, twice it, half of it. */
const DEPTH_FACTORS = [1, 2, 0.5];

export interface ShardRun {
  readonly seed: number;
  readonly walks: number;
  readonly maxDepth: number;
  readonly walkOrder: 'uniform' | 'sticky';
}

/** What shard `shard` of a run with these options does; `walks` is the total over all shards. */
export function shardRun(shard: Shard, options: CheckOptions): ShardRun {
  const total = options.walks ?? DEFAULT_WALKS;
  const base = options.maxDepth ?? DEFAULT_SIMULATION_DEPTH;
  const i = shard.index - 1;
  return {
    seed: fmix(((options.seed ?? 0) ^ Math.imul(shard.index, 0x9e3779b9)) >>> 0) & 0x7fffffff,
    walks: Math.floor(total / shard.count) + (i < total % shard.count ? 1 : 0),
    maxDepth: Math.max(1, Math.round(base * DEPTH_FACTORS[i % DEPTH_FACTORS.length])),
    walkOrder: i % 2 === 0 ? 'uniform' : 'sticky',
  };
}
