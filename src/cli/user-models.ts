// The user's models beside the built-in ones: those a kcheck.config.{json,js,mjs,ts} in the working directory
// registers (`{"models": ["./path/model.mjs", ...]}`), the file `kcheck check ./model.ts` names (its argument is
// replaced by the model's name), and the module a trace recorded for `kcheck replay` — with a note when it changed.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { moduleHash } from '../check/model-provenance.ts';
import { readTrace } from '../check/replay-trace.ts';
import type { ModelDefinition } from '../contract/model-definition.ts';
import { KcheckError } from '../errors.ts';
import type { CliIo } from './command.ts';
import { ensureTypeScript, loadModelModule, looksLikeModelPath } from './load-model-module.ts';
import type { Registry } from './registry.ts';

const CONFIG_FILES = ['kcheck.config.json', 'kcheck.config.mjs', 'kcheck.config.js', 'kcheck.config.ts'];

/** The module paths a config file registers (relative to the config file's directory). */
async function configModels(file: string): Promise<readonly string[]> {
  let config: unknown;
  if (file.endsWith('.json')) {
    try {
      config = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new KcheckError('KC_BAD_CONFIG', `${file} is not valid JSON (${(error as Error).message})`);
    }
  } else {
    config = (await loadConfigModule(file)).default;
  }
  const models = (config as { models?: unknown } | null)?.models;
  if (!Array.isArray(models) || !models.every((m) => typeof m === 'string')) {
    throw new KcheckError('KC_BAD_CONFIG', `${file} must hold {"models": ["./path/model.mjs", ...]}: a list of model module paths`);
  }
  return models as string[];
}

async function loadConfigModule(file: string): Promise<Record<string, unknown>> {
  await ensureTypeScript(file);
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new KcheckError('KC_BAD_CONFIG', `cannot load ${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

/** `check`'s flags without a value; every other `--flag` (without `=`) takes the next argument. */
const BOOLEAN_FLAGS = new Set(['--symmetry', '--continue', '--verify-encode', '--help', '-h']);

function firstPositional(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('-')) return i;
    if (!BOOLEAN_FLAGS.has(args[i]) && !args[i].includes('=')) i++;
  }
  return -1;
}

function add(models: ModelDefinition[], definition: ModelDefinition, from: string): void {
  const twin = models.find((m) => m.name === definition.name);
  if (twin && twin.source?.moduleUrl !== definition.source?.moduleUrl) {
    throw new KcheckError('KC_BAD_MODEL', `${from}: model name '${definition.name}' is already taken${twin.source ? ` by ${twin.source.moduleUrl}` : ' by a built-in model'}; give it another name`);
  }
  if (!twin) models.push(definition);
}

/** The registry and arguments the command runs with, once the user's models are loaded. */
export async function withUserModels(argv: readonly string[], registry: Registry, io: CliIo, cwd = process.cwd()): Promise<{ registry: Registry; argv: readonly string[] }> {
  const models = [...registry.models];
  const config = CONFIG_FILES.map((f) => join(cwd, f)).find((f) => existsSync(f));
  if (config) {
    for (const path of await configModels(config)) add(models, await loadModelModule(path, dirname(config)), config);
  }
  let args = argv;
  const [command, ...rest] = argv;
  const first = firstPositional(rest);
  if (command === 'check' && first >= 0 && looksLikeModelPath(rest[first])) {
    const definition = await loadModelModule(rest[first], cwd);
    add(models, definition, rest[first]);
    args = [command, ...rest.slice(0, first), definition.name, ...rest.slice(first + 1)];
  }
  if (command === 'replay' && first === 0) {
    let meta: { model?: unknown; modelSource?: { module?: unknown; export?: unknown; moduleHash?: unknown } } | undefined;
    try {
      meta = readTrace(rest[0]).meta;
    } catch {
      meta = undefined; // the replay command reports an unreadable trace itself
    }
    const source = meta?.modelSource;
    if (source && typeof source.module === 'string') {
      const now = moduleHash(resolve(cwd, source.module));
      if (now !== null && source.moduleHash && now !== source.moduleHash) {
        io.err(`kcheck replay: note: ${source.module} changed since this trace was written (module hash ${source.moduleHash} → ${now}); a divergence below may come from that\n`);
      }
    }
    if (source && typeof source.module === 'string' && !models.some((m) => m.name === meta?.model)) {
      add(models, await loadModelModule(source.module, cwd, typeof source.export === 'string' ? source.export : undefined), rest[0]);
    }
  }
  return { registry: { ...registry, models }, argv: args };
}
