// `--verify-encode`: the explorer trusts `encode`, so a model that forgets a field silently merges distinct states.
// This walks up to `samples` reachable states breadth-first, keyed on their exact encodings (not fingerprints),
// and requires that equal encodings mean equal variables() (and, with decode, that decode inverts encode).

import type { ActionBase, Model, TraceValue } from '../contract/model.ts';
import { KcheckError } from '../errors.ts';
import { StateEncoder } from '../explore/state-encoder.ts';

export const DEFAULT_ENCODE_SAMPLES = 20_000;

export interface EncodeReport {
  /** Distinct encodings seen (states sampled). */
  readonly states: number;
}

/** Sorted-key JSON, so two variable records compare structurally. */
function canonical(value: TraceValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, TraceValue>;
  return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}

function encodingOf<S>(model: Model<S, ActionBase>, state: S, encoder: StateEncoder): number[] {
  encoder.reset();
  model.encode(state, encoder);
  return Array.from(encoder.buffer.subarray(0, encoder.length));
}

/** Throws KC_ENCODE_COLLISION on the first two states that share an encoding but differ in their variables. */
export function verifyEncode<S, A extends ActionBase>(name: string, model: Model<S, A>, samples = DEFAULT_ENCODE_SAMPLES): EncodeReport {
  const encoder = new StateEncoder();
  const seen = new Map<string, string>();
  const queue: S[] = [];
  const visit = (state: S): void => {
    const ints = encodingOf(model as Model<S, ActionBase>, state, encoder);
    const key = ints.join(',');
    const vars = canonical(model.variables(state) as TraceValue);
    const earlier = seen.get(key);
    if (earlier === undefined) {
      if (seen.size >= samples) return;
      seen.set(key, vars);
      queue.push(state);
      if (model.decode) checkDecode(name, model, ints, vars);
    } else if (earlier !== vars) {
      throw new KcheckError(
        'KC_ENCODE_COLLISION',
        `model ${name}: two reachable states share the encoding [${ints.slice(0, 12).join(',')}${ints.length > 12 ? ',…' : ''}] but differ in their variables — encode must write every field variables() shows; first ${earlier}, then ${vars}`,
      );
    }
  };
  for (const state of model.init()) visit(state);
  for (let i = 0; i < queue.length; i++) {
    for (const action of model.actions(queue[i])) {
      const next = model.next(queue[i], action);
      if (next !== undefined) visit(next);
    }
  }
  return { states: seen.size };
}

function checkDecode<S, A extends ActionBase>(name: string, model: Model<S, A>, ints: readonly number[], vars: string): void {
  let at = 0;
  const decoded = model.decode!({ int: () => ints[at++] });
  const back = canonical(model.variables(decoded) as TraceValue);
  if (back !== vars) {
    throw new KcheckError('KC_ENCODE_COLLISION', `model ${name}: decode does not invert encode: ${vars} came back as ${back}`);
  }
}
