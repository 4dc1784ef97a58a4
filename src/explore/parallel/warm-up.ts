// A worker's private rehearsal before it reports ready: a short BFS from the initial states on a private table,
// through the same ChunkExpander code, so V8 has optimized the hot loop before the worker claims real chunks.
// A cold worker (interpreted code) would otherwise hold up the end of the first levels it joins.

import { StateEncoder } from '../state-encoder.ts';
import { ChunkExpander } from './chunk-expander.ts';
import { buildLevel } from './level-builder.ts';
import type { LoadedModel } from './load-model.ts';
import { CLAIM, CONTROL_INTS, STRIDE, type ChunkPart } from './protocol.ts';
import { allocateLanes, SharedFingerprintTable } from './shared-fingerprint-table.ts';

/**
 * Expands levels until about `states` distinct states were found or `ms` passed (both also stop the claiming of
 * chunks within a level, so one big level cannot overrun them); model errors are left for the real run.
 */
export function warmUp(loaded: LoadedModel, symmetry: boolean, states = 4_000, ms = 100): void {
  const started = Date.now();
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_INTS * 4));
  const expander = new ChunkExpander(loaded, symmetry, control, 1, 1 << 16); // a few states: small slabs
  let table = new SharedFingerprintTable(allocateLanes(1 << 12), control, 1);
  expander.setTable(table.lanes);
  const encoder = new StateEncoder();
  const all = (list: readonly unknown[]) => list.map((_, i) => i);
  try {
    // Up to STRIDE initial states are enough to start from (a part notes one offset per STRIDE states).
    const records: number[] = [];
    const initial = loaded.model.init().slice(0, STRIDE);
    initial.forEach((state, i) => {
      encoder.reset();
      loaded.model.encode(state, encoder);
      records.push(-1, i, encoder.length, ...encoder.snapshot());
    });
    const shared = new Int32Array(new SharedArrayBuffer(Math.max(records.length, 1) * 4));
    shared.set(records);
    const first = { chunk: 0, records: shared.subarray(0, records.length), states: initial.length, strides: Int32Array.of(0), events: new Int32Array(0), generated: 0, final: true, slab: null };
    let parts: ChunkPart[] = [first];
    const deadline = started + ms;
    while (table.size < states && Date.now() < deadline) {
      const level = buildLevel(parts, 0, 1);
      if (level.size === 0) return;
      parts = [];
      Atomics.store(control, CLAIM, 0);
      const plan = { frontier: level.frontier, chunks: level.chunks, chunkCount: level.chunkCount, maxStates: states, deadline };
      expander.startLevel({ ...plan, invariants: all(loaded.invariants), actionProperties: all(loaded.actionProperties), witnesses: all(loaded.witnesses) });
      for (let step = expander.step((p) => parts.push(p)); step !== 'done'; step = expander.step((p) => parts.push(p))) {
        if (step === 'pause') {
          table = new SharedFingerprintTable(table.rehash(table.capacity * 2), control, 1);
          expander.setTable(table.lanes);
        }
      }
    }
  } catch {
    // The real search reports model errors with the path to the failing state.
  }
}

