// The hot loop every thread runs (workers and the main thread alike): claim a chunk of the level's packed
// frontier, expand each state, check action properties on every transition, insert successor fingerprints into
// the shared table and write only the new states (plus property events) into a part for the coordinator.

import type { ActionBase, Model, StateReader } from '../../contract/model.ts';
import { StateEncoder } from '../state-encoder.ts';
import { CoverageCounter } from '../coverage-counter.ts';
import type { LoadedModel } from './load-model.ts';
import { CHUNK_INTS, CLAIM, STOP, EVENT_ACTION, EVENT_ALWAYS, EVENT_WITNESS, RECORD_HEADER, type ChunkPart, type LevelPlan } from './protocol.ts';
import { PartWriter } from './part-writer.ts';
import { HIGH_REMAP, SharedFingerprintTable } from './shared-fingerprint-table.ts';

const RECENT_BITS = 15;
/** A part is handed over once it holds this many states, so no chunk of the next level has to be bigger. */
const PART_STATES = 2048;

/** What a step ended with: a chunk finished, the table must grow first, or no chunk is left for this thread. */
export type StepResult = 'chunk' | 'pause' | 'done';

class PackedReader implements StateReader {
  data: Int32Array<ArrayBufferLike> = new Int32Array(0);
  position = 0;
  int(): number {
    return this.data[this.position++];
  }
}

export class ChunkExpander<S, A extends ActionBase> {
  readonly coverage: CoverageCounter;
  /** Global id of the state being expanded, for error reports. */
  parent = -1;
  /** This level's states expanded and chunks claimed by this thread (diagnostics). */
  expanded = 0;
  chunks = 0;
  private readonly model: Model<S, A>;
  private readonly encoder = new StateEncoder();
  private readonly reader = new PackedReader();
  private readonly canonical: ((state: S) => S) | null;
  private table!: SharedFingerprintTable;
  private plan!: LevelPlan;
  private reportedAlways: Uint8Array;
  private reportedAction: Uint8Array;
  private reportedWitness: Uint8Array;
  // Resume point: chunk (or -1), state within it, its record offset, first action not yet done.
  private chunk = -1;
  private buffer = 0;
  private stateIndex = 0;
  private offset = 0;
  private actionIndex = 0;
  private readonly writer: PartWriter;
  private lastActions: readonly A[] | null = null;
  private slots: number[] = [];
  /**
   * Fingerprints this thread recently looked up, direct-mapped (256 KB, stays in L2). Everything in it is in the
   * shared table (entries are never removed), so a hit is a duplicate without a cache miss into the big table:
   * sibling states reach the same successors, so 40-75% of transitions hit (measured on kafka-spec and 2PC).
   */
  private readonly recent = new Int32Array(2 << RECENT_BITS);

  constructor(
    private readonly loaded: LoadedModel<S, A>,
    symmetry: boolean,
    private readonly control: Int32Array,
    private readonly parties: number,
    slabInts?: number,
  ) {
    this.writer = new PartWriter(control, slabInts);
    this.model = loaded.model;
    this.coverage = new CoverageCounter(this.model.actionTypes);
    this.canonical = symmetry && this.model.canonicalize ? this.model.canonicalize.bind(this.model) : null;
    this.reportedAlways = new Uint8Array(loaded.invariants.length);
    this.reportedAction = new Uint8Array(loaded.actionProperties.length);
    this.reportedWitness = new Uint8Array(loaded.witnesses.length);
  }

  /** Swaps in a (grown) table; only between steps, after this thread's inserts were flushed. */
  setTable(lanes: Int32Array): void {
    this.table = new SharedFingerprintTable(lanes, this.control, this.parties);
  }

  startLevel(plan: LevelPlan): void {
    this.plan = plan;
    this.writer.startLevel(plan.spares ?? []);
    this.chunk = -1;
    this.expanded = this.chunks = 0;
    this.reportedAlways.fill(0);
    this.reportedAction.fill(0);
    this.reportedWitness.fill(0);
  }

