// `kcheck explore <model> [--preset P] [--set k=v]... [--trace FILE.itf.json] [--port N]`: serves a local web UI
// (127.0.0.1 only) to step through a model by hand, like Stateright's Explorer, from the initial state or from a
// stored trace. Runs until interrupted (Ctrl-C), then closes the server and returns 0.

import { readFileSync } from 'node:fs';
import { resolveParams } from '../check/resolve-params.ts';
import { KcheckError } from '../errors.ts';
import { startExploreServer, type ExploreServer } from '../explore-ui/explore-server.ts';
import { parseItf } from '../report/itf.ts';
import type { CliIo, Command } from './command.ts';
import { intOption, listOption, parseOptions } from './parse-options.ts';
import { modelNamed, type Registry } from './registry.ts';

const USAGE = 'kcheck explore <model> [--preset NAME] [--set key=value]... [--trace FILE.itf.json] [--port N]';

/** Resolves the options and starts the server; `explore` then waits for an interrupt. Exported for tests. */
export async function openExplorer(registry: Registry, args: readonly string[]): Promise<ExploreServer> {
  const { positionals, values } = parseOptions(args, { preset: { type: 'string' }, set: { type: 'string', multiple: true }, trace: { type: 'string' }, port: { type: 'string' } }, USAGE);
  if (positionals.length !== 1) throw new KcheckError('KC_USAGE', `explore takes exactly one model name; usage: ${USAGE}`);
  const definition = modelNamed(registry, positionals[0]);
  let params = resolveParams(definition, { preset: values.preset as string | undefined, sets: listOption(values, 'set') });
  let initIndex = 0;
  let startPath: number[] = [];
  if (typeof values.trace === 'string') {
    let text: string;
    try {
      text = readFileSync(values.trace, 'utf8');
    } catch {
      throw new KcheckError('KC_BAD_TRACE', `cannot read trace file ${values.trace}; pass a .itf.json written by kcheck check`);
    }
    const { meta, steps } = parseItf(text, values.trace);
    if (meta.model !== definition.name) throw new KcheckError('KC_BAD_TRACE', `${values.trace} is a trace of ${meta.model}, not ${definition.name}; run kcheck explore ${meta.model} --trace ${values.trace}`);
    params = resolveParams(definition, { values: meta.params });
    initIndex = typeof meta.initIndex === 'number' ? meta.initIndex : 0;
    startPath = steps.slice(1).map((s) => s.meta.actionIndex as number);
  }
  const port = intOption(values, 'port', 0) ?? 7474;
  if (port > 65535) throw new KcheckError('KC_BAD_OPTION', `--port must be at most 65535, got ${port}`);
  const title = `${definition.name}${values.preset ? ` --preset ${values.preset}` : ''}`;
  try {
    return await startExploreServer({ title, model: definition.create(params), properties: definition.properties(params), initIndex, startPath }, port);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new KcheckError('KC_IO', `cannot listen on 127.0.0.1:${port}${code ? ` (${code})` : ''}; pick another --port`);
  }
}

export function exploreCommand(registry: Registry): Command {
  return {
    name: 'explore',
    summary: 'step through a model by hand in a local web UI (enabled actions, pictures, properties, permalinks)',
    usage: USAGE,
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const server = await openExplorer(registry, args);
      io.out(`kcheck explore: open ${server.url} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      await server.close();
      return 0;
    },
  };
}
