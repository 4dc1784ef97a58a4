// The CI gate: every (model, preset) pair that declares an expectation is checked with BFS. `holds` is met when
// the search finishes (or reaches the preset's depth bound) with no violation and every witness found, so a
// passing invariant is known not to be vacuous; `violates` is met when each named property is violated.

import type { ModelDefinition, Preset } from '../contract/model-definition.ts';
import { checkModel } from './run-check.ts';

export interface SuiteCase {
  readonly model: string;
  readonly preset: string;
  readonly expect: string;
  readonly met: boolean;
  readonly detail: string;
  readonly distinctStates: number;
  readonly maxDepth: number;
  readonly durationMs: number;
  readonly violations: readonly { readonly property: string; readonly length: number }[];
}

export function runPreset(definition: ModelDefinition, preset: Preset): SuiteCase {
  const wanted = 'violates' in preset.expect ? preset.expect.violates : undefined;
  const result = checkModel(definition, {
    preset: preset.name,
    maxDepth: preset.bounds?.maxDepth,
    maxStates: preset.bounds?.maxStates,
    properties: wanted ?? preset.liveness,
    continueAfterViolation: wanted !== undefined,
  });
  const o = result.outcome;
  const violations = o.violations.map((v) => ({ property: v.property, length: v.path.length }));
  const base = { model: definition.name, preset: preset.name, distinctStates: o.stats.distinctStates, maxDepth: o.stats.maxDepth, durationMs: o.stats.durationMs, violations };
  if (o.status === 'error') return { ...base, expect: describe(preset), met: false, detail: `error: ${o.error?.message}` };
  if (wanted === undefined) {
    const missing = o.witnesses.filter((w) => !w.found).map((w) => w.name);
    const bounded = o.stoppedBy === 'max-depth';
    const met = o.status === 'ok' && (o.complete || bounded) && missing.length === 0;
    const detail =
      o.status === 'violation'
        ? `violated ${violations.map((v) => `${v.property} (${v.length} actions)`).join(', ')}`
        : o.status === 'incomplete'
          ? `incomplete: stopped by ${o.stoppedBy}`
          : missing.length > 0
            ? `holds, but witnesses never reached (vacuous?): ${missing.join(', ')}`
            : `holds${bounded ? ` up to depth ${preset.bounds?.maxDepth}` : ''}${preset.liveness ? ` (liveness: ${preset.liveness.join(', ')})` : ''}`;
    return { ...base, expect: 'holds', met, detail };
  }
  const found = new Set(violations.map((v) => v.property));
  const absent = wanted.filter((p) => !found.has(p));
  const detail =
    absent.length === 0
      ? `violates ${violations.map((v) => `${v.property} (${v.length} actions)`).join(', ')}`
      : `expected a violation of ${absent.join(', ')} but ${o.status === 'incomplete' ? `the search stopped (${o.stoppedBy})` : 'none was found'}`;
  return { ...base, expect: describe(preset), met: absent.length === 0, detail };
}

function describe(preset: Preset): string {
  return 'holds' in preset.expect ? 'holds' : `violates ${preset.expect.violates.join(', ')}`;
}
