// Seeded random simulation: walks of up to --max-depth steps, each step a uniformly random enabled action drawn from
// the walk's own stream (walk i of seed s is the same everywhere), properties checked along the way. The first walk
// that breaks a property stops the search and is shrunk (shrink-walk.ts) to a short trace.

import type { ActionBase, Model } from '../contract/model.ts';
import { CoverageCounter, coverageWarnings } from './coverage-counter.ts';
import type { ExploreOptions } from './explore-options.ts';
import { FingerprintSet } from './fingerprint-set.ts';
import { statusOf, type Outcome, type StopReason, type ViolationRecord, type WitnessRecord } from './outcome.ts';
import { shrinkWalk } from './shrink-walk.ts';
import { StateEncoder } from './state-encoder.ts';
import { runWalk, sampleEnabled, type WalkResult } from './walk.ts';
import { WalkRandom } from './walk-random.ts';
import { sampleSticky } from './walk-sticky.ts';

export interface SimulateOptions<S, A extends ActionBase> extends ExploreOptions<S, A> {
  readonly walks: number;
  /** Steps per walk: every walk runs this long unless it deadlocks or breaks a property. */
  readonly maxDepth: number;
  /** How a walk picks among enabled actions (default uniform; swarm shards alternate). */
  readonly walkOrder?: 'uniform' | 'sticky';
}

export function simulate<S, A extends ActionBase>(model: Model<S, A>, options: SimulateOptions<S, A>): Outcome {
  const started = Date.now();
  const seed = options.seed ?? 0;
  const deadline = options.timeLimitMs !== undefined ? started + options.timeLimitMs : Infinity;
  const encoder = new StateEncoder();
  const seen = new FingerprintSet();
  const coverage = new CoverageCounter(model.actionTypes);
  const witnessFound: (WitnessRecord | null)[] = options.witnesses.map(() => null);
  const initial = model.init();
  let steps = 0;
  let deepest = 0;
  let walksRun = 0;
  let lastProgress = started;
  let initIndex = 0;

  // Every state a walk reaches: fingerprinted for the distinct count, checked against the witnesses; the step into
  // it counted for coverage.
  const observe = (state: S, action: A | null, path: readonly number[]): void => {
    encoder.reset();
    model.encode(state, encoder);
    const isNew = seen.add(encoder.hash(), encoder.low);
    if (action !== null) {
      steps++;
      coverage.count(coverage.slot(action.type), isNew);
      if (path.length > deepest) deepest = path.length;
    }
    for (let i = 0; i < witnessFound.length; i++) {
      if (witnessFound[i] === null && options.witnesses[i].check(state)) {
        witnessFound[i] = { name: options.witnesses[i].name, found: true, depth: path.length, at: { initIndex, path: [...path] } };
      }
    }
  };

  let found: WalkResult | null = null;
  let foundInWalk: number | null = null;
  let error: Outcome['error'] = null;
  let timedOut = false;
  let stopped: StopReason | null = null;
  try {
    for (let w = 0; w < options.walks && found === null; w++) {
      if (Date.now() > deadline) {
        timedOut = true;
        break;
      }
      stopped = options.shouldStop?.() ?? null;
      if (stopped !== null) break;
      const random = new WalkRandom(seed, w);
      initIndex = initial.length > 1 ? random.below(initial.length) : 0;
      const result = runWalk(model, options.properties, initial[initIndex], (options.walkOrder === 'sticky' ? sampleSticky : sampleEnabled)(model, random), options.maxDepth, observe);
      walksRun++;
      if (result.violation) {
        found = result;
        foundInWalk = w + 1;
      }
      if (options.onProgress && (w & 255) === 0 && Date.now() - lastProgress >= 1000) {
        lastProgress = Date.now();
        options.onProgress({ distinctStates: seen.size, generatedStates: steps, depth: deepest, queue: options.walks - w - 1, elapsedMs: lastProgress - started });
      }
    }
  } catch (thrown) {
    error = { message: `the model threw: ${thrown instanceof Error ? thrown.message : String(thrown)}`, at: null };
  }

  const violations: ViolationRecord[] = [];
  let shrinkAttempts = 0;
  if (found !== null && found.violation !== null && error === null) {
    try {
      const shrunk = shrinkWalk(model, options.properties, initial[initIndex], found, seed);
      shrinkAttempts = shrunk.attempts;
      violations.push({ ...(shrunk.violation ?? found.violation), initIndex, path: shrunk.path });
    } catch (thrown) {
      error = { message: `the model threw while shrinking: ${thrown instanceof Error ? thrown.message : String(thrown)}`, at: null };
    }
  }
  const durationMs = Date.now() - started;
  const stoppedBy = stopped ?? (timedOut ? 'time-limit' : violations.length > 0 ? 'first-violation' : null);
  const status = statusOf(error !== null, violations.length, stoppedBy);
  const entries = coverage.entries();
  return {
    status,
    complete: false,
    strategy: 'simulate',
    seed,
    stoppedBy,
    stats: {
      distinctStates: seen.size,
      generatedStates: steps + walksRun,
      maxDepth: deepest,
      durationMs,
      statesPerSecond: Math.round(seen.size / Math.max(durationMs / 1000, 0.001)),
    },
    violations,
    witnesses: options.witnesses.map((w, i) => witnessFound[i] ?? { name: w.name, found: false, depth: null, at: null }),
    coverage: entries,
    warnings: coverageWarnings(entries),
    error,
    simulation: { walks: walksRun, foundInWalk, foundLength: found?.path.length ?? null, shrinkAttempts },
  };
}
