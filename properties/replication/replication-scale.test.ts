// The replication reductions are sound and their size is pinned: the declared footprints commute on sampled
// reachable states (fast-check) for several releases and sizes; every small preset gives the same verdict and the
// same violated properties with --por as without; and what --por actually saves on the default model is pinned.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { resolveParams } from '../../src/check/resolve-params.ts';
import { footprintsCommute } from '../../src/explore/por/footprint-property.ts';
import { replicationDefinition as rep } from './replication-definition.ts';

/** Presets whose BFS finishes in a second or two (the others are too large to run twice in a unit test). */
const SMALL = [
  'unclean-election',
  'acks-1',
  'hw-truncation',
  'kip-101',
  'kip-903',
  'hw-below-min-isr',
  'last-replica-standing',
  'elr-last-known-leader',
  'no-maximal-isr',
  'fatal-truncation',
  'znode-race',
  'largest-leo-election',
];

const verdict = (r: ReturnType<typeof checkModel>) => [r.outcome.status, r.violations.map((v) => v.record.property).sort()];

describe('replication --por keeps every verdict', () => {
  it.each(SMALL.map((p) => [p]))('preset %s: the same verdict and violated properties with --por', (preset) => {
    const plain = checkModel(rep, { preset });
    const reduced = checkModel(rep, { preset, por: true });
    expect(verdict(reduced)).toEqual(verdict(plain));
    expect(reduced.outcome.reduction?.applied).toBe(true);
    expect(reduced.outcome.stats.distinctStates).toBeLessThanOrEqual(plain.outcome.stats.distinctStates);
  });

  it('a holding configuration (default, one record) holds with --por too', () => {
    const sets = ['records=1'];
    expect(verdict(checkModel(rep, { sets, por: true }))).toEqual(verdict(checkModel(rep, { sets })));
  });

  it('fast-check: independent replication steps commute and invisible steps leave every property as it was', () => {
    const configs: [string, Record<string, unknown>][] = [
      ['default', {}],
      ['default', { replicas: 3 }],
      ['default', { fetch: 'async', hwCheckpoint: true, dataLossShutdowns: 1 }],
      ['hw-truncation', {}],
      ['kip-101', {}],
      ['kip-903', {}],
      ['last-replica-standing', {}],
      ['znode-race', {}],
    ];
    for (const [preset, extra] of configs) {
      const params = { ...resolveParams(rep, { preset }), ...extra } as Parameters<typeof rep.create>[0];
      const safety = rep.properties(params).filter((p) => p.kind !== 'liveness');
      fc.assert(footprintsCommute(rep.create(params), safety, 24), { seed: 13, numRuns: 50 });
    }
  });
});

describe('what --por saves on replication', () => {
  it('every step a property reads is visible, and the rest depend on a step that is: no safe ample subset at all', () => {
    // Each replication step but the ISR proposal writes a log, a HW, the controller or a ghost some property reads
    // (C2), and a proposal's closure reaches a visible fetch or broker failure through the leader's role (C1).
    const r = checkModel(rep, { sets: ['records=1'], por: true });
    expect(r.outcome.reduction).toMatchObject({ applied: true, reducedExpansions: 0 });
  });

  it('with one property selected the proposal steps alone may be deferred: a handful of reduced expansions', () => {
    const r = checkModel(rep, { sets: ['records=1'], por: true, properties: ['no-fatal-error'] });
    expect(r.outcome.reduction?.reducedExpansions).toBeGreaterThan(0);
    expect(r.outcome.status).toBe('ok');
  });
});
