// Which model a liveness run explores and how it names a state's class: a model's LivenessQuotient (its
// representative and the model whose bounds are stated on classes), or its livenessModel (extra observer steps),
// or the model itself, with every state its own class. The graph builder, the lasso replay, run-check and replay
// all go through these two functions.
import type { ActionBase, Model } from '../../contract/model.ts';

/** The model a liveness run checks: the quotient's model, else the model's own liveness model, else the model. */
export function livenessModel<S, A extends ActionBase>(model: Model<S, A>): Model<S, A> {
  return model.livenessQuotient?.model ?? model.livenessModel ?? model;
}

/** The state's representative under the model's liveness quotient (the identity without one). */
export function representativeOf<S, A extends ActionBase>(model: Model<S, A>): (state: S) => S {
  const quotient = model.livenessQuotient;
  return quotient === undefined ? (state) => state : (state) => quotient.representative(state);
}
