// ITF encoding must round-trip every trace value, and the parser must reject malformed traces with a KC_BAD_TRACE.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceValue } from '../../src/contract/model.ts';
import { fromItfValue, parseItf, toItfValue } from '../../src/report/itf.ts';

const traceValue: fc.Arbitrary<TraceValue> = fc.letrec<{ value: TraceValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer(),
    fc.boolean(),
    fc.string(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string().filter((k) => !k.startsWith('#') && k !== '__proto__'), tie('value'), { maxKeys: 4, noNullPrototype: true }),
    fc.array(tie('value'), { maxLength: 3 }).map((xs) => ({ '#set': xs })),
    fc.array(tie('value'), { maxLength: 3 }).map((xs) => ({ '#tup': xs })),
    fc.array(fc.tuple(tie('value'), tie('value')), { maxLength: 3 }).map((ps) => ({ '#map': ps })),
  ),
})).value;

describe('ITF', () => {
  it('round-trips any trace value', () => {
    fc.assert(
      fc.property(traceValue, (v) => {
        expect(fromItfValue(JSON.parse(JSON.stringify(toItfValue(v))), 'v')).toEqual(v);
      }),
    );
  });

  it('keeps sets, tuples and maps tagged, and rejects a #map that is not pairs', () => {
    const v = { isr: { '#set': [0, 2] }, hw: { '#map': [[0, 1]] }, node: { '#tup': [1, 'a'] } };
    expect(toItfValue(v)).toEqual({ isr: { '#set': [{ '#bigint': '0' }, { '#bigint': '2' }] }, hw: { '#map': [[{ '#bigint': '0' }, { '#bigint': '1' }]] }, node: { '#tup': [{ '#bigint': '1' }, 'a'] } });
    expect(fromItfValue(toItfValue(v), 'v')).toEqual(v);
    expect(() => fromItfValue({ '#map': [1] }, 'v')).toThrow(/#map must hold \[key, value\] pairs/);
  });

  it('writes integers as #bigint strings', () => {
    expect(toItfValue({ epoch: 3, log: [1, -2] })).toEqual({ epoch: { '#bigint': '3' }, log: [{ '#bigint': '1' }, { '#bigint': '-2' }] });
  });

  it('rejects malformed traces with one line naming the problem', () => {
    expect(() => parseItf('{', 'x.itf.json')).toThrow(/not valid JSON/);
    expect(() => parseItf('{"vars": []}', 'x.itf.json')).toThrow(/needs "#meta", "vars" and "states"/);
    const noIndex = JSON.stringify({ '#meta': { model: 'm', params: {}, property: 'p' }, vars: [], states: [{ '#meta': {} }] });
    expect(() => parseItf(noIndex, 'x.itf.json')).toThrow(/lacks "#meta": \{"index": 0\}/);
  });
});
