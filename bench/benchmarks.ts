// The benchmark set of `npm run bench`: the TwoPhase calibration (TLC and a hand-written loop have known times for
// it), the Kafka models at their largest practical size, and simulation where BFS cannot finish.

import { kafkaSpecDefinition } from '../calibration/kafka-spec/kafka-spec-definition.ts';
import { twoPhaseCommitDefinition } from '../calibration/two-phase-commit/two-phase-commit-definition.ts';
import type { CheckOptions } from '../src/check/run-check.ts';
import type { ModelDefinition } from '../src/contract/model-definition.ts';
import { kraftQuorumDefinition } from '../properties/kraft-quorum/kraft-quorum-definition.ts';
import { replicationDefinition } from '../properties/replication/replication-definition.ts';
import { zkControllerDefinition } from '../properties/zk-controller/zk-controller-definition.ts';

export interface Benchmark {
  readonly name: string;
  readonly definition: ModelDefinition;
  readonly options: CheckOptions;
  /** Threads for the search (default 1). */
  readonly workers?: number;
}

/** Names that stand for several benchmarks on the command line (`npm run bench -- workers`). */
export const BENCHMARK_GROUPS: Readonly<Record<string, readonly string[]>> = {
  workers: [
    'two-phase-commit-8',
    'two-phase-commit-8-workers-2',
    'replication-default',
    'replication-default-workers-2',
    'replication-3-depth-12',
    'replication-3-depth-12-workers-2',
  ],
  // Issue #12's 5-voter target (exhaustive, 2,191,939 states): `npm run bench -- kraft-5`.
  'kraft-5': ['kraft-quorum-5-symmetry', 'kraft-quorum-5-symmetry-workers-2'],
  rf3: ['replication-3', 'replication-3-workers-2'],
};

export const BENCHMARKS: readonly Benchmark[] = [
  { name: 'two-phase-commit-7', definition: twoPhaseCommitDefinition, options: { sets: ['resourceManagers=7'] } },
  { name: 'two-phase-commit-8', definition: twoPhaseCommitDefinition, options: { sets: ['resourceManagers=8'] } },
  { name: 'kafka-spec-kip-320-3-replicas', definition: kafkaSpecDefinition, options: { preset: 'kip-320-3-replicas' } },
  { name: 'two-phase-commit-8-workers-2', definition: twoPhaseCommitDefinition, options: { sets: ['resourceManagers=8'] }, workers: 2 },
  { name: 'kafka-spec-kip-320-3-workers-2', definition: kafkaSpecDefinition, options: { preset: 'kip-320-3-replicas' }, workers: 2 },
  { name: 'kafka-spec-kip-320-3-symmetry', definition: kafkaSpecDefinition, options: { preset: 'kip-320-3-replicas', symmetry: true } },
  { name: 'zk-controller-default', definition: zkControllerDefinition, options: { preset: 'default' } },
  // Reductions, each against the row above it without the feature (issue #12).
  { name: 'zk-controller-default-symmetry', definition: zkControllerDefinition, options: { preset: 'default', symmetry: true } },
  { name: 'zk-controller-default-por', definition: zkControllerDefinition, options: { preset: 'default', por: true } },
  { name: 'zk-controller-default-workers-2', definition: zkControllerDefinition, options: { preset: 'default' }, workers: 2 },
  { name: 'zk-controller-4-no-expiry', definition: zkControllerDefinition, options: { sets: ['brokers=4', 'sessionExpiries=0'] } },
  { name: 'zk-controller-4-no-expiry-symmetry', definition: zkControllerDefinition, options: { sets: ['brokers=4', 'sessionExpiries=0'], symmetry: true } },
  // Workers (issue #12 item 5): each against the one-thread row above it; `npm run bench -- workers` runs the pairs.
  { name: 'replication-default', definition: replicationDefinition, options: {} },
  { name: 'replication-default-workers-2', definition: replicationDefinition, options: {}, workers: 2 },
  // Big enough that the JIT's one-off compile (~1 s CPU per thread on replication) no longer dominates.
  { name: 'replication-3-depth-12', definition: replicationDefinition, options: { sets: ['replicas=3'], maxDepth: 12 } },
  { name: 'replication-3-depth-12-workers-2', definition: replicationDefinition, options: { sets: ['replicas=3'], maxDepth: 12 }, workers: 2 },
  { name: 'two-phase-commit-7-por', definition: twoPhaseCommitDefinition, options: { sets: ['resourceManagers=7'], por: true } },
  // (-por and -symmetry compare with replication-default above: the default preset is the defaults.)
  { name: 'replication-default-por', definition: replicationDefinition, options: { preset: 'default', por: true } },
  { name: 'replication-default-symmetry', definition: replicationDefinition, options: { preset: 'default', symmetry: true } },
  // Issue #12's RF 3 target, exhaustive (8,657,736 states: the consumer a state invariant, the dead flushed offset forgotten):
  // `npm run bench -- rf3`. Minutes each, so only the group runs them on purpose.
  { name: 'replication-3', definition: replicationDefinition, options: { sets: ['replicas=3'] } },
  { name: 'replication-3-workers-2', definition: replicationDefinition, options: { sets: ['replicas=3'] }, workers: 2 },
  { name: 'kraft-quorum-5-symmetry', definition: kraftQuorumDefinition, options: { sets: ['voters=5'], symmetry: true } },
  { name: 'kraft-quorum-5-symmetry-workers-2', definition: kraftQuorumDefinition, options: { sets: ['voters=5'], symmetry: true }, workers: 2 },
  // Simulation at a size BFS cannot finish: 20,000 walks of 50 steps over a preset that holds (so every walk runs).
  {
    name: 'replication-kip-320-simulate',
    definition: replicationDefinition,
    options: { preset: 'kip-320', sets: ['replicas=3', 'records=3', 'maxLeaderEpoch=4', 'maxPartitionEpoch=8'], strategy: 'simulate', walks: 20_000, seed: 1 },
  },
];
