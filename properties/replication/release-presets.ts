// One preset per Kafka release the model follows, each at the size where that era's known loss shows (or where the
// fix that closed it holds), so reading them in order retells Kafka's replication history. The bug presets in
// replication-presets.ts isolate one fix each; release-history.test.ts pins which releases have which bug.

import type { Preset } from '../../src/contract/model-definition.ts';

/** The ZooKeeper-era sizes (as the bug presets): two elections, four partition changes. */
const ZK_SIZE = { maxLeaderEpoch: 2, maxPartitionEpoch: 4 } as const;
/** The kip-101 size: leadership moves twice by operator reorders while the old leader acts on a stale epoch. */
const REORDER_SIZE = { ...ZK_SIZE, reassignments: 2, maxLeaderEpoch: 4, maxPartitionEpoch: 6, crashes: 0, cleanShutdowns: 0 } as const;
/** The KIP-903 false alarm's size (issue 10): 3 replicas, one record, one power loss, nothing else. */
export const POWER_LOSS_SIZE = {
  replicas: 3, records: 1, dataLossShutdowns: 1, crashes: 0, cleanShutdowns: 0, preferredElection: false, consumer: false,
} as const;

const LOSS = { violates: ['no-committed-message-loss'] } as const;

export const releasePresets: readonly Preset[] = [
  {
    name: 'kafka-0.10',
    doc: 'Kafka 0.10.2.0 (ZK, 3 replicas): a new follower truncates to its own high watermark, a fetch round behind the leader\'s, and drops a committed record (fixed by KIP-101 in 0.11)',
    params: { ...ZK_SIZE, kafkaVersion: '0.10', replicas: 3 },
    expect: LOSS,
  },
  {
    name: 'kafka-0.11',
    doc: 'Kafka 0.11.0.0 (ZK): KIP-101 epochs, but a leader that never wrote in the follower\'s last epoch answers "undefined" and the follower falls back to its high watermark (fixed by KAFKA-7415 in 2.1)',
    params: { ...REORDER_SIZE, kafkaVersion: '0.11' },
    expect: LOSS,
  },
  {
    name: 'kafka-1.1',
    doc: 'Kafka 1.1.0 (ZK): the truncation code of 0.11, the same loss',
    params: { ...REORDER_SIZE, kafkaVersion: '1.1' },
    expect: LOSS,
  },
  {
    name: 'kafka-2.0',
    doc: 'Kafka 2.0.0 (ZK): KIP-279\'s iterative lookup, but still no epoch cached on election (KAFKA-7415 came in 2.0.1/2.1), so the same loss',
    params: { ...REORDER_SIZE, kafkaVersion: '2.0' },
    expect: LOSS,
  },
  {
    name: 'kafka-2.1',
    doc: 'Kafka 2.1.0 (ZK): KIP-320 fencing, KAFKA-7415, KAFKA-7128 and KAFKA-7164 — the 2.0 loss is gone at the same size',
    params: { ...REORDER_SIZE, kafkaVersion: '2.1' },
    expect: { holds: true },
  },
  {
    name: 'kafka-2.8',
    doc: 'Kafka 2.8.0 (ZK, IBP ≥ 2.7-IV1): truncation by the Fetch\'s diverging epoch (KAFKA-10554) — holds at the same size',
    params: { ...REORDER_SIZE, kafkaVersion: '2.8' },
    expect: { holds: true },
  },
  {
    name: 'kafka-3.5',
    doc: 'Kafka 3.5.0 (KRaft, KIP-903 broker epochs): the HW still advances while the ISR is below min ISR, so a record committed by the leader alone dies with its power (fixed by KAFKA-15583 in 3.7)',
    params: { ...POWER_LOSS_SIZE, kafkaVersion: '3.5' },
    expect: LOSS,
  },
  {
    name: 'kafka-3.6',
    doc: 'Kafka 3.6.0 (KRaft, KAFKA-15021): the 3.5 loss, unchanged',
    params: { ...POWER_LOSS_SIZE, kafkaVersion: '3.6' },
    expect: LOSS,
  },
  {
    name: 'kafka-3.7',
    doc: 'Kafka 3.7.0 (KRaft, KAFKA-15583 gates the HW on min ISR): the leader loses power and re-registers after its heartbeat session lapsed but before the fence; registerBroker never fences the old incarnation, so it leads on with an empty log (fixed by KAFKA-18106). With failureDetection=instant: ELR ships off, and the last ISR member that lost power is the only replica the controller may elect (8 steps)',
    params: { ...POWER_LOSS_SIZE, kafkaVersion: '3.7' },
    expect: LOSS,
  },
  {
    name: 'kafka-3.9',
    doc: 'Kafka 3.9.0 (KRaft): as 3.7 — KAFKA-16952 hands every new incarnation to the unclean-shutdown handler, but without ELR in a production metadata version it returns at once',
    params: { ...POWER_LOSS_SIZE, kafkaVersion: '3.9' },
    expect: LOSS,
  },
  {
    name: 'kafka-latest',
    doc: 'today\'s Kafka (3.9 plus KIP-966 on by default, apache/kafka#20174): the power-loss size holds — including the issue\'s KIP-903 false alarm',
    params: { ...POWER_LOSS_SIZE, kafkaVersion: 'latest' },
    expect: { holds: true },
  },
];
