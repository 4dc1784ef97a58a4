// The replication reductions are sound and their size is pinned: the declared footprints commute on sampled
// reachable states (fast-check) for several releases and sizes; every small preset gives the same verdict and the
// same violated properties with --por as without; and what --por actually saves on the default model is pinned.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { resolveParams } from '../../src/check/resolve-params.ts';
import { footprintsCommute } from '../../src/explore/por/footprint-property.ts';
import { exploreBfs } from '../../src/explore/bfs.ts';
import type { SafetyProperty } from '../../src/contract/property.ts';
import type { ReplicationAction } from '../../model/replication/replication-actions.ts';
import { StateEncoder } from '../../src/explore/state-encoder.ts';
import { encodeReplication } from '../../model/replication/replication-codec.ts';
import { canonicalizeReplication } from '../../model/replication/replication-symmetry.ts';
import { patchBroker, patchGhosts, patchState, recordCode, recordEpoch, recordId, type ReplicationState } from '../../model/replication/replication-state.ts';
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

  it('fast-check, 14 configurations: independent replication steps commute and invisible steps leave every property as it was', () => {
    const configs: [string, Record<string, unknown>][] = [
      ['default', {}],
      ['default', { replicas: 3 }],
      ['default', { fetch: 'async', hwCheckpoint: true, dataLossShutdowns: 1 }],
      ['hw-truncation', {}],
      ['kip-101', {}],
      ['kip-903', {}],
      ['last-replica-standing', {}],
      ['znode-race', {}],
      ['unclean-election', {}],
      ['largest-leo-election', {}],
      ['kip-279', { fetch: 'async', maxRecordsPerFetch: 1 }],
      // The not-yet-noticed window: SessionExpires, and a KRaft restart while still registered, with and without ELR.
      ['restart-before-fence', { cleanShutdowns: 1 }],
      ['restart-before-fence-elr', { kafka18635: true }],
      ['default', { leaderElection: 'zk', crashes: 2 }],
    ];
    for (const [preset, extra] of configs) {
      const params = { ...resolveParams(rep, { preset }), ...extra } as Parameters<typeof rep.create>[0];
      const safety = rep.properties(params).filter((p) => p.kind !== 'liveness');
      fc.assert(footprintsCommute(rep.create(params), safety, 24), { seed: 13, numRuns: 50 });
    }
  });
});

describe('replication --symmetry (record ids) keeps every verdict', () => {
  it.each(SMALL.map((p) => [p]))('preset %s: the same verdict and violated properties with --symmetry', (preset) => {
    const plain = checkModel(rep, { preset });
    const reduced = checkModel(rep, { preset, symmetry: true });
    expect(verdict(reduced)).toEqual(verdict(plain));
    expect(reduced.outcome.stats.distinctStates).toBeLessThanOrEqual(plain.outcome.stats.distinctStates);
  });

  it('no clean shutdown: 8,469 → 8,205 states with 2 records, 29,904 → 27,032 with 3; one record has nothing to rename', () => {
    const sizes = (sets: string[]) => [false, true].map((symmetry) => checkModel(rep, { sets, symmetry }).outcome.stats.distinctStates);
    expect(sizes(['cleanShutdowns=0'])).toEqual([8469, 8205]);
    expect(sizes(['cleanShutdowns=0', 'records=3'])).toEqual([29904, 27032]);
    const one = sizes(['cleanShutdowns=0', 'records=1']);
    expect(one[1]).toBe(one[0]);
  });

  it('fast-check: a renamed state has the same representative, and the representative is its own', () => {
    const params = { ...resolveParams(rep, { preset: 'acks-1' }), records: 3, fetch: 'async' } as Parameters<typeof rep.create>[0];
    const model = rep.create(params);
    const code = (s: ReplicationState) => {
      const e = new StateEncoder();
      encodeReplication(s, e);
      return [...e.snapshot()];
    };
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 20 }), fc.nat(5), (choices, perm) => {
        let s = model.init()[0];
        for (const c of choices) {
          const next = model.actions(s).map((a) => model.next(s, a)).filter((x) => x !== undefined);
          if (next.length === 0) break;
          s = next[c % next.length];
          const canonical = canonicalizeReplication(s);
          expect(code(canonicalizeReplication(canonical))).toEqual(code(canonical));
          expect(code(canonicalizeReplication(renamed(s, PERMS[perm])))).toEqual(code(canonical));
        }
      }),
      { seed: 5, numRuns: 80 },
    );
  });
});

/** The six renamings of three record ids (index = old id - 1, value = new id). */
const PERMS = [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]];

/** `s` with the used record ids renamed by `perm` (ids beyond the used ones stay: they are not interchangeable). */
function renamed(s: ReplicationState, perm: readonly number[]): ReplicationState {
  const used = s.ghosts.nextRecord - 1;
  if (used < 3) return s;
  const to = (id: number) => perm[id - 1];
  const codes = (cs: readonly number[]) => cs.map((c) => (c === 0 ? 0 : recordCode(to(recordId(c)), recordEpoch(c))));
  const g = s.ghosts;
  const pendingAcks = g.pendingAcks.slice();
  let acked = 0;
  for (let id = 1; id <= 3; id++) {
    pendingAcks[to(id) - 1] = g.pendingAcks[id - 1];
    if ((g.acked >> (id - 1)) & 1) acked |= 1 << (to(id) - 1);
  }
  const brokers = s.brokers.map((b) => patchBroker(b, { log: codes(b.log), fetchResponse: b.fetchResponse && { ...b.fetchResponse, records: codes(b.fetchResponse.records) } }));
  return patchState(s, { brokers, ghosts: patchGhosts(g, { committed: codes(g.committed), consumed: codes(g.consumed), acked, pendingAcks }) });
}

describe('what --por saves on replication', () => {
  it('every step a property reads is visible, and the rest depend on a step that is: no safe ample subset at all', () => {
    // Each replication step but the ISR proposal writes a log, a HW, the controller or a ghost some property reads
    // (C2), and a proposal's closure reaches a visible fetch or broker failure through the leader's role (C1).
    const r = checkModel(rep, { sets: ['records=1'], por: true });
    expect(r.outcome.reduction).toMatchObject({ applied: true, reducedExpansions: 0 });
  });

  it('the consumer\'s reads, where they are steps (liveness runs), are invisible to no-fatal-error and deferred', () => {
    // Safety runs have no read steps (the consumer is a state invariant), so nothing is left to defer there; the
    // liveness model's reads touch only their ghost, and with one property selected --por postpones them.
    const model = rep.create(resolveParams(rep, { sets: ['records=1'] })).livenessModel!;
    const fatal = rep.properties(resolveParams(rep, { sets: ['records=1'] })).filter((p) => p.name === 'no-fatal-error') as SafetyProperty<ReplicationState, ReplicationAction>[];
    const plain = exploreBfs(model, { properties: fatal, witnesses: [] });
    const reduced = exploreBfs(model, { properties: fatal, witnesses: [], partialOrder: true });
    expect(reduced.reduction?.reducedExpansions).toBeGreaterThan(0);
    expect(reduced.stats.generatedStates).toBeLessThan(plain.stats.generatedStates);
    expect([reduced.status, plain.status]).toEqual(['ok', 'ok']);
  });
});
