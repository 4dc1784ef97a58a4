// How much independence a model's reachable states hold, whatever --por's footprints say: BFS to CAP distinct
// states (default 200,000), then at about 400 states per level, every pair of enabled actions is taken in both
// orders and counted as commuting when both orders are enabled and reach the same encoding. A benchmark, not a
// test: `npx tsx bench/commutation-census.ts replicas=3` (replication; `--set`-style params).
import { createModel } from '../src/check/create-model.ts';
import { resolveParams } from '../src/check/resolve-params.ts';
import type { ActionBase, Model } from '../src/contract/model.ts';
import { StateEncoder } from '../src/explore/state-encoder.ts';
import { replicationDefinition } from '../properties/replication/replication-definition.ts';

const model = createModel(replicationDefinition, resolveParams(replicationDefinition, { sets: process.argv.slice(2) })) as Model<unknown, ActionBase>;
const encoder = new StateEncoder();
const key = (s: unknown): string => {
  encoder.reset();
  model.encode(s, encoder);
  return encoder.snapshot().join(',');
};
const cap = Number(process.env.CAP ?? 200_000);
const seen = new Set<string>();
let frontier = model.init().slice();
for (const s of frontier) seen.add(key(s));
const sample: unknown[] = [];
let depth = 0;
while (frontier.length > 0 && seen.size < cap) {
  const next: unknown[] = [];
  for (const s of frontier) {
    for (const a of model.actions(s)) {
      const t = model.next(s, a);
      if (t === undefined) continue;
      const k = key(t);
      if (seen.has(k)) continue;
      seen.add(k);
      next.push(t);
    }
  }
  frontier = next;
  depth++;
  for (let i = 0; i < next.length; i += Math.max(1, Math.floor(next.length / 400))) sample.push(next[i]);
}
let pairs = 0;
let commuting = 0;
let withFreeAction = 0;
const byKinds = new Map<string, [number, number]>();
for (const s of sample) {
  const enabled = model.actions(s).flatMap((a) => {
    const t = model.next(s, a);
    return t === undefined ? [] : [{ a, t }];
  });
  const free = new Array<number>(enabled.length).fill(0);
  for (let i = 0; i < enabled.length; i++) {
    for (let j = i + 1; j < enabled.length; j++) {
      const ij = model.next(enabled[i].t, enabled[j].a);
      const ji = model.next(enabled[j].t, enabled[i].a);
      const ok = ij !== undefined && ji !== undefined && key(ij) === key(ji);
      const kinds = [enabled[i].a.type, enabled[j].a.type].sort().join(' | ');
      const row = byKinds.get(kinds) ?? [0, 0];
      row[0]++;
      pairs++;
      if (ok) {
        row[1]++;
        commuting++;
        free[i]++;
        free[j]++;
      }
      byKinds.set(kinds, row);
    }
  }
  if (enabled.length > 1 && free.some((c) => c === enabled.length - 1)) withFreeAction++;
}
const pct = (x: number, n: number): string => `${((100 * x) / n).toFixed(1)}%`;
console.log(`BFS to depth ${depth}, ${seen.size} distinct; ${sample.length} sampled states`);
console.log(`enabled pairs that commute where they are: ${commuting} of ${pairs} (${pct(commuting, pairs)})`);
console.log(`states with an action that commutes with every other enabled one: ${withFreeAction} (${pct(withFreeAction, sample.length)})`);
for (const [kinds, [n, c]] of [...byKinds].sort((x, y) => y[1][0] - x[1][0]).slice(0, 20)) console.log(`  ${kinds}: ${c} of ${n}`);
