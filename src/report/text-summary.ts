// The human-readable result of `kcheck check`: verdict first, then each counterexample's steps in the protocol's
// words with where its trace and report were written, then statistics (with how deep a stopped search is known
// clean), witnesses (an unreached one makes the run vacuous), coverage, warnings and the outcome.

import type { CheckResult, ViolationReport } from '../check/run-check.ts';
import type { ActionBase, Model } from '../contract/model.ts';
import type { ModelDefinition } from '../contract/model-definition.ts';
import type { WrittenViolation } from './check-summary.ts';
import { stopReason } from './checked-depth.ts';
import { replayCommand, stepInfo } from './violation-artifact.ts';

export interface SummaryExtras {
  /** Witnesses never reached by a run that otherwise passed (the run is vacuous unless allowed). */
  readonly vacuous?: readonly string[];
  readonly allowVacuous?: boolean;
  /** The time limit was the default one, not asked for: say how to lift it. */
  readonly defaultTimeLimitSec?: number | null;
  /** The time limit in force (null: none). */
  readonly timeLimitSec?: number | null;
  /** Warnings about the params (e.g. a value Kafka clamps). */
  readonly notes?: readonly string[];
}

/** A counterexample as readable lines: the property's doc, each step in the protocol's words, the files, the replay. */
export function counterexampleLines(model: Model<unknown, ActionBase>, v: ViolationReport, written: WrittenViolation | undefined, indent = '  '): string[] {
  const lines = [`${indent}${v.doc}`];
  const lasso = v.record.lasso;
  const n = v.record.path.length;
  v.trace.actions.forEach((action, step) => {
    if (lasso && step === lasso.loop) lines.push(`${indent}── loop: from state ${lasso.loop} ──`);
    lines.push(`${indent}${String(step + 1).padStart(3)}. ${stepInfo(model, v.trace.states[step], action, v.trace.states[step + 1]).text}`);
  });
  if (lasso) lines.push(loopLine(lasso.loop, n, v.record.lasso?.bounded, indent, lasso.shift));
  if (written) {
    lines.push(`${indent}trace:  ${written.trace}`);
    lines.push(`${indent}report: ${written.report} (and .html)`);
    lines.push(`${indent}replay: ${replayCommand(written.trace)}`);
  }
  return lines;
}

