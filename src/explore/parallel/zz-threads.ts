import { readdirSync, readFileSync } from 'node:fs';
import { exploreParallel } from './explore-parallel.ts';
function threads(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, (Number(f[11]) + Number(f[12])) * 10);
    } catch {}
  }
  return out;
}
const source = { moduleUrl: new URL('../../../properties/registry.ts', import.meta.url).href, exportName: 'registry', model: 'two-phase-commit', params: { resourceManagers: Number(process.env.RMS ?? 8) }, properties: [] };
await import(source.moduleUrl);
for (const w of (process.env.W ?? '1,2').split(',').map(Number)) {
  const before = threads(); const t = Date.now();
  const levels: string[] = [];
  let workerParts = 0, mainParts = 0;
  const o = await exploreParallel(source, { workers: w, onLevel: (l) => { workerParts += l.workerParts; mainParts += l.mainParts; if (l.workerParts > 0 && levels.length === 0) levels.push(`first worker part at level ${l.depth}`); } });
  const wall = Date.now() - t;
  const after = threads();
  const rows = [...after.keys()].map((k) => [k, after.get(k)! - (before.get(k) ?? 0)] as const).filter(([, v]) => v > 0);
  console.log('workers', w, o.stats.distinctStates, 'wall', wall, 'threads', rows.map(([k, v]) => `${k}=${v}`).join(' '), 'parts main/worker', mainParts, workerParts, levels.join());
}
