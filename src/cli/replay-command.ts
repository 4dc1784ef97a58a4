// `kcheck replay <trace.itf.json>`: rebuild the trace against the model and params named in its #meta, check
// every recorded action and state, and re-check the property. Exit 1 if the violation reproduces, 0 if the trace
// now passes, 2 if the file is malformed or the model diverges from it (naming the step).

import { readTrace, replay } from '../check/replay-trace.ts';
import { KcheckError } from '../errors.ts';
import type { CliIo, Command } from './command.ts';
import { enumOption, parseOptions } from './parse-options.ts';
import { modelNamed, type Registry } from './registry.ts';

const USAGE = 'kcheck replay <trace.itf.json> [--format text|json]';

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
      if (format === 'json') {
        io.out(`${JSON.stringify({ file, model: r.model, preset: r.preset, property: r.property, steps: r.steps, outcome: r.reproduced ? 'violation' : 'ok', violatedAtStep: r.violatedAtStep })}\n`);
      } else {
        io.out(
          r.reproduced
            ? `replay ${file}: ${r.model}${r.preset ? ` (${r.preset})` : ''} — ${r.property} VIOLATED at step ${r.violatedAtStep} of ${r.steps}: the counterexample reproduces\n`
            : `replay ${file}: ${r.model} — ${r.property} holds on every step of the trace: it no longer reproduces\n`,
        );
      }
      return r.reproduced ? 1 : 0;
    },
  };
}
