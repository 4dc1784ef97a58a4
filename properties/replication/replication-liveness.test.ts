// Replication liveness under fairness: the quiet partition gets a leader and its record consumed; a broker that
// dies for good leaves the HW stuck and the committed record unread (pinned lassos).
import { describe, expect, it } from 'vitest';
import { runPreset } from '../../src/check/run-suite.ts';
import { registry } from '../../wiring/registry.ts';

const definition = registry.models.find((m) => m.name === 'replication')!;
const preset = (name: string) => definition.presets.find((p) => p.name === name)!;

describe('replication liveness', () => {
  it('liveness: a leader and the consumer read hold over 73 states', () => {
    const c = runPreset(definition, preset('liveness'));
    expect(c.met).toBe(true);
    expect(c.distinctStates).toBe(73);
  });

  it('dead-follower: the HW never catches up (4 steps) and the committed record is never consumed (6 steps; each lasso includes the crash and its SessionExpires)', () => {
    const c = runPreset(definition, preset('dead-follower'));
    expect(c.met).toBe(true);
    expect(c.violations).toEqual([
      { property: 'high-watermark-eventually-advances', length: 4 },
      { property: 'committed-eventually-consumed', length: 6 },
    ]);
  });
});
