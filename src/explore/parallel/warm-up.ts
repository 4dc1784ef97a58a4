// A worker's private rehearsal before it reports ready: a short BFS from the initial states on a private table,
// through the same ChunkExpander code, so V8 has optimized the hot loop before the worker claims real chunks.
// A cold worker (interpreted code) would otherwise hold up the end of the first levels it joins.

import { StateEncoder } from '../state-encoder.ts';
import { StateLog } from '../state-log.ts';
import { ChunkExpander } from './chunk-expander.ts';
import { buildLevel } from './level-builder.ts';
import type { LoadedModel } from './load-model.ts';
import { CLAIM, CONTROL_INTS, type ChunkPart } from './protocol.ts';
import { allocateLanes, SharedFingerprintTable } from './shared-fingerprint-table.ts';

/** Expands whole levels until about `transitions` successors were generated or `ms` passed; model errors are left for the real run. */
export function warmUp(loaded: LoadedModel, symmetry: boolean, transitions = 30_000, ms = 200): void {
  const started = Date.now();
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_INTS * 4));
  const expander = new ChunkExpander(loaded, symmetry, control, 1);
  let table = new SharedFingerprintTable(allocateLanes(1 << 12), control, 1);
  expander.setTable(table.lanes);
  const encoder = new StateEncoder();
  const records: number[] = [];
  let states = 0;
  const all = (list: readonly unknown[]) => list.map((_, i) => i);
  try {
    loaded.model.init().forEach((state, i) => {
      encoder.reset();
      loaded.model.encode(state, encoder);
      records.push(-1, i, encoder.length, ...encoder.snapshot());
      states++;
    });
    let parts: ChunkPart[] = [{ chunk: 0, records: Int32Array.from(records), states, events: new Int32Array(0), generated: 0, final: true }];
    let generated = 0;
    const log = new StateLog();
    while (generated < transitions && Date.now() - started < ms) {
      const level = buildLevel(parts, log, 1);
      if (level.size === 0) return;
      parts = [];
      Atomics.store(control, CLAIM, 0);
      const plan = { frontier: level.frontier, chunks: level.chunks, chunkCount: level.chunkCount, maxStates: -1, deadline: -1 };
      expander.startLevel({ ...plan, invariants: all(loaded.invariants), actionProperties: all(loaded.actionProperties), witnesses: all(loaded.witnesses) });
      for (let step = expander.step((p) => parts.push(p)); step !== 'done'; step = expander.step((p) => parts.push(p))) {
        if (step === 'pause') {
          table = new SharedFingerprintTable(table.rehash(table.capacity * 2), control, 1);
          expander.setTable(table.lanes);
        }
      }
      for (const part of parts) generated += part.generated;
    }
  } catch {
    // The real search reports model errors with the path to the failing state.
  }
}
