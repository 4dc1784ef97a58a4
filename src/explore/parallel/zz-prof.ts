import { exploreParallel } from './explore-parallel.ts';
const source = { moduleUrl: new URL('../../../properties/registry.ts', import.meta.url).href, exportName: 'registry', model: 'two-phase-commit', params: { resourceManagers: Number(process.env.RMS ?? 7) }, properties: [] };
const t = Date.now();
const o = await exploreParallel(source, { workers: Number(process.env.W ?? 1) });
console.log(o.stats.distinctStates, Date.now() - t);
