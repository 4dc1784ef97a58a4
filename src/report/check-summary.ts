// The `--format json` object of `kcheck check`: exactly the fields other tools and CI scripts depend on
// (model, preset, params, strategy, seed, outcome, complete, counts, violations with trace paths, witnesses,
// coverage), plus the simulation's walk figures, warnings, the stop reason and any error.

import type { CheckResult } from '../check/run-check.ts';
import type { LassoRef } from '../explore/outcome.ts';

export interface WrittenViolation {
  readonly property: string;
  readonly length: number;
  readonly trace: string;
  readonly report: string;
  readonly html: string;
  /** Liveness: where the lasso's trigger and loop are (state indices). */
  readonly lasso?: LassoRef;
}

export function checkSummary(result: CheckResult, written: readonly WrittenViolation[]) {
  const o = result.outcome;
  return {
    model: result.model,
    preset: result.preset,
    params: result.params,
    strategy: o.strategy,
    seed: o.seed,
    outcome: o.status,
    complete: o.complete,
    stoppedBy: o.stoppedBy,
    distinctStates: o.stats.distinctStates,
    generatedStates: o.stats.generatedStates,
    maxDepth: o.stats.maxDepth,
    durationMs: o.stats.durationMs,
    statesPerSecond: o.stats.statesPerSecond,
    violations: written.map((v) => ({ property: v.property, length: v.length, trace: v.trace, report: v.report, html: v.html, ...(v.lasso ? { lasso: v.lasso } : {}) })),
    witnesses: Object.fromEntries(o.witnesses.map((w) => [w.name, { found: w.found, depth: w.depth }])),
    coverage: Object.fromEntries(o.coverage.map((c) => [c.action, { enabled: c.enabled, taken: c.taken, newStates: c.newStates }])),
    ...(o.simulation ? { simulation: o.simulation } : {}),
    ...(o.graph ? { graph: o.graph } : {}),
    warnings: o.warnings,
    error: o.error ? o.error.message : null,
  };
}
