// --verify-encode on every built-in model (2,000 reachable states each at its defaults, breadth-first: equal
// encodings mean equal variables, and decode inverts encode), and the first collision of an encode that forgets a field.
import { describe, expect, it } from 'vitest';
import { verifyEncode } from '../../src/check/verify-encode.ts';
import { resolveParams } from '../../src/check/resolve-params.ts';
import { registry } from '../../wiring/registry.ts';
import consumerOffsets from '../../examples/consumer-offsets.ts';
import { runCli } from '../cli/run-cli.ts';

describe('verify-encode', () => {
  // Sampled states per model: 2,000, or all of a smaller space.
  const sampled: Record<string, number> = { 'two-phase-commit': 288, 'consumer-offsets': 541, 'hour-clock': 12, 'dining-philosophers': 67 };
  for (const definition of [...registry.models, consumerOffsets]) {
    it(`${definition.name}: encodings are injective on sampled reachable states`, () => {
      const report = verifyEncode(definition.name, definition.create(resolveParams(definition, {})), 2000);
      expect(report.states).toBe(sampled[definition.name] ?? 2000);
    });
  }

  it('reports the first collision of an encode that forgets a field', () => {
    const model = consumerOffsets.create(resolveParams(consumerOffsets, {}));
    // Forgets `committed`: two states differing only in the committed offset merge.
    const forgetful = { ...model, decode: undefined, encode: (s: { generation: number }, out: { int(v: number): void }) => out.int(s.generation) };
    expect(() => verifyEncode('consumer-offsets', forgetful as typeof model)).toThrow(
      'model consumer-offsets: two reachable states share the encoding [1] but differ in their variables — encode must write every field variables() shows; first {"committed":0,"consumers":[{"generation":1,"owns":true,"position":0},{"generation":0,"owns":false,"position":0}],"generation":1}, then {"committed":0,"consumers":[{"generation":0,"owns":false,"position":0},{"generation":1,"owns":true,"position":0}],"generation":1}',
    );
  });

  it('runs from the CLI as kcheck check --verify-encode', async () => {
    const run = await runCli('check', 'two-phase-commit', '--verify-encode', '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ outcome: 'ok', distinctStates: 288 });
  });
});
