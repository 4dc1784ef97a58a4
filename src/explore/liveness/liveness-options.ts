// Liveness is checked only where it is known sound: exhaustive BFS on one thread, no depth bound, no state-space
// reduction. Symmetry and partial-order reduction preserve safety verdicts but can hide fair cycles; a depth
// bound or a random walk cannot see cycles at all. Refused with one clear line rather than a silent false ok.

import { KcheckError } from '../../errors.ts';

export interface LivenessSwitches {
  readonly strategy?: string;
  readonly symmetry?: boolean;
  readonly maxDepth?: number;
  readonly workers?: number;
  readonly por?: boolean;
}

export function refuseLivenessOptions(options: LivenessSwitches, names: readonly string[]): void {
  const what = `liveness (${names.join(', ')})`;
  const refuse = (flag: string, why: string): never => {
    throw new KcheckError('KC_BAD_OPTION', `${what} cannot be checked with ${flag}: ${why}; drop ${flag} or the liveness --property`);
  };
  if (options.strategy === 'simulate') refuse('--strategy simulate', 'random walks never prove a fair cycle absent');
  if (options.symmetry) refuse('--symmetry', 'the reduction is not proven sound for fair cycles');
  if (options.por) refuse('--por', 'partial-order reduction can hide fair cycles');
  if (options.workers !== undefined && options.workers > 1) refuse('--workers', 'the liveness explorer keeps one graph on one thread');
  if (options.maxDepth !== undefined) refuse('--max-depth', 'a cut graph turns its frontier into false deadlocks');
}
