// `kcheck replay <trace.itf.json>`: rebuild the trace against the model and params named in its #meta, check
// every recorded action and state, and re-check the property. Exit 1 if the violation reproduces, 0 if the trace
// now passes, 2 if the file is malformed or the model diverges from it (naming the step).

import { readFileSync } from 'node:fs';
import { resolveParams } from '../check/resolve-params.ts';
import type { TraceValue } from '../contract/model.ts';
import { KcheckError } from '../errors.ts';
import { replayOrThrow } from '../explore/trace.ts';
import { fromItfValue, parseItf, toItfValue } from '../report/itf.ts';
import { describeAction, itfStateOf } from '../report/violation-artifact.ts';
import type { CliIo, Command } from './command.ts';
import { enumOption, parseOptions } from './parse-options.ts';
import { modelNamed, type Registry } from './registry.ts';

const USAGE = 'kcheck replay <trace.itf.json> [--format text|json]';

/** Canonical text of a value (sorted keys), so recorded and replayed values compare structurally. */
function canonical(value: TraceValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, TraceValue>;
  return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
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
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new KcheckError('KC_BAD_TRACE', `cannot read trace file ${file}; pass a .itf.json written by kcheck check`);
      }
      const { meta, steps } = parseItf(text, file);
      const definition = modelNamed(registry, meta.model);
      const params = resolveParams(definition, { values: meta.params });
      const model = definition.create(params);
      const property = definition.properties(params).find((p) => p.name === meta.property);
      if (!property || property.kind === 'sometimes') throw new KcheckError('KC_BAD_TRACE', `${file}: model ${meta.model} has no property ${meta.property}`);
      const path = steps.slice(1).map((s) => s.meta.actionIndex as number);
      const trace = replayOrThrow(model, { initIndex: typeof meta.initIndex === 'number' ? meta.initIndex : 0, path });
      for (let i = 0; i < steps.length; i++) {
        if (i > 0 && steps[i].meta.action !== undefined) {
          const replayed = fromItfValue(toItfValue(trace.actions[i - 1] as unknown as TraceValue), 'action');
          if (canonical(replayed) !== canonical(steps[i].meta.action as TraceValue)) {
            throw new KcheckError('KC_BAD_TRACE', `${file}: the model diverges at step ${i}: recorded ${steps[i].meta.actionText ?? 'action'}, replayed ${describeAction(model, trace.actions[i - 1])}`);
          }
        }
        const now = fromItfValue(toItfValue(itfStateOf(model, trace.states[i]) as TraceValue), 'state');
        if (canonical(now) !== canonical(steps[i].vars)) {
          throw new KcheckError('KC_BAD_TRACE', `${file}: the model diverges at step ${i}: the replayed state differs from the recorded one`);
        }
      }
      let violatedAt = -1;
      for (let i = 0; i < trace.states.length && violatedAt < 0; i++) {
        if (property.kind === 'always' && !property.check(trace.states[i])) violatedAt = i;
        if (property.kind === 'action' && i > 0 && !property.check(trace.states[i - 1], trace.actions[i - 1], trace.states[i])) violatedAt = i;
      }
      const reproduced = violatedAt >= 0;
      if (format === 'json') {
        io.out(`${JSON.stringify({ file, model: meta.model, preset: meta.preset, property: meta.property, steps: steps.length - 1, outcome: reproduced ? 'violation' : 'ok', violatedAtStep: reproduced ? violatedAt : null })}\n`);
      } else {
        io.out(
          reproduced
            ? `replay ${file}: ${meta.model}${meta.preset ? ` (${meta.preset})` : ''} — ${meta.property} VIOLATED at step ${violatedAt} of ${steps.length - 1}: the counterexample reproduces\n`
            : `replay ${file}: ${meta.model} — ${meta.property} holds on every step of the trace: it no longer reproduces\n`,
        );
      }
      return reproduced ? 1 : 0;
    },
  };
}
