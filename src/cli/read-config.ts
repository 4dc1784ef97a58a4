// Reads a `--config FILE.json`: {"preset"?, "params"?: {...}, "strategy"?, "maxDepth"?, "maxStates"?,
// "timeLimit"?, "walks"?, "seed"?, "properties"?: [...]}. Command-line flags override it. The budgets go through the
// same validator as the flags (validate-budgets.ts); anything else wrong is a one-line KC_BAD_CONFIG error.

import { KcheckError } from '../errors.ts';
import { readJsonInput } from '../io/read-input.ts';
import { budgetFromConfig, BUDGET_KEYS } from './validate-budgets.ts';

export interface CheckConfig {
  readonly preset?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly strategy?: string;
  readonly maxDepth?: number;
  readonly maxStates?: number;
  readonly timeLimit?: number;
  readonly walks?: number;
  readonly seed?: number;
  readonly properties?: readonly string[];
}

const KEYS = ['preset', 'params', 'strategy', 'maxDepth', 'maxStates', 'timeLimit', 'walks', 'seed', 'properties'];

export function readConfig(path: string): CheckConfig {
  const json = readJsonInput(path, { code: 'KC_BAD_CONFIG', what: 'config file', fix: 'pass a JSON object file to --config' });
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new KcheckError('KC_BAD_CONFIG', `config file ${path} must hold a JSON object with keys ${KEYS.join(', ')}`);
  }
  for (const key of Object.keys(json)) {
    if (!KEYS.includes(key)) throw new KcheckError('KC_BAD_CONFIG', `config file ${path}: unknown key '${JSON.stringify(key).slice(1, -1).slice(0, 80)}'; valid keys: ${KEYS.join(', ')}`);
  }
  const config = json as Record<string, unknown>;
  for (const key of BUDGET_KEYS) budgetFromConfig(key, config[key], path);
  if (config.params !== undefined && (typeof config.params !== 'object' || config.params === null || Array.isArray(config.params))) {
    throw new KcheckError('KC_BAD_CONFIG', `config file ${path}: params must be an object of name → value`);
  }
  if (config.properties !== undefined && (!Array.isArray(config.properties) || !config.properties.every((p) => typeof p === 'string'))) {
    throw new KcheckError('KC_BAD_CONFIG', `config file ${path}: properties must be an array of property names`);
  }
  for (const key of ['preset', 'strategy']) {
    if (config[key] !== undefined && typeof config[key] !== 'string') throw new KcheckError('KC_BAD_CONFIG', `config file ${path}: ${key} must be a string`);
  }
  if (config.strategy !== undefined && config.strategy !== 'bfs' && config.strategy !== 'simulate') {
    throw new KcheckError('KC_BAD_CONFIG', `config file ${path}: strategy must be bfs or simulate, got ${JSON.stringify(config.strategy).slice(0, 80)}`);
  }
  return config as CheckConfig;
}
