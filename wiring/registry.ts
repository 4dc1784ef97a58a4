// The one place that wires models, presets, properties and Kafka-specific commands into the CLI. Adding a model
// means adding its definition here; src/ stays free of Kafka.

import { kafkaSpecDefinition } from '../calibration/kafka-spec/kafka-spec-definition.ts';
import { diningPhilosophersDefinition } from '../calibration/dining-philosophers/dining-philosophers-definition.ts';
import { hourClockDefinition } from '../calibration/hour-clock/hour-clock-definition.ts';
import { twoPhaseCommitDefinition } from '../calibration/two-phase-commit/two-phase-commit-definition.ts';
import type { Registry } from '../src/cli/registry.ts';
import { assignCommand } from './commands/assign-command.ts';
import { conformanceCommand } from './commands/conformance-command.ts';
import { kafkaModels } from './kafka.ts';

export const registry: Registry = {
  models: [...kafkaModels, kafkaSpecDefinition, twoPhaseCommitDefinition, hourClockDefinition, diningPhilosophersDefinition],
  commands: [assignCommand, conformanceCommand],
  source: { moduleUrl: import.meta.url, exportName: 'registry' },
};
