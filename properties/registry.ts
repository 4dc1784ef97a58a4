// The one place that wires models, presets, properties and Kafka-specific commands into the CLI. Adding a model
// means adding its definition here; src/ stays free of Kafka.

import { kafkaSpecDefinition } from '../calibration/kafka-spec/kafka-spec-definition.ts';
import { twoPhaseCommitDefinition } from '../calibration/two-phase-commit/two-phase-commit-definition.ts';
import type { Registry } from '../src/cli/registry.ts';
import { clusterDefinition } from './cluster/cluster-definition.ts';
import { assignCommand } from './commands/assign-command.ts';
import { conformanceCommand } from './commands/conformance-command.ts';
import { kraftQuorumDefinition } from './kraft-quorum/kraft-quorum-definition.ts';
import { replicationDefinition } from './replication/replication-definition.ts';
import { zkControllerDefinition } from './zk-controller/zk-controller-definition.ts';

export const registry: Registry = {
  models: [zkControllerDefinition, kraftQuorumDefinition, replicationDefinition, kafkaSpecDefinition, twoPhaseCommitDefinition, clusterDefinition],
  commands: [assignCommand, conformanceCommand],
  source: { moduleUrl: import.meta.url, exportName: 'registry' },
};
