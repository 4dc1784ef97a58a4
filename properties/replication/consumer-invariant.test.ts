// The consumer as a state invariant is exact: for every replication preset, consumed-prefix-stable checked on every
// state (no read steps) gives the same verdict as the old formulation — a consumer's Consume steps plus a check on
// each read — and its shortest trace is exactly two steps shorter (the read before and the read after). Measured
// once exhaustively too (every preset whose read-step space is under 800,000 states: all agree).
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/run-check.ts';
import { resolveParams } from '../../src/check/resolve-params.ts';
import { actionProperty } from '../../src/contract/property.ts';
import { exploreBfs } from '../../src/explore/bfs.ts';
import type { ReplicationAction } from '../../model/replication/replication-actions.ts';
import type { ReplicationState } from '../../model/replication/replication-state.ts';
import { breadthFirstSample } from '../../test/breadth-first-sample.ts';
import { replicationDefinition as replication } from './replication-definition.ts';
import { replicationLivenessPresets } from './replication-liveness.ts';

/** The pre-invariant property: a read returns, below the reader's HW, something other than what an earlier read got. */
const readsAgree = actionProperty<ReplicationState, ReplicationAction>('consumed-prefix-stable', 'reads agree', (before, a) => {
  if (a.type !== 'Consume') return true;
  const b = before.brokers[a.broker];
  const consumed = before.ghosts.consumed;
  for (let o = 0; o < b.highWatermark && o < consumed.length; o++) if (consumed[o] !== 0 && consumed[o] !== b.log[o]) return false;
  return true;
});

const PROPERTY = 'consumed-prefix-stable';
const liveness = new Set(replicationLivenessPresets.map((p) => p.name));
const withConsumer = replication.presets.filter((p) => p.params.consumer !== false && !liveness.has(p.name));

describe('consumed-prefix-stable as a state invariant', () => {
  // Bounded alike: a violation the invariant finds within D steps is one the reads find within D + 2, and back.
  it.each(withConsumer.map((p) => p.name))('%s: same verdict as read steps within the same bound, trace two reads shorter', (name) => {
    const D = resolveParams(replication, { preset: name }).replicas === 3 ? 9 : 11;
    const invariant = checkModel(replication, { preset: name, properties: [PROPERTY], maxDepth: D });
    const withReads = replication.create(resolveParams(replication, { preset: name })).livenessModel!;
    const reads = exploreBfs(withReads, { properties: [readsAgree], witnesses: [], maxDepth: D + 2 });
    expect(invariant.outcome.violations.length, name).toBe(reads.violations.length);
    if (reads.violations.length > 0) expect(invariant.outcome.violations[0].path.length + 2).toBe(reads.violations[0].path.length);
  });

  it('every offset below a presumed leader\'s HW has its first served record noted (the ghost the invariant reads)', () => {
    for (const preset of ['default', 'unclean-election', 'hw-truncation', 'kip-101', 'acks-1']) {
      const model = replication.create(resolveParams(replication, { preset }));
      for (const s of breadthFirstSample(model, 20_000, 5_000)) {
        for (const b of s.brokers) if (b.alive && b.role !== null) for (let o = 0; o < b.highWatermark; o++) expect(s.ghosts.committed[o] ?? 0, preset).not.toBe(0);
      }
    }
  });
});
