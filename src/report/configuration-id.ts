// The name of one checked configuration: `<model>.<preset or custom>.<params-hash>`. Report files, JUnit
// testcases and index entries all carry it, so two configurations in one directory or CI job never collide, and a
// preset run with `--set` overrides is not filed as the stock preset.

import { createHash } from 'node:crypto';
import type { ParamValues } from '../contract/params.ts';

/** First 8 hex digits of SHA-256 over the params as JSON with sorted keys: stable across runs and machines. */
export function paramsHash(params: ParamValues): string {
  const sorted = Object.keys(params).sort().map((k) => [k, params[k]]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 8);
}

export function configurationId(model: string, preset: string | null, params: ParamValues): string {
  return `${model}.${preset ?? 'custom'}.${paramsHash(params)}`;
}
