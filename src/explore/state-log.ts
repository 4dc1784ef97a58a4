// Per discovered state, in BFS discovery order: the parent's index and the index of the action (in the parent's
// `actions()` list) that produced it. Initial states have no parent and record their index in `init()`.
// Traces are rebuilt from this by replay, so full states need not be kept once they leave the frontier.

export const NO_PARENT = 0xffffffff;

export class StateLog {
  private parents = new Uint32Array(1 << 16);
  private actions = new Uint16Array(1 << 16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.parents.byteLength + this.actions.byteLength;
  }

  /** Records a state; returns its index. */
  push(parent: number, actionIndex: number): number {
    if (this.count === this.parents.length) {
      const parents = new Uint32Array(this.parents.length * 2);
      parents.set(this.parents);
      this.parents = parents;
      const actions = new Uint16Array(this.actions.length * 2);
      actions.set(this.actions);
      this.actions = actions;
    }
    this.parents[this.count] = parent;
    this.actions[this.count] = actionIndex;
    return this.count++;
  }

  /** The initial-state index and the action indices leading from it to state `index`. */
  pathTo(index: number): { initIndex: number; path: number[] } {
    const path: number[] = [];
    let at = index;
    while (this.parents[at] !== NO_PARENT) {
      path.push(this.actions[at]);
      at = this.parents[at];
    }
    path.reverse();
    return { initIndex: this.actions[at], path };
  }
}
