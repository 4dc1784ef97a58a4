// What a module export offers the checker: a registry (its models) or one model definition. Worker threads, the
// suite's workers and replay all import a module by URL and take a named export; this says what they found there.

import type { ModelDefinition } from '../contract/model-definition.ts';

/** The model definitions an export holds: a registry's `models`, or the export itself if it is a definition. */
export function definitionsIn(exported: unknown): readonly ModelDefinition[] | null {
  if (exported === null || typeof exported !== 'object') return null;
  const value = exported as Record<string, unknown>;
  if (Array.isArray(value.models)) return value.models as ModelDefinition[];
  if (typeof value.name === 'string' && typeof value.create === 'function' && typeof value.properties === 'function') return [exported as ModelDefinition];
  return null;
}
