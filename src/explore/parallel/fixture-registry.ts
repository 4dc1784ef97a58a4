// Test-only models for the parallel explorer, loaded by worker threads through this module's `registry` export:
// a grid walk with a symmetric variant (canonicalize) and a bug that throws, and one without decode.
// Not Kafka; they exist so src/explore/parallel tests need no model from model/.

import { isMainThread } from 'node:worker_threads';
import type { Registry } from '../../cli/registry.ts';
import type { Model } from '../../contract/model.ts';
import type { ModelDefinition } from '../../contract/model-definition.ts';
import { actionProperty, always, sometimes } from '../../contract/property.ts';

export interface Grid {
  readonly a: number;
  readonly b: number;
}
type Step = { readonly type: 'incA' } | { readonly type: 'incB' } | { readonly type: 'swap' };

const STEPS: readonly Step[] = [{ type: 'incA' }, { type: 'incB' }, { type: 'swap' }];

/**
 * Two counters up to `size`; `throwAt` (if ≥ 0) makes `next` throw once a + b reaches it — only in worker threads
 * when `workersOnly`, so a test can be sure the error crossed threads.
 */
function grid(size: number, throwAt: number, workersOnly: boolean, initials: number, withDecode: boolean): Model<Grid, Step> {
  const throws = throwAt >= 0 && (!workersOnly || !isMainThread);
  // (0,0), (1,0), ... and (0,0) again: initial states include a duplicate.
  const initial = [...Array.from({ length: initials }, (_, a) => ({ a, b: 0 })), { a: 0, b: 0 }];
  const model: Model<Grid, Step> = {
    actionTypes: ['incA', 'incB', 'swap'],
    init: () => initial,
    actions: () => STEPS,
    next(s, step) {
      if (throws && s.a + s.b >= throwAt) throw new Error(`grid broke at a=${s.a} b=${s.b}`);
      if (step.type === 'incA') return s.a < size ? { a: s.a + 1, b: s.b } : undefined;
      if (step.type === 'incB') return s.b < size ? { a: s.a, b: s.b + 1 } : undefined;
      return s.a !== s.b ? { a: s.b, b: s.a } : undefined;
    },
    encode(s, out) {
      out.int(s.a);
      out.int(s.b);
    },
    canonicalize: (s) => (s.a <= s.b ? s : { a: s.b, b: s.a }),
    variables: (s) => ({ a: s.a, b: s.b }),
  };
  if (withDecode) model.decode = (input) => ({ a: input.int(), b: input.int() });
  return model;
}

function definition(name: string, withDecode: boolean): ModelDefinition<Grid, Step> {
  return {
    name,
    doc: 'test grid: two bounded counters and a swap',
    params: [
      { name: 'size', type: 'int', default: 40, min: 1, max: 2000, doc: 'largest counter value' },
      { name: 'throwAt', type: 'int', default: -1, min: -1, max: 4000, doc: 'a + b at which next() throws (-1: never)' },
      { name: 'initials', type: 'int', default: 2, min: 1, max: 2000, doc: 'initial states (a, 0) for a below this, plus (0, 0) again' },
      { name: 'workersOnly', type: 'bool', default: false, doc: 'throw only in worker threads' },
      { name: 'limit', type: 'int', default: 1000000, min: 0, max: 1000000, doc: 'a + b above this violates sum-bounded' },
    ],
    create: (p) => grid(p.size as number, p.throwAt as number, p.workersOnly === true, p.initials as number, withDecode),
    properties: (p) => [
      always<Grid>('sum-bounded', 'a + b stays within limit', (s) => s.a + s.b <= (p.limit as number)),
      sometimes<Grid>('diagonal', 'a = b > 0 is reachable', (s) => s.a === s.b && s.a > 0),
      always<Grid>('a-bounded', 'a stays within limit', (s) => s.a <= (p.limit as number)),
      actionProperty<Grid, Step>('b-steps-bounded', 'incB never takes b past limit', (_, step, after) => step.type !== 'incB' || after.b <= (p.limit as number)),
    ],
    presets: [],
  };
}

export const registry: Registry = {
  models: [definition('grid', true), definition('grid-no-decode', false)],
  commands: [],
};
