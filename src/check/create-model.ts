// Builds a definition's model with the definition's fairness when the model declares none itself, so a model
// file need not change for liveness: the registry can state fairness beside the properties that need it.

import type { ActionBase, Model } from '../contract/model.ts';
import type { ModelDefinition } from '../contract/model-definition.ts';
import type { ParamValues } from '../contract/params.ts';

export function createModel<S, A extends ActionBase>(definition: ModelDefinition<S, A>, params: ParamValues): Model<S, A> {
  const model = definition.create(params);
  if (model.fairness || !definition.fairness) return model;
  // The model stays the prototype, so its methods and their `this` are untouched.
  return Object.assign(Object.create(model) as Model<S, A>, { fairness: definition.fairness });
}
