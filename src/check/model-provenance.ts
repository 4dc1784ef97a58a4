// Where a model in a trace came from: the module (path relative to the working directory), its export, a hash
// of the module file and of the params. Recorded in a trace's #meta for models loaded from a file, so
// `kcheck replay` can load the model again and say when its file changed since the trace was written.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelSource } from '../contract/model-definition.ts';
import type { ParamValues } from '../contract/params.ts';

export interface ModelProvenance {
  /** The module's path relative to the working directory when the trace was written. */
  readonly module: string;
  readonly export: string;
  /** sha256 (first 16 hex digits) of the module file's bytes. */
  readonly moduleHash: string;
  /** sha256 (first 16 hex digits) of the params as sorted JSON. */
  readonly paramsHash: string;
}

const hash = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** The hash of a module file, or null when it cannot be read. */
export function moduleHash(path: string): string | null {
  try {
    return hash(readFileSync(path));
  } catch {
    return null;
  }
}

export function paramsHash(params: ParamValues): string {
  return hash(JSON.stringify(Object.keys(params).sort().map((k) => [k, params[k]])));
}

export function provenanceOf(source: ModelSource | undefined, params: ParamValues, cwd = process.cwd()): ModelProvenance | undefined {
  if (!source || !source.moduleUrl.startsWith('file:')) return undefined;
  const path = fileURLToPath(source.moduleUrl);
  return { module: relative(cwd, path) || path, export: source.exportName, moduleHash: moduleHash(path) ?? '', paramsHash: paramsHash(params) };
}
