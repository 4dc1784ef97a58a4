// `kcheck replay <trace.itf.json>`: rebuild the trace against the model and params named in its #meta, check
// every recorded action and state, and re-check the property. Exit 1 if the violation reproduces, 0 if the trace
// now passes, 2 if the file is malformed or the model diverges from it (naming the step).

import { createModel } from '../check/create-model.ts';
import { presetNamed, resolveParams } from '../check/resolve-params.ts';
import type { TraceValue } from '../contract/model.ts';
import { KcheckError } from '../errors.ts';
import { replayOrThrow } from '../explore/trace.ts';
import { lassoProblem } from '../explore/liveness/lasso-check.ts';
import { fromItfValue, parseItf, toItfValue } from '../report/itf.ts';
import { describeAction, itfStateOf } from '../report/violation-artifact.ts';
import type { CliIo, Command } from './command.ts';
import { enumOption, parseOptions } from './parse-options.ts';
import { readJsonInput } from './read-input.ts';
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
      const json = readJsonInput(file, { code: 'KC_BAD_TRACE', what: 'trace file', fix: 'pass a .itf.json written by kcheck check' });
      const { meta, steps, loop } = parseItf(JSON.stringify(json), file);
      const definition = modelNamed(registry, meta.model);
      // A trace carries every param it ran with: a missing one would silently replay with a default.
      const missing = definition.params.filter((p) => !(p.name in (meta.params as object)));
      if (missing.length > 0) throw new KcheckError('KC_BAD_TRACE', `${file}: #meta.params lacks ${missing.map((p) => p.name).join(', ')} (kcheck records every param)`);
      const params = resolveParams(definition, { values: meta.params });
      // The preset label is shown with the verdict, so it must name a preset, and any param that differs is shown too.
      const overrides = presetOverrides(definition, meta.preset, params, file);
      const model = createModel(definition, params);
      const initCount = model.init().length;
      const initIndex = meta.initIndex ?? 0;
      if (typeof initIndex !== 'number' || !Number.isInteger(initIndex) || initIndex < 0 || initIndex >= initCount) {
        throw new KcheckError('KC_BAD_TRACE', `${file}: #meta.initIndex must be an integer from 0 to ${initCount - 1}, got ${JSON.stringify(initIndex)}`);
      }
      const property = definition.properties(params).find((p) => p.name === meta.property);
      if (!property || property.kind === 'sometimes') throw new KcheckError('KC_BAD_TRACE', `${file}: model ${meta.model} has no property ${meta.property}`);
      const path = steps.slice(1).map((s) => s.meta.actionIndex as number);
      const trace = replayOrThrow(model, { initIndex, path });
      for (let i = 0; i < steps.length; i++) {
        if (i > 0 && steps[i].meta.action !== undefined) {
          const replayed = fromItfValue(toItfValue(trace.actions[i - 1] as unknown as TraceValue), 'action');
          if (canonical(replayed) !== canonical(steps[i].meta.action as TraceValue)) {
            const replayedText = describeAction(model, trace.actions[i - 1]);
            const recordedText = steps[i].meta.actionText;
            // An edited action under its original text would print the same words twice: show the recorded value.
            const recorded = typeof recordedText === 'string' && recordedText !== replayedText ? recordedText : JSON.stringify(steps[i].meta.action).slice(0, 200);
            throw new KcheckError('KC_BAD_TRACE', `${file}: the model diverges at step ${i}: recorded ${recorded}, replayed ${replayedText}`);
          }
        }
        const now = fromItfValue(toItfValue(itfStateOf(model, trace.states[i]) as TraceValue), 'state');
        if (canonical(now) !== canonical(steps[i].vars)) {
          throw new KcheckError('KC_BAD_TRACE', `${file}: the model diverges at step ${i}: the replayed state differs from the recorded one`);
        }
      }
      if (property.kind === 'liveness') {
        // A lasso reproduces when its loop closes, the goal never holds from the trigger on, and the loop is fair.
        if (loop === undefined) throw new KcheckError('KC_BAD_TRACE', `${file}: ${meta.property} is a liveness property but the trace has no "loop"`);
        const problem = lassoProblem(model, property, trace, { trigger: typeof meta.trigger === 'number' ? meta.trigger : 0, loop });
        if (format === 'json') {
          io.out(`${JSON.stringify({ file, model: meta.model, preset: meta.preset, property: meta.property, steps: steps.length - 1, loop, outcome: problem === null ? 'violation' : 'ok', problem })}\n`);
        } else {
          io.out(
            problem === null
              ? `replay ${file}: ${meta.model}${meta.preset ? ` (${meta.preset})` : ''} — ${meta.property} VIOLATED: the loop from state ${loop} closes, is fair and never reaches the goal: the counterexample reproduces\n`
              : `replay ${file}: ${meta.model} — ${meta.property}: the lasso no longer reproduces (${problem})\n`,
          );
        }
        return problem === null ? 1 : 0;
      }
      let violatedAt = -1;
      for (let i = 0; i < trace.states.length && violatedAt < 0; i++) {
        if (property.kind === 'always' && !property.check(trace.states[i])) violatedAt = i;
        if (property.kind === 'action' && i > 0 && !property.check(trace.states[i - 1], trace.actions[i - 1], trace.states[i])) violatedAt = i;
      }
      const reproduced = violatedAt >= 0;
      if (format === 'json') {
        io.out(`${JSON.stringify({ file, model: meta.model, preset: meta.preset, overrides, property: meta.property, steps: steps.length - 1, outcome: reproduced ? 'violation' : 'ok', violatedAtStep: reproduced ? violatedAt : null })}\n`);
      } else {
        io.out(
          reproduced
            ? `replay ${file}: ${meta.model}${meta.preset ? ` (${meta.preset}${describeOverrides(overrides)})` : ''} — ${meta.property} VIOLATED at step ${violatedAt} of ${steps.length - 1}: the counterexample reproduces\n`
            : `replay ${file}: ${meta.model} — ${meta.property} holds on every step of the trace: it no longer reproduces\n`,
        );
      }
      return reproduced ? 1 : 0;
    },
  };
}

/** Params of the trace that differ from its labelled preset (an unknown preset label is a bad trace). */
function presetOverrides(definition: ReturnType<typeof modelNamed>, preset: unknown, params: Record<string, unknown>, file: string): Record<string, unknown> {
  if (preset === undefined || preset === null) return {};
  if (typeof preset !== 'string') throw new KcheckError('KC_BAD_TRACE', `${file}: #meta.preset must be a preset name or null`);
  try {
    presetNamed(definition, preset);
  } catch {
    throw new KcheckError('KC_BAD_TRACE', `${file}: #meta.preset '${preset.slice(0, 80)}' is not a preset of ${definition.name}; valid presets: ${definition.presets.map((p) => p.name).join(', ')}`);
  }
  const expected = resolveParams(definition, { preset });
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(expected)) if (expected[name] !== params[name]) out[name] = params[name];
  return out;
}

function describeOverrides(overrides: Record<string, unknown>): string {
  const entries = Object.entries(overrides);
  return entries.length === 0 ? '' : ` with ${entries.map(([k, v]) => `${k}=${String(v)}`).join(', ')}`;
}
