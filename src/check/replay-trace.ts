// replay: re-runs a stored .itf.json trace against its model and params (from the trace's #meta), checks every
// recorded action and state, and re-checks the property. A trace that no longer matches the model is a KC_BAD_TRACE
// error naming the step; a trace that matches tells whether the violation still reproduces.

import { readFileSync } from 'node:fs';
import type { TraceValue } from '../contract/model.ts';
import type { ModelDefinition } from '../contract/model-definition.ts';
import { KcheckError } from '../errors.ts';
import { replayOrThrow } from '../explore/trace.ts';
import { fromItfValue, parseItf, toItfValue } from '../report/itf.ts';
import { describeAction } from '../report/violation-artifact.ts';
import { resolveParams } from './resolve-params.ts';

export interface ReplayResult {
  readonly file: string;
  readonly model: string;
  readonly preset: string | null;
  readonly property: string;
  /** Actions in the trace. */
  readonly steps: number;
  /** The violation still happens on the replayed trace. */
  readonly reproduced: boolean;
  /** First step at which the property fails, or null. */
  readonly violatedAtStep: number | null;
}

/** Canonical text of a value (sorted keys), so recorded and replayed values compare structurally. */
function canonical(value: TraceValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, TraceValue>;
  return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}

/** Reads and parses a trace file (KC_BAD_TRACE when unreadable or not kcheck's ITF). */
export function readTrace(file: string): ReturnType<typeof parseItf> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new KcheckError('KC_BAD_TRACE', `cannot read trace file ${file}; pass a .itf.json written by kcheck check`);
  }
  return parseItf(text, file);
}

/** Replays `file` against `definition` (which must be the model its #meta names). */
export function replay(definition: ModelDefinition, file: string, trace = readTrace(file)): ReplayResult {
  const { meta, steps } = trace;
  if (meta.model !== definition.name) throw new KcheckError('KC_BAD_TRACE', `${file} is a trace of model ${meta.model}, not ${definition.name}`);
  const params = resolveParams(definition, { values: meta.params });
  const model = definition.create(params);
  const property = definition.properties(params).find((p) => p.name === meta.property);
  if (!property || property.kind === 'sometimes') throw new KcheckError('KC_BAD_TRACE', `${file}: model ${meta.model} has no property ${meta.property}`);
  const path = steps.slice(1).map((s) => s.meta.actionIndex as number);
  const replayed = replayOrThrow(model, { initIndex: typeof meta.initIndex === 'number' ? meta.initIndex : 0, path });
  for (let i = 0; i < steps.length; i++) {
    if (i > 0 && steps[i].meta.action !== undefined) {
      const action = fromItfValue(toItfValue(replayed.actions[i - 1] as unknown as TraceValue), 'action');
      if (canonical(action) !== canonical(steps[i].meta.action as TraceValue)) {
        throw new KcheckError('KC_BAD_TRACE', `${file}: the model diverges at step ${i}: recorded ${steps[i].meta.actionText ?? 'action'}, replayed ${describeAction(model, replayed.actions[i - 1])}`);
      }
    }
    const now = fromItfValue(toItfValue(model.variables(replayed.states[i]) as TraceValue), 'state');
    if (canonical(now) !== canonical(steps[i].vars)) {
      throw new KcheckError('KC_BAD_TRACE', `${file}: the model diverges at step ${i}: the replayed state differs from the recorded one`);
    }
  }
  let violatedAt = -1;
  for (let i = 0; i < replayed.states.length && violatedAt < 0; i++) {
    if (property.kind === 'always' && !property.check(replayed.states[i])) violatedAt = i;
    if (property.kind === 'action' && i > 0 && !property.check(replayed.states[i - 1], replayed.actions[i - 1], replayed.states[i])) violatedAt = i;
  }
  return {
    file,
    model: meta.model,
    preset: (meta.preset as string | null | undefined) ?? null,
    property: meta.property,
    steps: steps.length - 1,
    reproduced: violatedAt >= 0,
    violatedAtStep: violatedAt >= 0 ? violatedAt : null,
  };
}
