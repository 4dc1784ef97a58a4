// The cluster model's presets: `default` (Kafka 2.8.0's ZooKeeper controller; holds), the fault mixes that hold,
// and historical controller/reassignment bugs with the fix turned off, each violating what the fix protects.
// Sizes are the defaults (3 brokers, 2 partitions, RF 2, admin placer, seed 0: p0 [0,1], p1 [1,2]) unless given.

import type { Preset } from '../../src/contract/model-definition.ts';
import { kraftPresets } from './kraft-presets.ts';

export const clusterPresets: readonly Preset[] = [
  {
    name: 'default',
    doc: 'Kafka 2.8.0 ZooKeeper mode: one session expiry (a zombie controller, a broker that vanishes and re-registers) while partition 0 is reassigned; holds',
    params: {},
    expect: { holds: true },
  },
  { name: 'broker-failure', doc: 'a broker crashes and restarts while partition 0 is reassigned: one election batch, ISR removal, catch-up; holds', params: { crashes: 1, sessionExpiries: 0 }, expect: { holds: true } },
  { name: 'controlled-shutdown', doc: 'a broker shuts down cleanly (leaderships moved first) and restarts while partition 0 is reassigned; holds', params: { controlledShutdowns: 1, sessionExpiries: 0 }, expect: { holds: true } },
  { name: 'decommission', doc: 'every replica on broker 2 is reassigned away (a decommission); holds', params: { reassignment: 'decommission', sessionExpiries: 0 }, expect: { holds: true } },
  { name: 'cancel-reassignment', doc: 'the admin may cancel the reassignment (AlterPartitionReassignments with no target); holds', params: { cancellations: 1, sessionExpiries: 0 }, expect: { holds: true } },
  { name: 'rack-aware', doc: 'the admin placer on 2 racks (brokers 0,1 | 2) spreads every partition over both racks; holds', params: { racks: 2, reassignment: 'none', sessionExpiries: 0 }, expect: { holds: true } },
  {
    name: 'textbook-rack-blind',
    doc: 'the textbook (i+j) mod n placer ignores racks: partition 0 lands on brokers 0 and 1, both on rack 0',
    params: { placer: 'textbook', racks: 2, reassignment: 'none', sessionExpiries: 0 },
    expect: { violates: ['rack-spread-kept'] },
  },
  {
    name: 'stale-isr-failover',
    doc: 'a new controller elects from the ISR it learned as a broker instead of re-reading ZooKeeper, and writes without the state-znode CAS: it elects a replica the ISR had dropped',
    params: { failoverReadsZk: false, partitionCas: false, minInsyncReplicas: 1, reassignment: 'none', crashes: 1, sessionExpiries: 0 },
    expect: { violates: ['leader-elected-from-isr', 'no-committed-message-loss'] },
  },
  {
    name: 'stale-isr-failover-cas',
    doc: 'the same stale-context controller with Kafka\'s state-znode CAS: its stale write is refused (BADVERSION); holds',
    params: { failoverReadsZk: false, minInsyncReplicas: 1, reassignment: 'none', crashes: 1, sessionExpiries: 0 },
    expect: { holds: true },
  },
  {
    name: 'cancel-below-min-isr',
    doc: 'a finding in Kafka 2.8.0 as it is: cancelling a reassignment stops the adding replicas even when one of them is all that keeps the ISR at min.insync.replicas',
    params: { cancellations: 1, maxLeaderEpoch: 5 },
    expect: { violates: ['rf-never-below-min-isr-by-reassignment'] },
  },
  {
    name: 'reassignment-before-isr',
    doc: 'KAFKA-15665: completing a reassignment once the adding replicas are in the ISR removes the old replicas while a retained target replica is still out of it',
    params: { reassignmentCompletion: 'adding-in-isr', crashes: 1, sessionExpiries: 0, maxLeaderEpoch: 5 },
    expect: { violates: ['reassignment-reaches-target', 'rf-never-below-min-isr-by-reassignment'] },
  },
  {
    name: 'four-brokers',
    doc: 'default at 4 brokers with a second session expiry: the admin placer (seed 0) puts p0 on [2, 3] and p1 on [3, 0], so no partition is led by the booted controller and a failover during an election needs two faults; the suite checks it to depth 8 (bounded), simulation for more',
    params: { brokers: 4, sessionExpiries: 2 },
    expect: { holds: true },
    bounds: { maxDepth: 8 },
  },
  // Preferred-leader rebalancing (model/cluster/preferred-*.ts, KafkaController @ 2.8.0).
  {
    name: 'preferred-rebalance',
    doc: 'auto.leader.rebalance.enable: a broker crashes and restarts, catches up, rejoins the ISR and the scheduled task moves its partitions\' leadership back to it; holds',
    params: { autoLeaderRebalance: true, crashes: 1, sessionExpiries: 0, reassignment: 'none' },
    expect: { holds: true },
  },
  {
    name: 'elect-leaders',
    doc: 'kafka-leader-election --election-type preferred after a controlled shutdown moved leaders away: ElectLeaders restores them, never from outside the ISR; holds',
    params: { electLeaders: 1, controlledShutdowns: 1, sessionExpiries: 0, reassignment: 'none' },
    expect: { holds: true },
  },
  {
    name: 'no-kafka-9866',
    doc: 'KAFKA-9866 off (before 2.6.0): the auto-rebalance task elects for a restarted preferred broker that is online but not yet back in the ISR, an election that can only fail',
    params: { autoLeaderRebalance: true, rebalanceChecksIsr: false, crashes: 1, sessionExpiries: 0, reassignment: 'none' },
    expect: { violates: ['auto-rebalance-only-electable'] },
  },
  ...kraftPresets,
];
