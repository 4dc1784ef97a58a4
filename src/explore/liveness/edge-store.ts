// The liveness graph's successor edges in compressed sparse rows: BFS expands states in index order, so state
// i's edges are one contiguous run, offsets[i] .. offsets[i + 1]. Per edge only the successor's index (Uint32)
// and the action instance's id (Uint16, widened to Uint32 once there are more than 65,535 instances): 6 bytes.

export class EdgeStore {
  private succ = new Uint32Array(1 << 16);
  private act: Uint16Array | Uint32Array = new Uint16Array(1 << 16);
  private offs = new Uint32Array(1 << 14);
  private edges = 0;
  private states = 0;

  get edgeCount(): number {
    return this.edges;
  }

  get stateCount(): number {
    return this.states;
  }

  /** Bytes of the edge arrays alone, over the edges held (offsets are per state, counted in `bytes`). */
  get bytesPerEdge(): number {
    return 4 + this.act.BYTES_PER_ELEMENT;
  }

  get bytes(): number {
    return this.edges * this.bytesPerEdge + (this.states + 1) * 4;
  }

  /** Starts the edge run of the next state (states must be opened in index order). */
  openState(): void {
    if (this.states + 2 > this.offs.length) this.offs = grow32(this.offs, this.offs.length * 2);
    this.offs[this.states] = this.edges;
    this.states++;
    this.offs[this.states] = this.edges;
  }

  /** Adds an edge out of the most recently opened state. */
  add(successor: number, instance: number): void {
    if (this.edges === this.succ.length) {
      this.succ = grow32(this.succ, this.succ.length * 2);
      this.act = this.act instanceof Uint16Array ? grow16(this.act, this.act.length * 2) : grow32(this.act, this.act.length * 2);
    }
    if (instance > 0xffff && this.act instanceof Uint16Array) {
      const wide = new Uint32Array(this.act.length);
      wide.set(this.act);
      this.act = wide;
    }
    this.succ[this.edges] = successor;
    this.act[this.edges] = instance;
    this.edges++;
    this.offs[this.states] = this.edges;
  }

  /** Views for the SCC and lasso passes: edges of state i are succ/act[offsets[i] .. offsets[i + 1]). */
  view(): { readonly offsets: Uint32Array; readonly succ: Uint32Array; readonly act: Uint16Array | Uint32Array } {
    return { offsets: this.offs, succ: this.succ, act: this.act };
  }
}

function grow32(a: Uint32Array, length: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(length);
  b.set(a);
  return b;
}

function grow16(a: Uint16Array, length: number): Uint16Array<ArrayBuffer> {
  const b = new Uint16Array(length);
  b.set(a);
  return b;
}
