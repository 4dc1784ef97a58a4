// The cluster model's controllerMode=kraft presets (Kafka 3.9.0-rc3's KRaft controller): `kraft-default` holds,
// KAFKA-15665's completion rule turned back on in ReplicationControlManager's builder violates what the fix
// protects, and KIP-966's last-known-leader election (ELR on, as replication's elr-last-known-leader) is unclean.

import type { Preset } from '../../src/contract/model-definition.ts';

export const kraftPresets: readonly Preset[] = [
  {
    name: 'kraft-default',
    doc: 'KRaft (3.9): partition 0 reassigned through AlterPartitionReassignments while the active controller may fail over and brokers replay the metadata log at their own pace; holds',
    params: { controllerMode: 'kraft' },
    expect: { holds: true },
  },
  {
    name: 'kraft-reassignment-before-isr',
    doc: 'KAFKA-15665 in KRaft: PartitionReassignmentReplicas.maybeCompleteReassignment before 6dce7dce4b6 completes once the adding replica is in the ISR, removing in-sync broker 2 while target replica 0 is out of it',
    params: { controllerMode: 'kraft', kafka15665: false, crashes: 1, controllerFailovers: 0 },
    expect: { violates: ['reassignment-reaches-target', 'rf-never-below-min-isr-by-reassignment'] },
  },
  {
    name: 'kraft-elr-last-known-leader',
    doc: 'KIP-966 on (eligible.leader.replicas.enable): the sole ISR member crashes and re-registers, leaves ISR and ELR, and is elected back as the last known leader (canElectLastKnownLeader, an unclean election with unclean.leader.election.enable=false)',
    params: { controllerMode: 'kraft', kip966Elr: true, minInsyncReplicas: 1, crashes: 1, reassignment: 'none', controllerFailovers: 0 },
    expect: { violates: ['leader-elected-from-isr'] },
  },
];
