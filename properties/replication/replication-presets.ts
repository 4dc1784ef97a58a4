// The replication model's presets: today's Kafka and each historical fix (must hold), and each data-loss bug Kafka
// has had or could have (must be found, with a shortest trace that reads as the bug's story). Bounds are chosen
// per preset so the suite's BFS finishes in seconds; each doc says what the trace shows.

import type { Preset } from '../../src/contract/model-definition.ts';
import { POWER_LOSS_SIZE } from './release-presets.ts';

/** The ZooKeeper-era bounds: one crash and one clean shutdown, two elections (the release sets the ZK controller). */
const ZK_ERA = { maxLeaderEpoch: 2, maxPartitionEpoch: 4 } as const;

export const replicationPresets: readonly Preset[] = [
  {
    name: 'default',
    doc: "today's Kafka: diverging-epoch truncation with current-leader-epoch fencing, acks=all, min ISR 2, unclean off, ELR on (2 replicas, 2 records, 3 leader epochs, a crash and a clean shutdown)",
    params: {},
    expect: { holds: true },
  },
  {
    name: 'unclean-election',
    doc: 'unclean.leader.election.enable=true (min ISR 1, as in Jepsen 2013): the ISR shrinks to the leader, which commits alone and goes away; the lagging replica is elected and the committed record is gone',
    params: { uncleanLeaderElection: true, minInsyncReplicas: 1 },
    expect: { violates: ['leader-elected-from-isr', 'no-committed-message-loss', 'replica-logs-agree-below-hw', 'consumed-prefix-stable'] },
  },
  {
    name: 'acks-1',
    doc: 'acks=1: the leader acknowledges before any follower has the record; it fails over and the new leader\'s log makes the old one truncate the acknowledged write',
    params: { acks: '1' },
    expect: { violates: ['acked-writes-survive'] },
  },
  {
    name: 'hw-truncation',
    doc: 'before KIP-101 (≤ 0.10, ZK, 3 replicas): a follower that gets a new leader truncates to its own high watermark, which lags the leader\'s by a fetch round, and drops a committed record while in the ISR',
    params: { ...ZK_ERA, kafkaVersion: '0.10', kip101EpochTruncation: 'false', replicas: 3 },
    expect: { violates: ['no-committed-message-loss'] },
  },
  {
    name: 'kip-101',
    doc: 'KIP-101 (0.11, ZK): leadership moves twice (an operator reorders the replicas and the preferred replica takes over, twice) while the old leader still acts on a stale LeaderAndIsr; the follower\'s last epoch is unknown to it, so the lookup falls back to the follower\'s high watermark and a committed record is truncated',
    params: { ...ZK_ERA, kafkaVersion: '0.11', kip320Fencing: 'false', reassignments: 2, maxLeaderEpoch: 4, maxPartitionEpoch: 6, crashes: 0, cleanShutdowns: 0 },
    expect: { violates: ['no-committed-message-loss'] },
  },
  {
    name: 'kip-279',
    doc: 'KIP-279 (2.0, ZK) without KIP-320 fencing, 3 replicas: a follower still acting on epoch 0 fetches from the re-elected leader, whose log diverged meanwhile; unfenced, the leader counts it toward the high watermark',
    params: { ...ZK_ERA, kafkaVersion: '2.0', kip320Fencing: 'false', replicas: 3, crashes: 2, cleanShutdowns: 0, maxPartitionEpoch: 3, consumer: false, preferredElection: false },
    expect: { violates: ['no-committed-message-loss'] },
  },
  {
    name: 'kip-320',
    doc: 'KIP-320 (2.1, ZK): current-leader-epoch fencing of Fetch and OffsetsForLeaderEpoch, the epoch cached on election (KAFKA-7415) and the epoch-start rule for ISR expansion (KAFKA-7128); one reorder of the replicas lets leadership move without a failure',
    params: { ...ZK_ERA, kafkaVersion: '2.1', reassignments: 1 },
    expect: { holds: true },
  },
  {
    name: 'kip-903',
    doc: 'today\'s Kafka without KIP-903 broker epochs (the issue\'s false alarm, real before 3.5): a follower fetches, the leader proposes it back into the ISR, the follower loses power and re-registers empty, and the controller accepts the stale expansion',
    params: { ...POWER_LOSS_SIZE, kip903BrokerEpochs: 'false' },
    expect: { violates: ['no-committed-message-loss'] },
  },
  {
    name: 'restart-before-fence',
    doc: 'today\'s Kafka without ELR and without KAFKA-18106 (3.5–3.9\'s registerBroker), the controller noticing failures at the heartbeat timeout: the leader loses power and re-registers after its session lapsed but before the periodic fence — the old incarnation is never fenced, so it stays leader and in the ISR with an empty log',
    params: { ...POWER_LOSS_SIZE, kip966Elr: 'false', kafka18106: 'false', failureDetection: 'timeout' },
    expect: { violates: ['no-committed-message-loss'] },
  },
  {
    name: 'restart-before-fence-elr',
    doc: 'today\'s Kafka with ELR but 3.7\'s registerBroker (no clean-shutdown detection: KAFKA-15586, KAFKA-16952 and KAFKA-18635 off), failures noticed at the heartbeat timeout: the same restart before the fence keeps the leader that lost power in the ISR — with failureDetection=instant this size holds',
    params: { ...POWER_LOSS_SIZE, kafka15586: 'false', kafka16952: 'false', kafka18635: 'false', failureDetection: 'timeout' },
    expect: { violates: ['no-committed-message-loss'] },
  },
  {
    name: 'hw-below-min-isr',
    doc: 'today\'s Kafka without KAFKA-15583 (3.5–3.6 behaviour): the leader alone, below min ISR, still advances the HW over its own append; it loses power and the record is gone',
    params: { ...POWER_LOSS_SIZE, kafka15583: 'false' },
    expect: { violates: ['no-committed-message-loss'] },
  },
  {
    name: 'last-replica-standing',
    doc: 'min ISR 2, ELR off: the ISR shrinks to one replica, which loses its unflushed (but committed) records in a power failure and stays the only ISR member — the one replica the controller may elect (the KIP-966 motivation)',
    params: { kip966Elr: 'false', dataLossShutdowns: 1 },
    expect: { violates: ['no-committed-message-loss'] },
  },
  {
    name: 'eligible-leader-replicas',
    doc: 'KIP-966 on: with fewer unclean shutdowns than min ISR (one power failure, no crash) nothing committed is lost',
    params: { dataLossShutdowns: 1, crashes: 0 },
    expect: { holds: true },
  },
  {
    name: 'elr-last-known-leader',
    doc: 'KIP-966 with as many unclean shutdowns as min ISR (a crash and a power failure): the ISR and ELR empty, and the controller elects the last known leader — marked unclean, with unclean.leader.election.enable=false (PartitionChangeBuilder.canElectLastKnownLeader at apache/kafka 1eb7644349cb) — although it lost the committed record and the crashed replica still has it',
    params: { dataLossShutdowns: 1 },
    expect: { violates: ['leader-elected-from-isr', 'no-committed-message-loss'] },
  },
  {
    name: 'no-maximal-isr',
    doc: 'the HW over the committed ISR only (before KIP-497), min ISR 1: while the leader\'s expansion is pending it commits a record the joining follower lacks, and the controller then admits that follower',
    params: { kip497MaximalIsr: 'false', kafka15021: 'false', minInsyncReplicas: 1 },
    expect: { violates: ['no-committed-message-loss'] },
  },
  {
    name: 'fatal-truncation',
    doc: 'Kafka 2.0 (ZK), one power loss: the only ISR member loses its unflushed record, leads again, and the follower ahead of it gets OFFSET_OUT_OF_RANGE — with unclean election off, ReplicaFetcherThread exits the broker ("log truncation is not allowed"); 2.1 truncates instead',
    params: { ...ZK_ERA, kafkaVersion: '2.0', dataLossShutdowns: 1, crashes: 0, cleanShutdowns: 0 },
    expect: { violates: ['no-fatal-error'] },
  },
  {
    name: 'znode-race',
    doc: 'the scheme several articles teach (not Kafka): when the leader dies, the live replica that wins the race to recreate the partition\'s znode leads — min.insync.replicas=1 (Kafka\'s default): the ISR shrinks to the leader, which commits alone and crashes; the lagging follower wins the race',
    params: { leaderElection: 'znode-race', minInsyncReplicas: 1, cleanShutdowns: 0 },
    expect: { violates: ['leader-elected-from-isr', 'no-committed-message-loss'] },
  },
  {
    name: 'largest-leo-election',
    doc: 'the myth (not Kafka): elect the live replica with the largest log end offset, ignoring the ISR — once the ISR members are gone, a replica that never had the committed record wins',
    params: { leaderElection: 'largest-leo', replicas: 3, maxLeaderEpoch: 2, maxPartitionEpoch: 4 },
    expect: { violates: ['no-committed-message-loss'] },
  },
];
