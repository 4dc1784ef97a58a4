// Options shared by the explorers: which properties to check, budgets, symmetry, and an optional progress hook
// (a lifecycle callback in the manner of vitest reporters; the explorer never prints).

import type { ActionBase } from '../contract/model.ts';
import type { SafetyProperty, SometimesProperty } from '../contract/property.ts';
import type { StopReason } from './outcome.ts';

export interface Progress {
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  readonly queue: number;
  readonly elapsedMs: number;
}

export interface ExploreOptions<S, A extends ActionBase> {
  readonly properties: readonly SafetyProperty<S, A>[];
  readonly witnesses: readonly SometimesProperty<S>[];
  /** Actions from an initial state beyond which nothing is expanded. */
  readonly maxDepth?: number;
  readonly maxStates?: number;
  readonly timeLimitMs?: number;
  /** Fingerprint `canonicalize(state)` instead of the state (symmetry reduction). */
  readonly symmetry?: boolean;
  /** Partial-order reduction (BFS only): expand an ample subset of the enabled actions where that is safe. */
  readonly partialOrder?: boolean;
  /** Keep searching after a violation until every property is violated or the space is exhausted. */
  readonly continueAfterViolation?: boolean;
  readonly seed?: number;
  /** Called about once a second while searching. */
  readonly onProgress?: (progress: Progress) => void;
  /** Polled every few hundred states: a reason ends the search as it stands (Ctrl-C, memory budget). */
  readonly shouldStop?: () => StopReason | null;
}
