// Controller failover as a liveness property: with Kafka's watch re-registration some live broker always takes
// over once /controller is gone; without it, a crashed controller is never replaced (a pinned 6-step lasso).
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { runPreset } from '../../src/check/run-suite.ts';
import { zkControllerDefinition } from './zk-controller-definition.ts';

const preset = (name: string) => zkControllerDefinition.presets.find((p) => p.name === name)!;

describe('zk-controller liveness', () => {
  it('controller-failover: controller-eventually-elected holds over 41,698 states', () => {
    const c = runPreset(zkControllerDefinition, preset('controller-failover'));
    expect(c.met).toBe(true);
    expect(c.distinctStates).toBe(41698);
  });

  it('no-watch-reregistration: after broker 1 handled its expiry and controller 0 crashed, nobody runs for controller', () => {
    const result = checkModel(zkControllerDefinition, { preset: 'no-watch-reregistration', properties: ['controller-eventually-elected'] });
    const v = result.violations[0];
    expect(v.record.path.length).toBe(6);
    expect(v.record.lasso).toEqual({ trigger: 6, loop: 6 });
    expect(v.trace.actions.map((a) => a.type)).toEqual(['ReadControllerEpoch', 'RegisterController', 'CrashBroker', 'ExpireSession', 'HandleSessionExpiry', 'ExpireSession']);
  });

  it('liveness is refused with --symmetry, simulation and a depth bound', () => {
    const names = { properties: ['controller-eventually-elected'] };
    expect(() => checkModel(zkControllerDefinition, { ...names, symmetry: true })).toThrow(/KC|--symmetry/);
    expect(() => checkModel(zkControllerDefinition, { ...names, strategy: 'simulate' })).toThrow(/random walks/);
    expect(() => checkModel(zkControllerDefinition, { ...names, maxDepth: 5 })).toThrow(/--max-depth/);
  });
});
