// Test helper: the trace a run wrote for (model, preset, property). Report files carry the configuration's params
// hash (`<model>.<preset|custom>.<hash>.<property>.itf.json`), so tests find the file instead of spelling the hash.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function traceFile(dir: string, model: string, preset: string | null, property: string): string {
  const stem = new RegExp(`^${escape(model)}\\.${escape(preset ?? 'custom')}\\.[0-9a-f]{8}\\.${escape(property)}\\.itf\\.json$`);
  const found = readdirSync(dir).filter((f) => stem.test(f));
  if (found.length !== 1) throw new Error(`expected one trace ${stem} in ${dir}, found ${found.length}: ${found.join(', ')}`);
  return join(dir, found[0]);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
