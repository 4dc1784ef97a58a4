// Command-line option parsing on node:util's parseArgs, with every mistake turned into a one-line KC_USAGE error
// that names the valid options — never a stack trace. Each option may carry its doc, value name and default, from
// which `helpText` builds a command's `--help`.

import { parseArgs } from 'node:util';
import { KcheckError } from '../errors.ts';

export interface OptionInfo {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  /** One line for --help. */
  readonly doc?: string;
  /** The value's name in --help, e.g. "N" or "FILE". */
  readonly arg?: string;
  /** The default in words for --help (not applied by the parser). */
  readonly shown?: string;
}

export type OptionSpec = Record<string, OptionInfo>;

export interface Parsed {
  readonly positionals: string[];
  readonly values: Record<string, string | boolean | string[] | undefined>;
}

export function parseOptions(args: readonly string[], spec: OptionSpec, usage: string): Parsed {
  try {
    const options = Object.fromEntries(Object.entries(spec).map(([k, o]) => [k, { type: o.type, multiple: o.multiple ?? false }]));
    const { positionals, values } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
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

/** A command's --help: summary, usage, every option with its doc and default, then examples. */
export function helpText(summary: string, usage: string, spec: OptionSpec, examples: readonly string[], extra: readonly string[] = []): string {
  const rows = Object.entries(spec).map(([name, o]) => [`--${name}${o.type === 'string' ? ` ${o.arg ?? 'VALUE'}` : ''}${o.multiple ? ' (repeatable)' : ''}`, `${o.doc ?? ''}${o.shown ? ` (default: ${o.shown})` : ''}`]);
  const width = Math.max(...rows.map(([flag]) => flag.length), 10) + 2;
  return [
    summary,
    '',
    `usage: ${usage}`,
    '',
    'options:',
    ...rows.map(([flag, doc]) => `  ${flag.padEnd(width)}${doc}`),
    `  ${'--help'.padEnd(width)}this help`,
    ...extra,
    '',
    'examples:',
    ...examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}
