// `kcheck list`: every model with its params (type, default, range, doc), presets (expectation, doc) and
// properties (kind, doc). `--format json` prints {"models": [{name, params, presets, properties}]}.

import type { ModelDefinition } from '../contract/model-definition.ts';
import { describeRange } from '../contract/params.ts';
import { KcheckError } from '../errors.ts';
import type { CliIo, Command } from './command.ts';
import { enumOption, helpText, parseOptions, type OptionSpec } from './parse-options.ts';
import type { Registry } from './registry.ts';

const USAGE = 'kcheck list [--format text|json]';
const OPTIONS = { format: { type: 'string', arg: 'text|json', doc: 'text for people, or one JSON object {models: [...]}', shown: 'text' } } as const satisfies OptionSpec;

export function describeModel(definition: ModelDefinition) {
  const defaults = Object.fromEntries(definition.params.map((p) => [p.name, p.default]));
  return {
    name: definition.name,
    doc: definition.doc,
    params: definition.params.map((p) => ({ ...p })),
    presets: definition.presets.map((p) => ({ name: p.name, doc: p.doc, params: p.params, expect: p.expect })),
    properties: definition.properties(defaults).map((p) => ({ name: p.name, kind: p.kind, doc: p.doc })),
  };
}

function expectation(expect: ModelDefinition['presets'][number]['expect']): string {
  return 'holds' in expect ? 'holds' : 'bounded' in expect ? `bounded ${expect.bounded.join(', ')}` : `violates ${expect.violates.join(', ')}`;
}

export function listCommand(registry: Registry): Command {
  return {
    name: 'list',
    summary: 'list models with their params, presets and properties',
    usage: USAGE,
    help: () => helpText('kcheck list — every model with its params, presets and properties', USAGE, OPTIONS, ['npx kcheck list', 'npx kcheck list --format json']),
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, values } = parseOptions(args, OPTIONS, USAGE);
      if (positionals.length > 0) throw new KcheckError('KC_USAGE', `list takes no arguments; usage: ${USAGE}`);
      const models = registry.models.map(describeModel);
      if (enumOption(values, 'format', ['text', 'json'] as const, 'text') === 'json') {
        io.out(`${JSON.stringify({ models })}\n`);
        return 0;
      }
      const lines: string[] = [];
      for (const [i, m] of models.entries()) {
        lines.push(`${m.name} — ${m.doc}`, '  params:');
        for (const p of registry.models[i].params) lines.push(`    ${p.name} = ${p.default}  (${describeRange(p)}) ${p.doc}`);
        lines.push('  presets:');
        for (const p of registry.models[i].presets) lines.push(`    ${p.name}  [${expectation(p.expect)}] ${p.doc}`);
        lines.push('  properties:');
        for (const p of m.properties) lines.push(`    ${p.name}  (${p.kind}) ${p.doc}`);
        lines.push('');
      }
      io.out(`${lines.join('\n')}`);
      return 0;
    },
  };
}
