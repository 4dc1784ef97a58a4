// Combines the results of one swarm run's shards: they must come from the same model, params, seed and shard
// count; the first counterexample in shard order wins (so the verdict does not depend on which machine finished
// first); walks, steps and coverage are summed; a witness counts as found if any shard found it.

import { KcheckError } from '../errors.ts';
import type { ShardResult } from './shard-result.ts';

export interface MergedViolation {
  readonly shard: number;
  readonly property: string;
  readonly length: number;
  readonly trace: string;
}

export interface MergedShards {
  readonly model: string;
  readonly preset: string | null;
  readonly params: Readonly<Record<string, unknown>>;
  readonly seed: number;
  readonly shards: number;
  /** Shard indices present, ascending. */
  readonly present: readonly number[];
  readonly missing: readonly number[];
  /** `vacuous`: every shard ran clean but some witness was reached by none of them (as `check`, exit 1). */
  readonly outcome: 'ok' | 'violation' | 'incomplete' | 'error' | 'vacuous';
  readonly walks: number;
  /** Sum of each shard's distinct states: a state two shards both reached counts twice. */
  readonly distinctStatesSum: number;
  readonly durationMsMax: number;
  /** Every counterexample, in shard order; the first is the one reported. */
  readonly violations: readonly MergedViolation[];
  readonly witnesses: Readonly<Record<string, boolean>>;
  readonly coverage: Readonly<Record<string, { enabled: number; taken: number; newStates: number }>>;
  readonly errors: readonly string[];
}

export function mergeShards(results: readonly { path: string; result: ShardResult }[]): MergedShards {
  if (results.length === 0) throw new KcheckError('KC_USAGE', 'merge needs at least one shard result file');
  const sorted = [...results].sort((x, y) => x.result.shard.index - y.result.shard.index);
  const first = sorted[0].result;
  const identity = (r: ShardResult) => JSON.stringify([r.summary.model, r.summary.preset, r.summary.params, r.runSeed, r.runWalks, r.shard.count]);
  for (let i = 0; i < sorted.length; i++) {
    const { path, result } = sorted[i];
    if (identity(result) !== identity(first)) {
      throw new KcheckError('KC_BAD_INPUT', `${path} is from a different run than ${sorted[0].path} (model, params, seed, walks and shard count must match)`);
    }
    if (i > 0 && result.shard.index === sorted[i - 1].result.shard.index) {
      throw new KcheckError('KC_BAD_INPUT', `${path} and ${sorted[i - 1].path} are both shard ${result.shard.index}/${result.shard.count}; pass each shard once`);
    }
  }
  const present = sorted.map((s) => s.result.shard.index);
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((i) => !present.includes(i));
  const violations: MergedViolation[] = [];
  const witnesses: Record<string, boolean> = {};
  const coverage: Record<string, { enabled: number; taken: number; newStates: number }> = {};
  const errors: string[] = [];
  let walks = 0;
  let distinct = 0;
  let duration = 0;
  for (const { result } of sorted) {
    const s = result.summary;
    walks += s.simulation?.walks ?? 0;
    distinct += s.distinctStates;
    duration = Math.max(duration, s.durationMs);
    for (const v of s.violations) violations.push({ shard: result.shard.index, property: v.property, length: v.length, trace: v.trace });
    for (const [name, w] of Object.entries(s.witnesses)) witnesses[name] = (witnesses[name] ?? false) || w.found;
    for (const [action, c] of Object.entries(s.coverage)) {
      const sum = (coverage[action] ??= { enabled: 0, taken: 0, newStates: 0 });
      sum.enabled += c.enabled;
      sum.taken += c.taken;
      sum.newStates += c.newStates;
    }
    if (s.error) errors.push(`shard ${result.shard.index}: ${s.error}`);
  }
  // A shard alone may miss a witness another shard reaches: vacuity is judged over the merged witnesses.
  const clean = (o: string): boolean => o === 'ok' || o === 'vacuous';
  const outcome =
    errors.length > 0
      ? 'error'
      : violations.length > 0
        ? 'violation'
        : missing.length > 0 || sorted.some((r) => !clean(r.result.summary.outcome))
          ? 'incomplete'
          : Object.values(witnesses).some((found) => !found)
            ? 'vacuous'
            : 'ok';
  return {
    model: first.summary.model,
    preset: first.summary.preset,
    params: first.summary.params,
    seed: first.runSeed,
    shards: first.shard.count,
    present,
    missing,
    outcome,
    walks,
    distinctStatesSum: distinct,
    durationMsMax: duration,
    violations,
    witnesses,
    coverage,
    errors,
  };
}
