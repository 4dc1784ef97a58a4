// One validator for the numeric budgets, whether they come from a flag (`--max-states 100`) or a config file
// (`"maxStates": 100`): the same ranges and the same wording, so a config can never run what the CLI refuses.
// Seeds stop at 2^32 - 1: walk streams are seeded from 32 bits, so larger seeds would silently repeat.

import { availableParallelism } from 'node:os';
import { KcheckError } from '../errors.ts';

export type BudgetKey = 'maxDepth' | 'maxStates' | 'timeLimit' | 'walks' | 'seed';

const RULES: Record<BudgetKey, { readonly flag: string; readonly min: number; readonly max: number }> = {
  maxDepth: { flag: '--max-depth', min: 0, max: Number.MAX_SAFE_INTEGER },
  maxStates: { flag: '--max-states', min: 1, max: Number.MAX_SAFE_INTEGER },
  timeLimit: { flag: '--time-limit', min: 0, max: Number.MAX_SAFE_INTEGER },
  walks: { flag: '--walks', min: 1, max: Number.MAX_SAFE_INTEGER },
  seed: { flag: '--seed', min: 0, max: 2 ** 32 - 1 },
};

export const BUDGET_KEYS = Object.keys(RULES) as BudgetKey[];

function range(min: number, max: number): string {
  return max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
}

/** Validates a flag's text (`raw` undefined: the flag was not given). */
export function budgetFromFlag(key: BudgetKey, raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const { flag, min, max } = RULES[key];
  const text = String(raw);
  const value = /^\d{1,20}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new KcheckError('KC_BAD_OPTION', `${flag} must be ${range(min, max)}, got '${shorten(text)}'`);
  }
  return value;
}

/** Validates a config file's JSON value for `key`. */
export function budgetFromConfig(key: BudgetKey, value: unknown, file: string): number | undefined {
  if (value === undefined) return undefined;
  const { min, max } = RULES[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new KcheckError('KC_BAD_CONFIG', `config file ${file}: ${key} must be ${range(min, max)}, got ${shorten(JSON.stringify(value) ?? String(value))}`);
  }
  return value;
}

/** More threads than this only contend for the cores (measured: 64 on 2 cores ran 10× slower). */
export function workerCap(): number {
  return 2 * Math.max(1, availableParallelism());
}

/** `--workers N`, capped at twice the cores; `note` receives the one line saying so. */
export function workersFromFlag(raw: unknown, note: (line: string) => void): number {
  if (raw === undefined) return 1;
  const text = String(raw);
  const value = /^\d{1,20}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new KcheckError('KC_BAD_OPTION', `--workers must be an integer ≥ 1, got '${shorten(text)}'`);
  const cap = workerCap();
  if (value <= cap) return value;
  note(`--workers ${value} capped at ${cap} (twice the ${cap / 2} cores here)`);
  return cap;
}

/** Long user text is cut in messages, so an error line stays one readable line. */
export function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}
