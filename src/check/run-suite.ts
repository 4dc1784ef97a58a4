// The CI gate: every (model, preset) pair that declares an expectation is checked with BFS. `holds` is met when
// the search finishes (or reaches the preset's depth bound) with no violation and every witness found, so a
// passing invariant is known not to be vacuous; `violates` is met when each named property is violated. An unmet
// case carries its counterexamples' steps and the command that reruns it, and with an output directory writes
// their traces and reports.

import type { ModelDefinition, Preset } from '../contract/model-definition.ts';
import type { WrittenViolation } from '../report/check-summary.ts';
import { configurationId } from '../report/configuration-id.ts';
import { rerunCommand } from '../report/rerun-command.ts';
import { counterexampleLines } from '../report/text-summary.ts';
import { removeStaleFiles, writeViolationFiles } from '../report/write-violation-files.ts';
import { checkModel, type CheckResult } from './run-check.ts';

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
  /** `<model>.<preset>.<params-hash>`, as in report names and `check`'s JUnit. */
  readonly configuration: string;
  /** Unmet only: the command that reruns this case, and each counterexample as readable lines. */
  readonly rerun: string | null;
  readonly story: readonly string[];
  /** Unmet with an output directory: the traces and reports written. */
  readonly files: readonly WrittenViolation[];
}

type Judged = Omit<SuiteCase, 'configuration' | 'rerun' | 'story' | 'files'>;

export function runPreset(definition: ModelDefinition, preset: Preset, outDir?: string): SuiteCase {
  const { judged, result } = judgePreset(definition, preset);
  const configuration = configurationId(definition.name, preset.name, result.params);
  if (judged.met) {
    // A met `holds` proved every property clean within the preset's bounds: earlier counterexamples are stale.
    if (outDir !== undefined && 'holds' in preset.expect) removeStaleFiles(outDir, configuration, []);
    return { ...judged, configuration, rerun: null, story: [], files: [] };
  }
  const model = definition.create(result.params);
  const files = outDir !== undefined ? writeViolationFiles(definition, result, outDir) : [];
  const story = result.violations.flatMap((v, i) => [`${v.record.property}: ${v.record.path.length} action(s)`, ...counterexampleLines(model, v, files[i])]);
  const bounds = [
    ...(preset.bounds?.maxDepth !== undefined ? [`--max-depth ${preset.bounds.maxDepth}`] : []),
    ...(preset.bounds?.maxStates !== undefined ? [`--max-states ${preset.bounds.maxStates}`] : []),
    ...('violates' in preset.expect ? [...preset.expect.violates.map((p) => `--property ${p}`), '--continue'] : 'bounded' in preset.expect ? preset.expect.bounded.map((p) => `--property ${p}`) : []),
  ];
  return { ...judged, configuration, rerun: rerunCommand(definition, preset.name, result.params, bounds), story, files };
}

function judgePreset(definition: ModelDefinition, preset: Preset): { judged: Judged; result: CheckResult } {
  const expectsBounded = 'bounded' in preset.expect;
  const wanted = 'violates' in preset.expect ? preset.expect.violates : 'bounded' in preset.expect ? preset.expect.bounded : undefined;
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
  const done = (judged: Judged) => ({ judged, result });
  if (o.status === 'error') return done({ ...base, expect: describe(preset), met: false, detail: `error: ${o.error?.message}` });
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
            ? `vacuous: ${missing.map((w) => `witness ${w} never reached`).join(', ')}`
            : `holds${bounded ? ` up to depth ${preset.bounds?.maxDepth}` : ''}${preset.liveness ? ` (liveness: ${preset.liveness.join(', ')})` : ''}`;
    return done({ ...base, expect: 'holds', met, detail });
  }
  // A lasso that exists only at a model bound is no violation (it meets a `bounded` expectation instead).
  const boundedOnly = new Set(o.violations.filter((v) => v.lasso?.bounded !== undefined).map((v) => v.property));
  const found = new Set(o.violations.filter((v) => (v.lasso?.bounded !== undefined) === expectsBounded).map((v) => v.property));
  const absent = wanted.filter((p) => !found.has(p));
  const detail =
    absent.length === 0
      ? `${expectsBounded ? 'bounded' : 'violates'} ${violations.map((v) => `${v.property} (${v.length} actions)`).join(', ')}`
      : `expected ${expectsBounded ? 'a lasso only at a bound for' : 'a violation of'} ${absent.join(', ')} but ${o.status === 'incomplete' && !absent.some((p) => boundedOnly.has(p)) ? `the search stopped (${o.stoppedBy})` : absent.some((p) => boundedOnly.has(p)) ? 'its only lasso stops at a model bound' : 'none was found'}`;
  return done({ ...base, expect: describe(preset), met: absent.length === 0, detail });
}

function describe(preset: Preset): string {
  return 'holds' in preset.expect ? 'holds' : 'bounded' in preset.expect ? `bounded ${preset.expect.bounded.join(', ')}` : `violates ${preset.expect.violates.join(', ')}`;
}
