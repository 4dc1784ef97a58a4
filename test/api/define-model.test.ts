// defineModel and the outcome assertions on the from-scratch example (examples/consumer-offsets.ts): pinned state
// counts and shortest lengths, a bad preset or expectation rejected when defined, and extend adding checks.
import { describe, expect, it } from 'vitest';
import { always, check, CheckAssertionError, defineModel, isKcheckError } from 'kcheck';
import consumerOffsets from '../../examples/consumer-offsets.ts';

const spec = {
  name: 'counter',
  doc: 'a counter that may count up to a bound',
  params: [{ name: 'max', type: 'int', default: 3, min: 1, max: 9, doc: 'bound' }],
  create: (p: { readonly max: number }) => ({
    init: () => [0],
    actions: () => [{ type: 'Inc' }],
    next: (s: number) => (s < p.max ? s + 1 : undefined),
    encode: (s: number, out: { int(v: number): void }) => out.int(s),
    variables: (s: number) => ({ n: s }),
  }),
  properties: [always<number>('below-three', 'n stays below 3', (s) => s < 3)],
} as const;

describe('defineModel', () => {
  it('checks the example model: 541 states hold with fencing, a 5-action violation without', () => {
    const fenced = check(consumerOffsets, { preset: 'default' });
    fenced.assertHolds();
    expect(fenced.outcome.stats.distinctStates).toBe(541);
    const zombie = check(consumerOffsets, { preset: 'no-generation-fencing' });
    expect(zombie.assertViolates('committed-offset-monotonic', { length: 5 }).trace.actions.map((a) => a.type)).toEqual([
      'Rebalance',
      'Consume',
      'Rebalance',
      'CommitOffset',
      'CommitOffset',
    ]);
    expect(() => zombie.assertHolds()).toThrow(/expected every property to hold, but violated committed-offset-monotonic \(5 actions\)[\s\S]*consumer 1 commits its position/);
    expect(() => fenced.assertViolates('committed-offset-monotonic')).toThrow(CheckAssertionError);
    expect(() => zombie.assertViolates('committed-offset-monotonic', { length: 4 })).toThrow(/violated in 4 action\(s\), the shortest counterexample has 5/);
  });

  it('rejects a preset with a param out of range, or an expectation naming no property, when defined', () => {
    const caught = (run: () => unknown): string => {
      try {
        run();
      } catch (error) {
        if (isKcheckError(error)) return `${error.code} ${error.message}`;
      }
      return 'no error';
    };
    expect(caught(() => defineModel({ ...spec, presets: [{ name: 'big', doc: '', params: { max: 12 }, expect: { holds: true } }] }))).toBe(
      'KC_BAD_MODEL model counter: preset big: param max = 12 is invalid: expected an integer from 1 to 9',
    );
    expect(caught(() => defineModel({ ...spec, presets: [{ name: 'x', doc: '', expect: { violates: ['below-four'] } }] }))).toBe(
      'KC_BAD_MODEL model counter: preset x expects a violation of below-four, which is not a property it has; valid: below-three',
    );
    expect(caught(() => defineModel({ ...spec, name: 'Counter' }))).toBe('KC_BAD_MODEL model Counter: name must be kebab-case (a-z, 0-9, -)');
  });

  it('extend adds properties and presets and leaves the original alone', () => {
    const base = defineModel(spec);
    const more = base.extend({
      properties: [always<number>('below-ten', 'n stays below 10', (s) => s < 10)],
      presets: [{ name: 'small', doc: 'max 2', params: { max: 2 }, expect: { holds: true } }],
    });
    expect(base.presets).toEqual([]);
    expect(more.properties({ max: 3 }).map((p) => p.name)).toEqual(['below-three', 'below-ten']);
    check(more, { preset: 'small' }).assertHolds();
    check(more, {}).assertViolates('below-three', { length: 3 });
    expect(() => more.extend({ properties: [always<number>('below-ten', '', () => true)] })).toThrow(/two properties are named 'below-ten'/);
  });
});
