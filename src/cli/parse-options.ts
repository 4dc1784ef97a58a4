// Command-line option parsing on node:util's parseArgs, with every mistake turned into a one-line KC_USAGE error
// that names the valid options — never a stack trace.

import { parseArgs } from 'node:util';
import { KcheckError } from '../errors.ts';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

export interface Parsed {
  readonly positionals: string[];
  readonly values: Record<string, string | boolean | string[] | undefined>;
}

export function parseOptions(args: readonly string[], spec: OptionSpec, usage: string): Parsed {
  try {
    const { positionals, values } = parseArgs({ args: [...args], options: spec, allowPositionals: true, strict: true });
    return { positionals, values: values as Parsed['values'] };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0].replace(/\. To specify.*$/, '') : String(error);
    const valid = Object.keys(spec).map((k) => `--${k}`).join(' ');
    throw new KcheckError('KC_USAGE', `${message}; valid options: ${valid}; usage: ${usage}`);
  }
}

export function intOption(values: Parsed['values'], name: string, min: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const text = String(raw);
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    throw new KcheckError('KC_BAD_OPTION', `--${name} must be an integer ≥ ${min}, got '${text}'`);
  }
  return Number(text);
}

export function enumOption<T extends string>(values: Parsed['values'], name: string, allowed: readonly T[], fallback: T): T {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw as T)) throw new KcheckError('KC_BAD_OPTION', `--${name} must be one of ${allowed.join(', ')}, got '${String(raw)}'`);
  return raw as T;
}

export function listOption(values: Parsed['values'], name: string): string[] {
  const raw = values[name];
  return Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
}
