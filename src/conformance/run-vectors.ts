// Runs conformance vector files against an adapter table: each vector is dispatched on its `algorithm`, an adapter
// that throws counts as a failure (with the message), and a vector no adapter claims fails loudly — a new vector
// can never pass by being ignored — nor can an expectation key the adapter does not declare it understands.
// Generic: the adapters (Kafka's rules) are supplied by the caller.

import { basename } from 'node:path';
import { readJsonInput } from '../io/read-input.ts';
import { KcheckError } from '../errors.ts';
import { isCommentary, keyUnderstood } from './compare-given.ts';
import type { AdapterTable, Vector, VectorFile, VectorStatus } from './vector.ts';

export interface VectorResult {
  readonly file: string;
  readonly id: string;
  readonly algorithm: string;
  readonly status: VectorStatus;
  readonly detail: string;
}

export interface ConformanceReport {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly results: readonly VectorResult[];
}

export function loadVectorFile(path: string): VectorFile {
  const json = readJsonInput(path, { code: 'KC_BAD_VECTORS', what: 'vector file', fix: 'pass an existing .json vector file' });
  const vectors = json !== null && typeof json === 'object' ? (json as { vectors?: unknown }).vectors : undefined;
  if (!Array.isArray(vectors) || !vectors.every((v) => v && typeof v.id === 'string' && typeof v.algorithm === 'string' && 'input' in v && ('expected' in v || 'steps' in v))) {
    throw new KcheckError('KC_BAD_VECTORS', `vector file ${path} must be {"vectors": [{"id", "algorithm", "input", "expected" or "steps", ...}]}`);
  }
  return json as VectorFile;
}

export function runVector(adapters: AdapterTable, vector: Vector, file: string): VectorResult {
  const base = { file, id: vector.id, algorithm: vector.algorithm };
  const adapter = adapters[vector.algorithm];
  if (!adapter) return { ...base, status: 'fail', detail: `no adapter for algorithm "${vector.algorithm}"` };
  const expected = vector.expected;
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    const understood = adapter.understands ?? [];
    const unknown = Object.entries(expected)
      .filter(([k, v]) => !isCommentary(k, v) && !keyUnderstood(k, understood))
      .map(([k]) => k);
    if (unknown.length > 0) {
      return {
        ...base,
        status: 'fail',
        detail: `expectation key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')} not understood by the adapter for "${vector.algorithm}" (it checks: ${understood.join(', ') || 'no keys declared'})`,
      };
    }
  }
  try {
    const verdict = adapter(vector);
    return { ...base, status: verdict.status, detail: verdict.detail };
  } catch (error) {
    return { ...base, status: 'fail', detail: `adapter threw: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function runConformance(adapters: AdapterTable, paths: readonly string[]): ConformanceReport {
  const results: VectorResult[] = [];
  for (const path of paths) {
    const file = basename(path);
    for (const vector of loadVectorFile(path).vectors) results.push(runVector(adapters, vector, file));
  }
  const count = (status: VectorStatus): number => results.filter((r) => r.status === status).length;
  return { total: results.length, passed: count('pass'), failed: count('fail'), skipped: count('skipped'), results };
}
