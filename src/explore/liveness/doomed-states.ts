// For one property P ~> Q: which ¬Q states can stay in ¬Q forever under fairness. Tarjan over the ¬Q sub-graph
// emits SCCs sinks first, so an SCC is doomed when it holds a fair core or has an edge into a doomed SCC already
// emitted. Every state of a fair core is labelled with the core's id; the lasso search walks towards those.

import { FairCores, type LabelledCsr, type RefusedByBound } from './fair-cores.ts';
import { Tarjan } from './tarjan.ts';

export interface Doom {
  /** Per state: 1 if ¬Q (the sub-graph the search is restricted to). */
  readonly notGoal: Uint8Array;
  /** Per state: its SCC's id in the ¬Q sub-graph, or -1. */
  readonly sccOf: Int32Array;
  /** Per SCC: 1 if a fair cycle (or fair stuttering) is reachable from it within ¬Q. */
  readonly doomed: Uint8Array;
  /** Per state: the id of the fair core it belongs to, or -1. */
  readonly coreOf: Int32Array;
  readonly cores: readonly Uint32Array[];
  readonly sccCount: number;
}

export function findDoomed(
  graph: LabelledCsr,
  size: number,
  goalFlags: Uint8Array,
  goalBit: number,
  fairness: Uint8Array,
  instanceCount: number,
  refused?: RefusedByBound,
): Doom {
  const notGoal = new Uint8Array(size);
  const roots: number[] = [];
  for (let v = 0; v < size; v++) {
    if ((goalFlags[v] & goalBit) === 0) {
      notGoal[v] = 1;
      roots.push(v);
    }
  }
  const sccOf = new Int32Array(size).fill(-1);
  const doomed = new Uint8Array(Math.max(1, roots.length));
  const coreOf = new Int32Array(size).fill(-1);
  const cores: Uint32Array[] = [];
  const fair = new FairCores(graph, size, fairness, instanceCount, refused);
  const { offsets, succ } = graph;
  let sccCount = 0;
  new Tarjan(graph, size).run(roots, notGoal, 1, (component) => {
    const id = sccCount++;
    for (const v of component) sccOf[v] = id;
    let reaches = false;
    for (let i = 0; i < component.length && !reaches; i++) {
      const v = component[i];
      for (let pos = offsets[v]; pos < offsets[v + 1]; pos++) {
        const w = succ[pos];
        if (notGoal[w] === 1 && sccOf[w] !== id && sccOf[w] >= 0 && doomed[sccOf[w]] === 1) {
          reaches = true;
          break;
        }
      }
    }
    const found = fair.find(component);
    for (const core of found) {
      for (const v of core) coreOf[v] = cores.length;
      cores.push(core);
    }
    doomed[id] = reaches || found.length > 0 ? 1 : 0;
  });
  return { notGoal, sccOf, doomed, coreOf, cores, sccCount };
}
