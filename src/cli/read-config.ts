// Reads a `--config FILE.json`: {"preset"?, "params"?: {...}, "strategy"?, "maxDepth"?, "maxStates"?,
// "timeLimit"?, "walks"?, "seed"?, "properties"?: [...]}. Command-line flags override it. Anything unreadable or
// unknown is a one-line KC_BAD_CONFIG error naming the valid keys.

import { readFileSync } from 'node:fs';
import { KcheckError } from '../errors.ts';

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
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new KcheckError('KC_BAD_CONFIG', `cannot read config file ${path}; pass an existing JSON file to --config`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KcheckError('KC_BAD_CONFIG', `config file ${path} is not valid JSON (${(error as Error).message})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new KcheckError('KC_BAD_CONFIG', `config file ${path} must hold a JSON object with keys ${KEYS.join(', ')}`);
  }
  for (const key of Object.keys(json)) {
    if (!KEYS.includes(key)) throw new KcheckError('KC_BAD_CONFIG', `config file ${path}: unknown key '${key}'; valid keys: ${KEYS.join(', ')}`);
  }
  const config = json as Record<string, unknown>;
  for (const key of ['maxDepth', 'maxStates', 'timeLimit', 'walks', 'seed']) {
    const v = config[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) {
      throw new KcheckError('KC_BAD_CONFIG', `config file ${path}: ${key} must be a non-negative integer`);
    }
  }
  if (config.params !== undefined && (typeof config.params !== 'object' || config.params === null || Array.isArray(config.params))) {
    throw new KcheckError('KC_BAD_CONFIG', `config file ${path}: params must be an object of name → value`);
  }
  if (config.properties !== undefined && (!Array.isArray(config.properties) || !config.properties.every((p) => typeof p === 'string'))) {
    throw new KcheckError('KC_BAD_CONFIG', `config file ${path}: properties must be an array of property names`);
  }
  for (const key of ['preset', 'strategy']) {
    if (config[key] !== undefined && typeof config[key] !== 'string') throw new KcheckError('KC_BAD_CONFIG', `config file ${path}: ${key} must be a string`);
  }
  return config as CheckConfig;
}
