// Seeded random simulation: fast-check generates walks as lists of choices (each choice picks one of the actions
// enabled at that step, modulo their number, so every shrunk walk stays executable), checks the properties along
// the walk, and shrinks a failing walk to a minimal one. Same model + seed → same walks, same result.

import fc from 'fast-check';
import type { ActionBase, Model } from '../contract/model.ts';
import { CoverageCounter } from './coverage-counter.ts';
import type { ExploreOptions } from './explore-options.ts';
import { FingerprintSet } from './fingerprint-set.ts';
import type { Outcome, PathRef, ViolationRecord, WitnessRecord } from './outcome.ts';
import { StateEncoder } from './state-encoder.ts';

export interface SimulateOptions<S, A extends ActionBase> extends ExploreOptions<S, A> {
  readonly walks: number;
  readonly maxDepth: number;
}

interface WalkResult {
  readonly ref: PathRef;
  readonly violation: { property: string; kind: 'always' | 'action' } | null;
}

export function simulate<S, A extends ActionBase>(model: Model<S, A>, options: SimulateOptions<S, A>): Outcome {
  const started = Date.now();
  const seed = options.seed ?? 0;
  const encoder = new StateEncoder();
  const seen = new FingerprintSet();
  const coverage = new CoverageCounter();
  coverage.declare(model.actionTypes ?? []);
  const witnessFound: (WitnessRecord | null)[] = options.witnesses.map(() => null);
  const initial = model.init();
  let generated = 0;
  let deepest = 0;
  let walksRun = 0;
  const deadline = options.timeLimitMs !== undefined ? started + options.timeLimitMs : Infinity;
  let timedOut = false;

  // Runs one walk; `record` is false while fast-check shrinks, so statistics count only the real walks.
  const walk = (choices: readonly number[], record: boolean): WalkResult => {
    const initIndex = initial.length > 0 ? (choices[0] ?? 0) % initial.length : 0;
    let state = initial[initIndex];
    const path: number[] = [];
    const visit = (s: S): { property: string; kind: 'always' } | null => {
      if (record) {
        encoder.reset();
        model.encode(s, encoder);
        seen.add(encoder.hash(), encoder.low);
        options.witnesses.forEach((w, i) => {
          if (witnessFound[i] === null && w.check(s)) {
            witnessFound[i] = { name: w.name, found: true, depth: path.length, at: { initIndex, path: [...path] } };
          }
        });
      }
      const broken = options.properties.find((p) => p.kind === 'always' && !p.check(s));
      return broken ? { property: broken.name, kind: 'always' } : null;
    };
    const first = visit(state);
    if (first) return { ref: { initIndex, path }, violation: first };
    for (let step = 1; step < choices.length && path.length < options.maxDepth; step++) {
      const candidates = model.actions(state);
      const enabled: { index: number; next: S }[] = [];
      for (let i = 0; i < candidates.length; i++) {
        const next = model.next(state, candidates[i]);
        if (next !== undefined) {
          enabled.push({ index: i, next });
          if (record) coverage.count(coverage.slot(candidates[i].type), false, false);
        }
      }
      if (enabled.length === 0) break; // deadlock: the walk ends here
      const pick = enabled[choices[step] % enabled.length];
      const action = candidates[pick.index];
      if (record) {
        generated++;
        coverage.countTaken(coverage.slot(action.type));
      }
      for (const p of options.properties) {
        if (p.kind === 'action' && !p.check(state, action, pick.next)) {
          path.push(pick.index);
          return { ref: { initIndex, path }, violation: { property: p.name, kind: 'action' } };
        }
      }
      path.push(pick.index);
      state = pick.next;
      if (record) deepest = Math.max(deepest, path.length);
      const broken = visit(state);
      if (broken) return { ref: { initIndex, path }, violation: broken };
    }
    return { ref: { initIndex, path }, violation: null };
  };

  let recordNext = true;
  let modelError: string | null = null;
  // size 'max' lets walk lengths range over the whole 1..maxDepth+1 (fast-check's default size would cap them
  // near a dozen steps whatever --max-depth says); shrinking still shortens them.
  const walkArb = fc.array(fc.nat({ max: 0x7fffffff }), { minLength: 1, maxLength: options.maxDepth + 1, size: 'max' });
  const run = fc.check(
    fc.property(fc.noBias(walkArb), (choices: number[]) => {
      if (Date.now() > deadline) {
        timedOut = true;
        return true;
      }
      let result: WalkResult;
      try {
        result = walk(choices, recordNext);
      } catch (thrown) {
        if (modelError === null) modelError = thrown instanceof Error ? thrown.message : String(thrown);
        recordNext = false;
        return false;
      }
      if (recordNext) walksRun++;
      if (result.violation) recordNext = false; // from here on fast-check is shrinking
      return result.violation === null;
    }),
    { seed, numRuns: options.walks, endOnFailure: false },
  );

  const violations: ViolationRecord[] = [];
  let error: Outcome['error'] = null;
  if (run.failed && run.counterexample) {
    try {
      const shrunk = walk(run.counterexample[0] as number[], false);
      if (shrunk.violation) violations.push({ ...shrunk.violation, ...shrunk.ref });
    } catch (thrown) {
      modelError = thrown instanceof Error ? thrown.message : String(thrown);
    }
  }
  if (modelError !== null) {
    violations.length = 0;
    error = { message: `the model threw: ${modelError}`, at: null };
  }
  const durationMs = Date.now() - started;
  const status = error ? 'error' : violations.length > 0 ? 'violation' : timedOut ? 'incomplete' : 'ok';
  return {
    status,
    complete: false,
    strategy: 'simulate',
    seed,
    stoppedBy: timedOut ? 'time-limit' : null,
    stats: {
      distinctStates: seen.size,
      generatedStates: generated + walksRun,
      maxDepth: deepest,
      durationMs,
      statesPerSecond: Math.round(seen.size / Math.max(durationMs / 1000, 0.001)),
    },
    violations,
    witnesses: options.witnesses.map((w, i) => witnessFound[i] ?? { name: w.name, found: false, depth: null, at: null }),
    coverage: coverage.entries(),
    warnings: coverage.warnings(),
    error,
  };
}
