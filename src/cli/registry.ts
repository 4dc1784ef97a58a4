// What the CLI is given: the models (with their presets and properties) and any domain commands. The one place
// that fills it is wiring/registry.ts; src/ itself knows no model.

import type { ModelDefinition } from '../contract/model-definition.ts';
import type { Command } from './command.ts';
import { KcheckError } from '../errors.ts';

export interface Registry {
  readonly models: readonly ModelDefinition[];
  readonly commands: readonly Command[];
  /** Where worker threads can import this registry from (`--workers`): the module URL and the export's name. */
  readonly source?: { readonly moduleUrl: string; readonly exportName: string };
}

export function modelNamed(registry: Registry, name: string): ModelDefinition {
  const found = registry.models.find((m) => m.name === name);
  if (!found) {
    throw new KcheckError('KC_UNKNOWN_MODEL', `unknown model '${name}'; valid models: ${registry.models.map((m) => m.name).join(', ')} (see kcheck list)`);
  }
  return found;
}
