// The human-readable result of `kcheck check`: verdict first, then each counterexample's steps in the protocol's
// words with where its trace and report were written, then statistics, witnesses and action coverage.

import type { CheckResult } from '../check/run-check.ts';
import type { ModelDefinition } from '../contract/model-definition.ts';
import type { WrittenViolation } from './check-summary.ts';
import { replayCommand, stepInfo } from './violation-artifact.ts';

const fmt = (n: number): string => n.toLocaleString('en-US');

export function textSummary(definition: ModelDefinition, result: CheckResult, written: readonly WrittenViolation[]): string {
  const o = result.outcome;
  const model = definition.create(result.params);
  const lines: string[] = [];
  const params = Object.entries(result.params).map(([k, v]) => `${k}=${v}`).join(' ');
  lines.push(`kcheck ${result.model}${result.preset ? ` --preset ${result.preset}` : ''}: ${params}`);
  lines.push(`strategy ${o.strategy}, seed ${o.seed}`);
  lines.push('');
  result.violations.forEach((v, i) => {
    const kind = o.strategy === 'bfs' ? 'shortest counterexample' : 'shrunk counterexample';
    lines.push(`VIOLATED  ${v.record.property} — ${kind}, ${v.record.path.length} action(s)`);
    lines.push(`  ${v.doc}`);
    v.trace.actions.forEach((action, step) => lines.push(`  ${String(step + 1).padStart(3)}. ${stepInfo(model, v.trace.states[step], action, v.trace.states[step + 1]).text}`));
    if (written[i]) {
      lines.push(`  trace:  ${written[i].trace}`);
      lines.push(`  report: ${written[i].report} (and .html)`);
      lines.push(`  replay: ${replayCommand(written[i].trace)}`);
    }
    lines.push('');
  });
  if (o.error) lines.push(`ERROR  ${o.error.message}`, '');
  const stop =
    o.stoppedBy === 'first-violation'
      ? 'stopped at the first violation'
      : o.stoppedBy === 'max-depth'
        ? 'stopped at --max-depth (bounded check)'
        : o.stoppedBy === 'max-states'
          ? 'stopped at --max-states: nothing proven'
          : o.stoppedBy === 'time-limit'
            ? 'stopped at --time-limit: nothing proven'
            : o.strategy === 'bfs'
              ? 'explored exhaustively'
              : 'all walks done';
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
  if (o.witnesses.length > 0) {
    lines.push(`witnesses: ${o.witnesses.map((w) => (w.found ? `${w.name} (depth ${w.depth})` : `${w.name} NOT FOUND`)).join(', ')}`);
  }
  lines.push(`coverage (${o.strategy === 'bfs' ? 'enabled' : 'taken'}/new): ${o.coverage.map((c) => `${c.action} ${fmt(c.enabled)}/${fmt(c.newStates)}`).join(', ')}`);
  for (const warning of o.warnings) lines.push(`warning: ${warning}`);
  lines.push(`outcome: ${o.status}${o.complete ? '' : o.status === 'ok' ? ' (within bounds)' : ''}`);
  return `${lines.join('\n')}\n`;
}
