// Tarjan's strongly connected components without recursion (an explicit frame stack of (vertex, next edge)),
// over the sub-graph of vertices whose mask entry equals a token: the ¬goal states, or an SCC with some states
// pruned for strong fairness. Components come out in reverse topological order: sinks first.

export interface Csr {
  readonly offsets: Uint32Array;
  readonly succ: Uint32Array;
}

export class Tarjan {
  private readonly index: Int32Array;
  private readonly low: Int32Array;
  private readonly onStack: Uint8Array;
  private readonly stack: Uint32Array;
  private readonly frames: Uint32Array;
  private readonly framePos: Uint32Array;

  constructor(
    private readonly graph: Csr,
    size: number,
  ) {
    this.index = new Int32Array(size).fill(-1);
    this.low = new Int32Array(size);
    this.onStack = new Uint8Array(size);
    this.stack = new Uint32Array(size);
    this.frames = new Uint32Array(size);
    this.framePos = new Uint32Array(size);
  }

  /**
   * Emits every SCC of the vertices `roots` restricted to mask[v] === token (roots must all be in it). Resets its
   * bookkeeping for those vertices afterwards, so one instance serves many calls.
   */
  run(roots: ArrayLike<number>, mask: Uint8Array, token: number, emit: (component: Uint32Array) => void): void {
    const { offsets, succ } = this.graph;
    const { index, low, onStack, stack, frames, framePos } = this;
    let counter = 0;
    let sp = 0;
    for (let r = 0; r < roots.length; r++) {
      const root = roots[r];
      if (index[root] !== -1) continue;
      let fp = 0;
      index[root] = low[root] = counter++;
      stack[sp++] = root;
      onStack[root] = 1;
      frames[fp] = root;
      framePos[fp++] = offsets[root];
      while (fp > 0) {
        const v = frames[fp - 1];
        const pos = framePos[fp - 1];
        if (pos < offsets[v + 1]) {
          framePos[fp - 1] = pos + 1;
          const w = succ[pos];
          if (mask[w] !== token) continue;
          if (index[w] === -1) {
            index[w] = low[w] = counter++;
            stack[sp++] = w;
            onStack[w] = 1;
            frames[fp] = w;
            framePos[fp++] = offsets[w];
          } else if (onStack[w] === 1 && index[w] < low[v]) {
            low[v] = index[w];
          }
          continue;
        }
        fp--;
        if (low[v] === index[v]) {
          let start = sp;
          do start--;
          while (stack[start] !== v);
          const component = stack.slice(start, sp);
          for (let i = start; i < sp; i++) onStack[stack[i]] = 0;
          sp = start;
          emit(component);
        }
        if (fp > 0) {
          const u = frames[fp - 1];
          if (low[v] < low[u]) low[u] = low[v];
        }
      }
    }
    for (let r = 0; r < roots.length; r++) index[roots[r]] = -1;
  }
}
