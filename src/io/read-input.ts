// Reads a JSON input file (config, trace, vector file) with limits: at most MAX_INPUT_BYTES (so /dev/zero cannot
// eat the memory), a UTF-8 BOM dropped, nesting at most MAX_DEPTH levels (deeper JSON overflowed the stack in later
// recursive code), and no "__proto__" key (assigning it would change an object's prototype, not add a key).
// Below both the CLI and the public API (`replay` reads traces through it), so neither depends on the other.

import { closeSync, openSync, readSync } from 'node:fs';
import type { ErrorCode } from '../errors.ts';
import { KcheckError } from '../errors.ts';

export const MAX_INPUT_BYTES = 16 * 1024 * 1024;
export const MAX_DEPTH = 200;

export interface InputKind {
  /** Error code for everything wrong with this kind of file. */
  readonly code: ErrorCode;
  /** e.g. "config file", "trace file". */
  readonly what: string;
  /** What to pass instead, e.g. "pass an existing JSON file to --config". */
  readonly fix: string;
}

/** The file's text, bounded in size, without a BOM. */
export function readInputText(path: string, kind: InputKind): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new KcheckError(kind.code, `cannot read ${kind.what} ${path}; ${kind.fix}`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_INPUT_BYTES) throw new KcheckError(kind.code, `${kind.what} ${path} is larger than ${MAX_INPUT_BYTES >> 20} MiB; ${kind.fix}`);
      chunks.push(chunk.subarray(0, n));
    }
  } catch (error) {
    if (error instanceof KcheckError) throw error;
    throw new KcheckError(kind.code, `cannot read ${kind.what} ${path}; ${kind.fix}`);
  } finally {
    closeSync(fd);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The file parsed as JSON, within the depth limit and free of "__proto__" keys. */
export function readJsonInput(path: string, kind: InputKind): unknown {
  const text = readInputText(path, kind);
  const depth = nestingDepth(text);
  if (depth > MAX_DEPTH) throw new KcheckError(kind.code, `${kind.what} ${path} nests ${depth} levels deep (at most ${MAX_DEPTH}); ${kind.fix}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0].slice(0, 120);
    throw new KcheckError(kind.code, `${kind.what} ${path} is not valid JSON (${reason}); ${kind.fix}`);
  }
  if (hasProtoKey(json)) throw new KcheckError(kind.code, `${kind.what} ${path} has a "__proto__" key, which kcheck never writes; ${kind.fix}`);
  return json;
}

/** Deepest bracket nesting outside strings, found without recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

function hasProtoKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasProtoKey);
  return Object.keys(value).some((k) => k === '__proto__' || hasProtoKey((value as Record<string, unknown>)[k]));
}
