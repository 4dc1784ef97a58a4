import { twoPhaseCommitDefinition as d } from '../../../calibration/two-phase-commit/two-phase-commit-definition.ts';
import { exploreBfs } from '../bfs.ts';
const params = { resourceManagers: 7 };
const props = d.properties(params);
const t = Date.now();
const o = exploreBfs(d.create(params), { properties: props.filter((p) => p.kind !== 'sometimes') as any, witnesses: props.filter((p) => p.kind === 'sometimes') as any });
console.log(o.stats.distinctStates, Date.now() - t);
