// Loads a user's model from a file: `kcheck check ./my-model.ts`, a kcheck.config's `models`, or a trace's recorded
// source. The module's default export (or its export `definition`) must be a model definition — made with
// defineModel or a plain object of that shape; TypeScript files load through tsx. Bad modules are KC_BAD_MODEL.

import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { definitionsIn } from '../check/definitions-in.ts';
import { checkDefinition } from '../contract/define-model.ts';
import type { ModelDefinition } from '../contract/model-definition.ts';
import { KcheckError } from '../errors.ts';

const MODULE_FILE = /\.(?:[cm]?ts|[cm]?js)$/;

/** True when a `check` argument names a file rather than a registered model. */
export function looksLikeModelPath(arg: string): boolean {
  return MODULE_FILE.test(arg) || arg.startsWith('./') || arg.startsWith('../') || isAbsolute(arg);
}

let tsxRegistered = false;

/** The compiled CLI runs without tsx; a TypeScript model needs it, so register it once, on first use. */
export async function ensureTypeScript(file: string): Promise<void> {
  if (tsxRegistered || !/\.[cm]?ts$/.test(file) || /\.[cm]?ts$/.test(new URL(import.meta.url).pathname)) return;
  const { register } = await import('tsx/esm/api');
  register();
  tsxRegistered = true;
}

/** Imports `path` (relative to `base`) and returns its model definition, with `source` set for workers and traces. */
export async function loadModelModule(path: string, base = process.cwd(), exportName?: string): Promise<ModelDefinition> {
  const file = resolve(base, path);
  if (!existsSync(file)) throw new KcheckError('KC_BAD_MODEL', `cannot find model file ${path}; pass a .ts, .mts, .js or .mjs file whose default export is a model definition`);
  if (!MODULE_FILE.test(file)) throw new KcheckError('KC_BAD_MODEL', `${path} is not a JavaScript or TypeScript module (.ts, .mts, .js, .mjs)`);
  await ensureTypeScript(file);
  const url = pathToFileURL(file).href;
  let module: Record<string, unknown>;
  try {
    module = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KcheckError('KC_BAD_MODEL', `cannot load model file ${path}: ${message}`);
  }
  const name = exportName ?? (module.default !== undefined ? 'default' : 'definition');
  const definition = definitionsIn(module[name]);
  if (!definition || definition.length !== 1 || 'models' in (module[name] as object)) {
    const exports = Object.keys(module).join(', ') || 'none';
    throw new KcheckError('KC_BAD_MODEL', `${path}: export '${name}' is not a model definition (name, doc, params, create, properties, presets); its exports: ${exports}`);
  }
  // A plain object may leave out params and presets; a definition of any shape is checked like defineModel's.
  const found: ModelDefinition = { ...definition[0], params: definition[0].params ?? [], presets: definition[0].presets ?? [], doc: definition[0].doc ?? '' };
  checkDefinition(found);
  return { ...found, source: { moduleUrl: url, exportName: name } };
}
