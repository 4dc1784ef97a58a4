// What a `check` run decided, property by property: `passed` only when the search completed (or reached its
// declared bound, which the verdict names) without violating it; `failed` for a violation or an unreached witness
// (vacuous); `skipped` with the reason when nothing was decided (another property's violation stopped the
// search, a budget was hit, it was not selected); `error` when the model failed. JUnit and the index read this.

import { selectedProperties, type CheckResult, type ViolationReport } from '../check/run-check.ts';
import type { Property } from '../contract/property.ts';
import { checkedDepth } from './checked-depth.ts';

export type VerdictStatus = 'passed' | 'failed' | 'skipped' | 'error';

export interface PropertyVerdict {
  readonly property: string;
  readonly kind: Property<unknown, never>['kind'];
  readonly status: VerdictStatus;
  /** The bound a pass holds within ("within 18 actions", "1000 walks of ≤ 50 steps"), or null when exhaustive. */
  readonly bound: string | null;
  /** One line: why this verdict. */
  readonly reason: string;
  readonly violation: ViolationReport | null;
}

export interface VerdictOptions {
  /** The `--property` / config selection (empty: all). */
  readonly selected: readonly string[];
  /** `--allow-vacuous`: an unreached witness is reported as skipped, not failed. */
  readonly allowVacuous?: boolean;
}

export function propertyVerdicts(all: readonly Property<any, any>[], result: CheckResult, options: VerdictOptions): PropertyVerdict[] {
  const o = result.outcome;
  const chosen = new Set(selectedProperties(all, options.selected));
  const within = checkedDepth(o);
  const firstViolated = result.violations[0]?.record.property;
  const bound =
    o.strategy === 'simulate'
      ? `${o.simulation?.walks ?? 0} random walks of ≤ ${o.stats.maxDepth} steps, not exhaustive`
      : o.complete
        ? null
        : `within ${within} actions`;
  const undecided = (): string => {
    const clean = within === null ? '' : `; no violation within ${within} actions`;
    if (o.stoppedBy === 'first-violation') return `not decided: the search stopped at the first violation (${firstViolated})${clean}; rerun with --continue`;
    if (o.stoppedBy === 'max-states') return `not decided: --max-states budget hit after ${o.stats.distinctStates} states${clean}`;
    if (o.stoppedBy === 'time-limit') return `not decided: time limit hit after ${(o.stats.durationMs / 1000).toFixed(1)} s${clean}`;
    if (o.stoppedBy === 'interrupt') return `not decided: interrupted after ${o.stats.distinctStates} states${clean}`;
    if (o.stoppedBy === 'memory') return `not decided: --max-memory budget hit after ${o.stats.distinctStates} states${clean}`;
    return 'not decided';
  };
  return all.map((p): PropertyVerdict => {
    const base = { property: p.name, kind: p.kind, bound: null, violation: null };
    // With nothing named, liveness is still checked when the preset lists it: the graph says whether it was.
    if (!chosen.has(p) && !(p.kind === 'liveness' && options.selected.length === 0)) {
      return { ...base, status: 'skipped', reason: 'not selected (--property or the config file\'s "properties")' };
    }
    // Liveness needs the whole state graph and is checked only when named (--property or the preset's liveness list).
    if (p.kind === 'liveness' && !o.graph) return { ...base, status: 'skipped', reason: 'liveness not checked: name it with --property' };
    if (p.kind === 'sometimes') {
      const w = o.witnesses.find((x) => x.name === p.name);
      if (w?.found) return { ...base, status: 'passed', reason: `witness reached at depth ${w.depth}` };
      if (o.status === 'error') return { ...base, status: 'error', reason: `model error: ${o.error?.message}` };
      if (o.status !== 'ok') return { ...base, status: 'skipped', reason: `witness not reached; ${undecided()}` };
      const vacuous = `vacuous: witness ${p.name} never reached${bound ? ` (${bound})` : ''}`;
      return options.allowVacuous
        ? { ...base, status: 'skipped', reason: `${vacuous}; allowed by --allow-vacuous` }
        : { ...base, status: 'failed', reason: vacuous };
    }
    const violation = result.violations.find((v) => v.record.property === p.name) ?? null;
    if (violation?.record.lasso?.bounded !== undefined) {
      return { ...base, status: 'skipped', reason: `bounded: its only lasso stops where ${violation.record.lasso.bounded} refuses a fair action (not a violation)` };
    }
    if (violation) {
      const lasso = violation.record.lasso;
      const kind = lasso ? 'fair lasso' : o.strategy !== 'bfs' ? 'shrunk counterexample' : o.reduction?.applied ? 'counterexample (--por)' : 'shortest counterexample';
      const loop = lasso ? `, looping from state ${lasso.loop}` : '';
      return { ...base, status: 'failed', violation, reason: `violated: ${kind} of ${violation.record.path.length} action(s)${loop}` };
    }
    if (o.status === 'error') return { ...base, status: 'error', reason: `model error: ${o.error?.message}` };
    if (o.complete) return { ...base, status: 'passed', reason: `holds: explored exhaustively (${o.stats.distinctStates} states)` };
    if (o.stoppedBy === 'max-depth') return { ...base, status: 'passed', bound, reason: `holds within the requested --max-depth: no violation within ${within} actions` };
    if (o.strategy === 'simulate' && o.stoppedBy === null) return { ...base, status: 'passed', bound, reason: `no violation in ${bound}` };
    return { ...base, status: 'skipped', reason: undecided() };
  });
}