/** How a lasso closes: a real cycle, stuttering where nothing fair is enabled, or stopping at a model bound. */
export function loopLine(loop: number, n: number, bounded: string | undefined, indent = '  ', shift?: string): string {
  if (bounded !== undefined) {
    return `${indent}↺ ${loop === n ? `stutters at state ${n}` : `loops from state ${loop}`} only because ${bounded} refuses a fair action — a model bound, not a liveness violation`;
  }
  if (loop === n) return `${indent}↺ stutters at state ${n} forever: no fair action is enabled there`;
  if (shift !== undefined) return `${indent}↺ back to state ${loop} up to a shift (${shift}): a cycle of ${n - loop} step(s), repeated forever`;
  return `${indent}↺ back to state ${loop}: a cycle of ${n - loop} step(s), repeated forever`;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

export function textSummary(definition: ModelDefinition, result: CheckResult, written: readonly WrittenViolation[], extras: SummaryExtras = {}): string {
  const o = result.outcome;
  const model = definition.create(result.params);
  const lines: string[] = [];
  const params = Object.entries(result.params).map(([k, v]) => `${k}=${v}`).join(' ');
  lines.push(`kcheck ${result.model}${result.preset ? ` --preset ${result.preset}` : ''}: ${params}`);
  lines.push(`strategy ${o.strategy}, seed ${o.seed}`);
  lines.push('');
  result.violations.forEach((v, i) => {
    const kind = o.strategy !== 'bfs' ? 'shrunk counterexample' : o.reduction?.applied ? 'counterexample (--por: shortest over its own actions)' : 'shortest counterexample';
    const lasso = v.record.lasso;
    const n = v.record.path.length;
    lines.push(
      lasso?.bounded !== undefined
        ? `BOUNDED   ${v.record.property} — undecided: a lasso of ${lasso.loop} action(s) of prefix, then a loop of ${n - lasso.loop}, exists only where ${lasso.bounded} stops the model`
        : lasso
        ? `VIOLATED  ${v.record.property} — fair lasso: ${lasso.loop} action(s) of prefix, then a loop of ${n - lasso.loop} repeated forever`
        : `VIOLATED  ${v.record.property} — ${kind}, ${n} action(s)`,
    );
    lines.push(...counterexampleLines(model, v, written[i]), '');
  });
  if (o.error) lines.push(`ERROR  ${o.error.message}`, '');
  const defaultLimit = o.stoppedBy === 'time-limit' && extras.defaultTimeLimitSec ? extras.defaultTimeLimitSec : null;
  const stop = stopReason(o, defaultLimit !== null);
  lines.push(
    `states: ${fmt(o.stats.distinctStates)} distinct, ${fmt(o.stats.generatedStates)} generated, depth ${o.stats.maxDepth}, ` +
      `${(o.stats.durationMs / 1000).toFixed(2)} s (${fmt(o.stats.statesPerSecond)} states/s); ${stop}`,
  );
  if (o.simulation) {
    const sim = o.simulation;
    lines.push(
      sim.foundInWalk === null
        ? `walks: ${fmt(sim.walks)}, none broke a property`
        : `walks: walk ${fmt(sim.foundInWalk)} broke ${result.violations[0]?.record.property ?? 'a property'} after ${sim.foundLength} steps; ` +
            `shrunk to ${result.violations[0]?.record.path.length ?? '?'} in ${fmt(sim.shrinkAttempts)} tries`,
    );
  }
  if (o.reduction) {
    const r = o.reduction;
    lines.push(
      r.applied
        ? `por: ${fmt(r.reducedExpansions)} reduced, ${fmt(r.fullExpansions)} full expansions (${fmt(r.provisoExpansions)} by the cycle proviso); ` +
            'trace and witness lengths may not be shortest (each counterexample was re-searched over its own actions)'
        : `por: not applied (${r.reason}); explored unreduced`,
    );
  }
  if (o.witnesses.length > 0) {
    lines.push(`witnesses: ${o.witnesses.map((w) => (w.found ? `${w.name} (depth ${w.depth})` : `${w.name} NOT FOUND`)).join(', ')}`);
  }
  if (o.graph) lines.push(`graph: ${fmt(o.graph.edges)} edges at ${o.graph.bytesPerEdge} bytes per edge, ${(o.graph.graphBytes / 2 ** 20).toFixed(1)} MiB with offsets and the indexed visited table`);
  lines.push(`coverage (${o.strategy === 'bfs' ? 'enabled' : 'taken'}/new): ${o.coverage.map((c) => `${c.action} ${fmt(c.enabled)}/${fmt(c.newStates)}`).join(', ')}`);
  const unchecked = o.graph ? [] : definition.properties(result.params).filter((p) => p.kind === 'liveness').map((p) => p.name);
  if (unchecked.length > 0) lines.push(`liveness not checked (name it with --property): ${unchecked.join(', ')}`);
  for (const warning of [...(extras.notes ?? []), ...o.warnings]) lines.push(`warning: ${warning}`);
  if (defaultLimit !== null) {
    lines.push(`the default time limit of ${defaultLimit} s stopped this run; lift it with --time-limit SEC (or --time-limit 0 for none)`);
  }
  const vacuous = extras.vacuous ?? [];
  for (const name of vacuous) lines.push(`vacuous: witness ${name} never reached${extras.allowVacuous ? ' (allowed by --allow-vacuous)' : ''}`);
  const verdict = vacuous.length > 0 && !extras.allowVacuous ? 'vacuous' : o.status;
  lines.push(`outcome: ${verdict}${o.complete || verdict !== 'ok' ? '' : ' (within bounds)'}`);
  return `${lines.join('\n')}\n`;
}
