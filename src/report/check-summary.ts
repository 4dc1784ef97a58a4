// The `--format json` object of `kcheck check`: exactly the fields other tools and CI scripts depend on
// (model, preset, params, strategy, seed, outcome, complete, counts, violations with trace paths, witnesses,
// coverage), plus the simulation's walk figures, warnings, the stop reason and any error. `outcome` is "vacuous"
// when the run passed but a witness was never reached; `checkedDepth` says how deep a stopped BFS is known clean.

import type { CheckResult } from '../check/run-check.ts';
import type { LassoRef } from '../explore/outcome.ts';
import { checkedDepth, stopReason } from './checked-depth.ts';
import type { PropertyVerdict } from './property-verdicts.ts';
import type { SummaryExtras } from './text-summary.ts';

export interface JsonExtras extends SummaryExtras {
  readonly configuration: string;
  readonly verdicts: readonly PropertyVerdict[];
}

export interface WrittenViolation {
  readonly property: string;
  readonly length: number;
  readonly trace: string;
  readonly report: string;
  readonly html: string;
  /** Liveness: where the lasso's trigger and loop are (state indices). */
  readonly lasso?: LassoRef;
}

export function checkSummary(result: CheckResult, written: readonly WrittenViolation[], extras: JsonExtras) {
  const o = result.outcome;
  const vacuous = extras.vacuous ?? [];
  return {
    model: result.model,
    preset: result.preset,
    configuration: extras.configuration,
    params: result.params,
    strategy: o.strategy,
    seed: o.seed,
    outcome: vacuous.length > 0 && !extras.allowVacuous ? 'vacuous' : o.status,
    complete: o.complete,
    stoppedBy: o.stoppedBy,
    stopReason: stopReason(o, o.stoppedBy === 'time-limit' && !!extras.defaultTimeLimitSec),
    checkedDepth: checkedDepth(o),
    timeLimitSec: extras.timeLimitSec ?? null,
    distinctStates: o.stats.distinctStates,
    generatedStates: o.stats.generatedStates,
    maxDepth: o.stats.maxDepth,
    durationMs: o.stats.durationMs,
    statesPerSecond: o.stats.statesPerSecond,
    violations: written.map((v) => ({ property: v.property, length: v.length, trace: v.trace, report: v.report, html: v.html, ...(v.lasso ? { lasso: v.lasso } : {}) })),
    witnesses: Object.fromEntries(o.witnesses.map((w) => [w.name, { found: w.found, depth: w.depth }])),
    vacuous,
    properties: Object.fromEntries(extras.verdicts.map((v) => [v.property, { kind: v.kind, status: v.status, bound: v.bound, reason: v.reason }])),
    coverage: Object.fromEntries(o.coverage.map((c) => [c.action, { enabled: c.enabled, taken: c.taken, newStates: c.newStates }])),
    ...(o.simulation ? { simulation: o.simulation } : {}),
    ...(o.reduction ? { reduction: { ...o.reduction, shortestNotGuaranteed: o.reduction.applied } } : {}),
    ...(o.graph ? { graph: o.graph } : {}),
    warnings: [...(extras.notes ?? []), ...o.warnings],
    error: o.error ? o.error.message : null,
  };
}
