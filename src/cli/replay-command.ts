// `kcheck replay <trace.itf.json>`: rebuild the trace against the model and params named in its #meta, check
// every recorded action and state, and re-check the property. Exit 1 if the violation reproduces, 0 if the trace
// now passes, 2 if the file is malformed or the model diverges from it (naming the step).

import { readTrace, replay } from '../check/replay-trace.ts';
import { KcheckError } from '../errors.ts';
import { EXIT } from './exit-codes.ts';
import type { CliIo, Command } from './command.ts';
import { enumOption, parseOptions } from './parse-options.ts';
import { modelNamed, type Registry } from './registry.ts';

const USAGE = 'kcheck replay <trace.itf.json> [--format text|json]';

function describeOverrides(overrides: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(overrides);
  return entries.length === 0 ? '' : ` with ${entries.map(([k, v]) => `${k}=${String(v)}`).join(', ')}`;
}

export function replayCommand(registry: Registry): Command {
  return {
    name: 'replay',
    summary: 're-run a stored trace against the model and re-check its property',
    usage: USAGE,
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, values } = parseOptions(args, { format: { type: 'string' } }, USAGE);
      if (positionals.length !== 1) throw new KcheckError('KC_USAGE', `replay takes one trace file; usage: ${USAGE}`);
      const format = enumOption(values, 'format', ['text', 'json'] as const, 'text');
      const file = positionals[0];
      const trace = readTrace(file);
      const r = replay(modelNamed(registry, trace.meta.model), file, trace);
      const label = `${r.model}${r.preset ? ` (${r.preset}${describeOverrides(r.overrides)})` : ''}`;
      if (format === 'json') {
        const lasso = r.loop !== undefined ? { loop: r.loop, problem: r.problem, ...(r.bounded ? { bounded: r.bounded } : {}), ...(r.shift ? { shift: r.shift } : {}) } : {};
        const outcome = r.reproduced ? (r.bounded ? 'bounded' : 'violation') : 'ok';
        io.out(`${JSON.stringify({ file, model: r.model, preset: r.preset, overrides: r.overrides, property: r.property, steps: r.steps, ...lasso, outcome, violatedAtStep: r.violatedAtStep })}\n`);
      } else if (r.loop !== undefined) {
        io.out(
          r.reproduced && r.bounded
            ? `replay ${file}: ${label} — ${r.property} BOUNDED: the loop from state ${r.loop} closes and never reaches the goal, but only because ${r.bounded} refuses a fair action — a model bound, not a violation\n`
            : r.reproduced
            ? `replay ${file}: ${label} — ${r.property} VIOLATED: the loop from state ${r.loop} closes${r.shift ? ` up to the liveness quotient (${r.shift})` : ''}, is fair and never reaches the goal: the counterexample reproduces\n`
            : `replay ${file}: ${r.model} — ${r.property}: the lasso no longer reproduces (${r.problem})\n`,
        );
      } else {
        io.out(
          r.reproduced
            ? `replay ${file}: ${label} — ${r.property} VIOLATED at step ${r.violatedAtStep} of ${r.steps}: the counterexample reproduces\n`
            : `replay ${file}: ${r.model} — ${r.property} holds on every step of the trace: it no longer reproduces\n`,
        );
      }
      return r.reproduced ? (r.bounded ? EXIT.incomplete : 1) : 0;
    },
  };
}
