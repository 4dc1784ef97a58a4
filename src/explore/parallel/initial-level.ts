// Level 0 of the parallel BFS, built on the main thread exactly as exploreBfs does it: each initial state is
// fingerprinted (canonicalized under symmetry) into the shared table, checked against invariants and witnesses,
// and, if new, recorded with no parent (-1) in a part that becomes the first frontier.

import { StateEncoder } from '../state-encoder.ts';
import type { Findings } from './findings.ts';
import type { LoadedModel } from './load-model.ts';
import { EVENT_ALWAYS, EVENT_WITNESS, STRIDE, type ChunkPart } from './protocol.ts';
import type { SharedFingerprintTable } from './shared-fingerprint-table.ts';

export function initialLevel(
  loaded: LoadedModel,
  initial: readonly unknown[],
  table: SharedFingerprintTable,
  findings: Findings,
  symmetry: boolean,
): { part: ChunkPart; generated: number } {
  const { model } = loaded;
  const canonical = symmetry && model.canonicalize ? model.canonicalize.bind(model) : null;
  const encoder = new StateEncoder();
  const records: number[] = [];
  const strides: number[] = [];
  let states = 0;
  let generated = 0;
  for (let i = 0; i < initial.length && !findings.done(); i++) {
    generated++;
    const state = initial[i];
    encoder.reset();
    model.encode(canonical ? canonical(state) : state, encoder);
    if (!table.insert(encoder.hash(), encoder.low)) continue;
    if (canonical) {
      encoder.reset();
      model.encode(state, encoder); // the frontier keeps the real state so action indices replay exactly
    }
    if (states % STRIDE === 0) strides.push(records.length);
    records.push(-1, i, encoder.length, ...encoder.snapshot());
    states++;
    loaded.invariants.forEach((p, k) => {
      if (!p.check(state)) findings.event(EVENT_ALWAYS, k, -1, i);
    });
    loaded.witnesses.forEach((w, k) => {
      if (w.check(state)) findings.event(EVENT_WITNESS, k, -1, i);
    });
  }
  table.flush();
  const shared = new Int32Array(new SharedArrayBuffer(Math.max(records.length, 1) * 4));
  shared.set(records);
  const part = { chunk: 0, records: shared.subarray(0, records.length), states, strides: Int32Array.from(strides), events: new Int32Array(0), generated, final: true, slab: null };
  return { part, generated };
}
