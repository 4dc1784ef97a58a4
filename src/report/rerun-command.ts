// The `kcheck check` command line that reruns a configuration: the preset (if any) plus a `--set` for every param
// that differs from what the preset (or the defaults) gives, so a CI log's failure can be pasted into a terminal.

import type { ModelDefinition } from '../contract/model-definition.ts';
import type { ParamValues } from '../contract/params.ts';

export function rerunCommand(definition: ModelDefinition, preset: string | null, params: ParamValues, extra: readonly string[] = []): string {
  const base: Record<string, unknown> = Object.fromEntries(definition.params.map((p) => [p.name, p.default]));
  const stock = preset === null ? undefined : definition.presets.find((p) => p.name === preset);
  if (stock) Object.assign(base, stock.params);
  const sets = Object.entries(params).filter(([k, v]) => base[k] !== v).map(([k, v]) => `--set ${k}=${v}`);
  return ['npx kcheck check', definition.name, ...(preset ? [`--preset ${preset}`] : []), ...sets, ...extra].join(' ');
}