  /** Expands (the rest of) one chunk; parts go to `emit`. Model errors propagate, with `parent` set. */
  step(emit: (part: ChunkPart) => void): StepResult {
    const plan = this.plan;
    const table = this.table;
    if (this.chunk < 0) {
      const stop =
        (plan.maxStates >= 0 && table.size >= plan.maxStates) || (plan.deadline >= 0 && Date.now() > plan.deadline) || Atomics.load(this.control, STOP) !== 0;
      if (stop) return this.done();
      if (table.checkFull()) return this.pause(null);
      const k = Atomics.add(this.control, CLAIM, 1);
      if (k >= plan.chunkCount) return this.done();
      this.chunk = k;
      this.chunks++;
      this.buffer = plan.chunks[k * CHUNK_INTS];
      this.offset = plan.chunks[k * CHUNK_INTS + 1];
      this.stateIndex = 0;
      this.actionIndex = 0;
    }
    const frontier = plan.frontier[this.buffer];
    const count = plan.chunks[this.chunk * CHUNK_INTS + 2];
    const firstId = plan.chunks[this.chunk * CHUNK_INTS + 3];
    const model = this.model;
    const { invariants: invIndex, actionProperties: actIndex, witnesses: witIndex } = plan;
    const encoder = this.encoder;
    const canonical = this.canonical;
    const reader = this.reader;
    reader.data = frontier;
    const recent = this.recent;
    const enabled = this.coverage.enabled;
    const freshCount = this.coverage.fresh;
    const writer = this.writer;
    const spares = plan.spares ?? [];
    let generated = 0;
    try {
      while (this.stateIndex < count) {
        reader.position = this.offset + RECORD_HEADER;
        const state = model.decode!(reader);
        const parent = firstId + this.stateIndex;
        this.parent = parent;
        const actions = model.actions(state);
        if (actions !== this.lastActions) {
          // Models that return one shared action array pay for coverage slots once, not per transition.
          this.lastActions = actions;
          this.slots = actions.map((action) => this.coverage.slot(action.type));
          if (this.coverage.enabled !== enabled) return this.step(emit); // the tally grew: reload its arrays
        }
        const slots = this.slots;
        for (let a = this.actionIndex; a < actions.length; a++) {
          if (table.overLimit) {
            this.actionIndex = a;
            writer.generated += generated;
            generated = 0;
            return this.pause(emit);
          }
          const action = actions[a];
          const next = model.next(state, action);
          if (next === undefined) continue;
          generated++;
          enabled[slots[a]]++;
          if (actIndex.length > 0) this.checkAction(state, action, next, parent, a);
          if (next === state) continue; // a stuttering step: the state itself is in the table already
          encoder.reset();
          model.encode(canonical ? canonical(next) : next, encoder);
          let high = encoder.hash() | 0;
          let low = encoder.low | 0;
          if (high === 0) high = HIGH_REMAP; // the table's remap, so an empty recent slot (0) never matches
          if (low === 0) low = 1;
          const at = ((high ^ Math.imul(low, 0x27d4eb2d)) >>> (32 - RECENT_BITS)) << 1;
          if (recent[at] === high && recent[at + 1] === low) continue;
          recent[at] = high;
          recent[at + 1] = low;
          if (!table.insert(high, low)) continue;
          freshCount[slots[a]]++;
          if (canonical) {
            encoder.reset();
            model.encode(next, encoder); // the frontier keeps the real state so action indices replay exactly
          }
          if (!writer.fits(encoder.length)) {
            // The slab is full: hand over what it holds and go on in another one.
            if (writer.states > 0) {
              writer.generated += generated;
              generated = 0;
              emit(writer.take(this.chunk, false));
            }
            writer.nextSlab(spares, encoder.length);
          }
          writer.write(parent, a, encoder.buffer, encoder.length);
          if (invIndex.length > 0 || witIndex.length > 0) this.checkState(next, parent, a);
          if (writer.states === PART_STATES) {
            writer.generated += generated;
            generated = 0;
            emit(writer.take(this.chunk, false));
          }
        }
        this.actionIndex = 0;
        this.stateIndex++;
        this.expanded++;
        this.offset += frontier[this.offset + 2] + RECORD_HEADER;
      }
    } finally {
      writer.generated += generated;
    }
    emit(writer.take(this.chunk, true));
    this.chunk = -1;
    return 'chunk';
  }

  private checkAction(state: S, action: A, next: S, parent: number, a: number): void {
    const { actionProperties } = this.loaded;
    for (const p of this.plan.actionProperties) {
      if (this.reportedAction[p] === 0 && !actionProperties[p].check(state, action, next)) {
        this.reportedAction[p] = 1;
        this.writer.events.push(EVENT_ACTION, p, parent, a);
      }
    }
  }

  private checkState(next: S, parent: number, a: number): void {
    const { invariants, witnesses } = this.loaded;
    for (const p of this.plan.invariants) {
      if (this.reportedAlways[p] === 0 && !invariants[p].check(next)) {
        this.reportedAlways[p] = 1;
        this.writer.events.push(EVENT_ALWAYS, p, parent, a);
      }
    }
    for (const w of this.plan.witnesses) {
      if (this.reportedWitness[w] === 0 && witnesses[w].check(next)) {
        this.reportedWitness[w] = 1;
        this.writer.events.push(EVENT_WITNESS, w, parent, a);
      }
    }
  }

  private pause(emit: ((part: ChunkPart) => void) | null): StepResult {
    this.table.flush();
    if (emit) emit(this.writer.take(this.chunk, false));
    return 'pause';
  }

  private done(): StepResult {
    this.table.flush();
    return 'done';
  }
}
