// Whether `--por` can reduce this run, and if not, why: the model must declare footprints and every checked
// property and witness must say which parts it reads (those parts make an action visible, condition C2). When
// either is missing the run is unreduced and the outcome says so rather than silently claiming a reduction.

import type { ActionBase, Model } from '../../contract/model.ts';
import type { SafetyProperty, SometimesProperty } from '../../contract/property.ts';
import { AmpleSets } from './ample-sets.ts';

export type ReductionPlan<A extends ActionBase> =
  | { readonly ample: AmpleSets<A>; readonly reason: null }
  | { readonly ample: null; readonly reason: string };

export function reductionPlan<S, A extends ActionBase>(
  model: Model<S, A>,
  properties: readonly SafetyProperty<S, A>[],
  witnesses: readonly SometimesProperty<S>[],
): ReductionPlan<A> {
  if (!model.partialOrder) return { ample: null, reason: 'the model declares no action footprints' };
  const observed: string[] = [];
  for (const p of [...properties, ...witnesses]) {
    if (!p.reads) return { ample: null, reason: `property ${p.name} does not declare the state parts it reads` };
    observed.push(...p.reads);
  }
  return { ample: new AmpleSets(model.partialOrder, observed), reason: null };
}

/** What `--por` did, reported in the summary and the JSON. */
export interface ReductionStats {
  /** False when the run was unreduced; `reason` says why. */
  readonly applied: boolean;
  readonly reason: string | null;
  /** States expanded with an ample subset of their enabled actions. */
  readonly reducedExpansions: number;
  /** States expanded with every enabled action (no safe subset, or the cycle proviso fired). */
  readonly fullExpansions: number;
  /** Of the full expansions, those forced by the cycle proviso (an ample successor already seen). */
  readonly provisoExpansions: number;
}
