// The coordinator's list of slabs that may be written again (see SLAB_INTS): after level d was expanded and its
// states logged, nobody reads the slabs of its frontier; level d + 1 writes its new states into them.

import { SPARE_CLAIM, type ChunkPart } from './protocol.ts';

export class SlabPool {
  /** The slabs the next level may take, by index from control[SPARE_CLAIM] (reset per level by the caller). */
  spares: Int32Array[] = [];
  /** The parts of the frontier the running level expands. */
  private frontier: readonly ChunkPart[] = [];

  constructor(private readonly control: Int32Array) {}

  /**
   * After a level: the spares no thread took, plus the slabs of the frontier the level expanded (all logged by
   * now); `next` is the next frontier. A slab still holding a state of it would be overwritten while read: refused.
   * Returns how many slabs hold `next`.
   */
  recycle(next: readonly ChunkPart[]): number {
    const untaken = this.spares.slice(Atomics.load(this.control, SPARE_CLAIM));
    const spares = [...untaken, ...slabsOf(this.frontier).values()];
    const live = slabsOf(next);
    const ids = new Set<number>();
    for (const slab of spares) {
      if (live.has(slab[0]) || ids.has(slab[0])) throw new Error(`internal: slab ${slab[0]} would be recycled while in use`);
      ids.add(slab[0]);
    }
    this.spares = spares;
    this.frontier = next;
    return live.size;
  }
}

/**
 * The slabs holding `parts`' states by id (int 0). An empty part names the slab its thread was writing, which may
 * still be in use (a thread keeps a slab it wrote nothing into), so it does not count.
 */
function slabsOf(parts: readonly ChunkPart[]): Map<number, Int32Array> {
  const slabs = new Map<number, Int32Array>();
  for (const part of parts) if (part.slab !== null && part.states > 0) slabs.set(part.slab[0], part.slab);
  return slabs;
}
