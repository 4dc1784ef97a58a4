// Builds the model and its selected properties from a WorkerModelSource, the same way on the main thread and in
// every worker, so property indices agree across threads (definition order, split by kind as run-check does).

import type { ActionBase, Model } from '../../contract/model.ts';
import type { ModelDefinition } from '../../contract/model-definition.ts';
import type { ActionProperty, AlwaysProperty, Property, SometimesProperty } from '../../contract/property.ts';
import { definitionsIn } from '../../check/definitions-in.ts';
import { KcheckError } from '../../errors.ts';
import type { WorkerModelSource } from './parallel-options.ts';

export interface LoadedModel<S = any, A extends ActionBase = any> {
  readonly model: Model<S, A>;
  readonly invariants: readonly AlwaysProperty<S>[];
  readonly actionProperties: readonly ActionProperty<S, A>[];
  readonly witnesses: readonly SometimesProperty<S>[];
}

/** How a thread gets the registry module: a dynamic import, or the module already inside a worker bundle. */
export type ImportModule = (url: string) => Promise<Record<string, unknown>>;

export async function loadModel(source: WorkerModelSource, importModule: ImportModule = (url) => import(url)): Promise<LoadedModel> {
  const module = await importModule(source.moduleUrl);
  const models = definitionsIn(module[source.exportName]);
  if (!models) {
    throw new KcheckError('KC_BAD_INPUT', `${source.moduleUrl} has no registry or model definition export named '${source.exportName}'`);
  }
  const definition = models.find((m) => m.name === source.model);
  if (!definition) throw new KcheckError('KC_UNKNOWN_MODEL', `unknown model '${source.model}' in ${source.moduleUrl}`);
  return buildModel(definition, source);
}

export function buildModel(definition: ModelDefinition, source: WorkerModelSource): LoadedModel {
  const model = definition.create(source.params);
  const all: readonly Property<any, any>[] = definition.properties(source.params);
  for (const name of source.properties) {
    if (!all.some((p) => p.name === name)) {
      throw new KcheckError('KC_UNKNOWN_PROPERTY', `unknown property '${name}' for model ${definition.name}; valid: ${all.map((p) => p.name).join(', ')}`);
    }
  }
  const chosen = source.properties.length > 0 ? all.filter((p) => source.properties.includes(p.name)) : all;
  return {
    model,
    invariants: chosen.filter((p): p is AlwaysProperty<any> => p.kind === 'always'),
    actionProperties: chosen.filter((p): p is ActionProperty<any, any> => p.kind === 'action'),
    witnesses: chosen.filter((p): p is SometimesProperty<any> => p.kind === 'sometimes'),
  };
}
