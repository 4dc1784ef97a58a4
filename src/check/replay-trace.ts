// replay: re-runs a stored .itf.json trace against its model and params (from the trace's #meta), checks every
// recorded action and state, and re-checks the property (for a liveness lasso: the loop closes, is fair and never
// reaches the goal). A trace that no longer matches the model is a KC_BAD_TRACE error naming the step.

import type { TraceValue } from '../contract/model.ts';
import type { ModelDefinition } from '../contract/model-definition.ts';
import { KcheckError } from '../errors.ts';
import { lassoBound, lassoProblem, loopShift } from '../explore/liveness/lasso-check.ts';
import { livenessModel } from '../explore/liveness/liveness-model.ts';
import { replayOrThrow } from '../explore/trace.ts';
import { readJsonInput } from '../io/read-input.ts';
import { fromItfValue, parseItf, toItfValue } from '../report/itf.ts';
import { describeAction, itfStateOf } from '../report/violation-artifact.ts';
import { createModel } from './create-model.ts';
import { presetNamed, resolveParams } from './resolve-params.ts';

export interface ReplayResult {
  readonly file: string;
  readonly model: string;
  readonly preset: string | null;
  /** Params of the trace that differ from its labelled preset. */
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly property: string;
  /** Actions in the trace. */
  readonly steps: number;
  /** The violation still happens on the replayed trace. */
  readonly reproduced: boolean;
  /** First step at which a safety property fails, or null (and for lassos). */
  readonly violatedAtStep: number | null;
  /** Liveness: the state the lasso's loop returns to, and why it no longer reproduces (null when it does). */
  readonly loop?: number;
  readonly problem?: string | null;
  /** Liveness: the model bound the loop stops at (a bounded lasso, not a violation), or null. */
  readonly bounded?: string | null;
  /** Liveness: how the loop's last state differs from its loop state when it closes only up to the quotient. */
  readonly shift?: string | null;
}

/** Canonical text of a value (sorted keys), so recorded and replayed values compare structurally. */
function canonical(value: TraceValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, TraceValue>;
  return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}

/** Reads and parses a trace file, bounded like every input (KC_BAD_TRACE when unreadable or not kcheck's ITF). */
export function readTrace(file: string): ReturnType<typeof parseItf> {
  const json = readJsonInput(file, { code: 'KC_BAD_TRACE', what: 'trace file', fix: 'pass a .itf.json written by kcheck check' });
  return parseItf(JSON.stringify(json), file);
}

/** Params of the trace that differ from its labelled preset (an unknown preset label is a bad trace). */
function presetOverrides(definition: ModelDefinition, preset: unknown, params: Record<string, unknown>, file: string): Record<string, unknown> {
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

/** Replays `file` against `definition` (which must be the model its #meta names). */
export function replay(definition: ModelDefinition, file: string, trace = readTrace(file)): ReplayResult {
  const { meta, steps, loop } = trace;
  if (meta.model !== definition.name) throw new KcheckError('KC_BAD_TRACE', `${file} is a trace of model ${meta.model}, not ${definition.name}`);
  // A trace carries every param it ran with: a missing one would silently replay with a default.
  const missing = definition.params.filter((p) => !(p.name in (meta.params as object)));
  if (missing.length > 0) throw new KcheckError('KC_BAD_TRACE', `${file}: #meta.params lacks ${missing.map((p) => p.name).join(', ')} (kcheck records every param)`);
  const params = resolveParams(definition, { values: meta.params });
  // The preset label is shown with the verdict, so it must name a preset, and any param that differs is shown too.
  const overrides = presetOverrides(definition, meta.preset, params, file);
  const created = createModel(definition, params);
  const initCount = created.init().length;
  const initIndex = meta.initIndex ?? 0;
  if (typeof initIndex !== 'number' || !Number.isInteger(initIndex) || initIndex < 0 || initIndex >= initCount) {
    throw new KcheckError('KC_BAD_TRACE', `${file}: #meta.initIndex must be an integer from 0 to ${initCount - 1}, got ${JSON.stringify(initIndex)}`);
  }
  const property = definition.properties(params).find((p) => p.name === meta.property);
  if (!property || property.kind === 'sometimes') throw new KcheckError('KC_BAD_TRACE', `${file}: model ${meta.model} has no property ${meta.property}`);
  // A lasso was found on the model the liveness run explores (its LivenessQuotient's): replay it there.
  const model = property.kind === 'liveness' ? livenessModel(created) : created;
  const path = steps.slice(1).map((s) => s.meta.actionIndex as number);
  const replayed = replayOrThrow(model, { initIndex, path });
  for (let i = 0; i < steps.length; i++) {
    if (i > 0 && steps[i].meta.action !== undefined) {
      const action = fromItfValue(toItfValue(replayed.actions[i - 1] as unknown as TraceValue), 'action');
      if (canonical(action) !== canonical(steps[i].meta.action as TraceValue)) {
        const replayedText = describeAction(model, replayed.actions[i - 1]);
        const recordedText = steps[i].meta.actionText;
        // An edited action under its original text would print the same words twice: show the recorded value.
        const recorded = typeof recordedText === 'string' && recordedText !== replayedText ? recordedText : JSON.stringify(steps[i].meta.action).slice(0, 200);
        throw new KcheckError('KC_BAD_TRACE', `${file}: the model diverges at step ${i}: recorded ${recorded}, replayed ${replayedText}`);
      }
    }
    const now = fromItfValue(toItfValue(itfStateOf(model, replayed.states[i]) as TraceValue), 'state');
    if (canonical(now) !== canonical(steps[i].vars)) {
      throw new KcheckError('KC_BAD_TRACE', `${file}: the model diverges at step ${i}: the replayed state differs from the recorded one`);
    }
  }
  const base = { file, model: meta.model, preset: (meta.preset as string | null | undefined) ?? null, overrides, property: meta.property, steps: steps.length - 1 };
  if (property.kind === 'liveness') {
    // A lasso reproduces when its loop closes, the goal never holds from the trigger on, and the loop is fair.
    if (loop === undefined) throw new KcheckError('KC_BAD_TRACE', `${file}: ${meta.property} is a liveness property but the trace has no "loop"`);
    const problem = lassoProblem(model, property, replayed, { trigger: typeof meta.trigger === 'number' ? meta.trigger : 0, loop });
    const bounded = problem === null ? lassoBound(model, replayed, loop) : null;
    return { ...base, reproduced: problem === null, violatedAtStep: null, loop, problem, bounded, shift: problem === null ? loopShift(model, replayed, loop) : null };
  }
  let violatedAt = -1;
  for (let i = 0; i < replayed.states.length && violatedAt < 0; i++) {
    if (property.kind === 'always' && !property.check(replayed.states[i])) violatedAt = i;
    if (property.kind === 'action' && i > 0 && !property.check(replayed.states[i - 1], replayed.actions[i - 1], replayed.states[i])) violatedAt = i;
  }
  return { ...base, reproduced: violatedAt >= 0, violatedAtStep: violatedAt >= 0 ? violatedAt : null };
}
