// Test helper: a model's `decode` reads back exactly what `encode` wrote, consuming every int, for each given state
// (the packed BFS frontier and the parallel explorer's threads rely on it).
import { expect } from 'vitest';
import type { ActionBase, Model, StateReader, StateWriter } from '../src/contract/model.ts';

export function expectDecodeRoundTrip<S, A extends ActionBase>(model: Model<S, A>, states: readonly S[]): void {
  for (const s of states) {
    const ints: number[] = [];
    const writer: StateWriter = { int: (v) => void ints.push(v) };
    model.encode(s, writer);
    let i = 0;
    const reader: StateReader = { int: () => ints[i++] };
    expect(model.decode!(reader)).toEqual(s);
    expect(i).toBe(ints.length);
  }
}
