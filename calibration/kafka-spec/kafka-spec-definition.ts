// The `kafka-spec` calibration model as the registry sees it: the variant switch and the spec's CONSTANTS as
// params, StrongIsr / WeakIsr as invariants, two witnesses, and presets pinned to TLC's results for
// hachikuji/kafka-specification (2 replicas, LogSize 2, MaxRecords 2, MaxLeaderEpoch 2) plus 3-replica runs.

import { defineModel, type PresetSpec } from '../../src/contract/define-model.ts';
import type { Preset } from '../../src/contract/model-definition.ts';
import type { ParamValues } from '../../src/contract/params.ts';
import { always, sometimes } from '../../src/contract/property.ts';
import type { KafkaSpecAction } from './kafka-spec-actions.ts';
import { isrInvariant } from './kafka-spec-rules.ts';
import { epochPlus1, hw, presumesLeadership, recordAt, recordEpoch, VARIANTS, type KafkaSpecConfig, type KafkaSpecState, type Variant } from './kafka-spec-state.ts';
import { kafkaSpec } from './kafka-spec.ts';

export function kafkaSpecConfig(p: ParamValues): KafkaSpecConfig {
  return {
    variant: p.variant as Variant,
    replicas: p.replicas as number,
    logSize: p.logSize as number,
    maxRecords: p.maxRecords as number,
    maxLeaderEpoch: p.maxLeaderEpoch as number,
  };
}

const someLeader = (s: KafkaSpecState, R: number, test: (l: number) => boolean): boolean => {
  for (let l = 0; l < R; l++) if (presumesLeadership(s, R, l) && test(l)) return true;
  return false;
};

const TLC = { replicas: 2, logSize: 2, maxRecords: 2, maxLeaderEpoch: 2 };

const presets: Preset[] = [
  { name: 'truncate-to-hw', doc: 'KafkaTruncateToHighWatermark at the TLC sizes: StrongIsr fails, shortest trace 10 states (9 actions), as TLC', params: { ...TLC, variant: 'truncate-to-hw' }, expect: { violates: ['strong-isr'] } },
  { name: 'truncate-to-hw-weak-isr', doc: "truncating to the follower's own HW also breaks WeakIsr: a local ISR member lacks a record below the leader's HW (9 states, 8 actions)", params: { ...TLC, variant: 'truncate-to-hw' }, expect: { violates: ['weak-isr'] } },
  { name: 'kip-101', doc: 'Kip101 at the TLC sizes: the HW fallback of the epoch lookup loses a committed record, 12 states (11 actions), as TLC', params: { ...TLC, variant: 'kip-101' }, expect: { violates: ['strong-isr'] } },
  { name: 'kip-279', doc: 'Kip279 at the TLC sizes: holds, 9,027 distinct states, depth 18 in TLC (17 actions), as TLC', params: { ...TLC, variant: 'kip-279' }, expect: { holds: true } },
  { name: 'kip-320-first-try', doc: 'Kip320FirstTry at the TLC sizes: holds, 8,429 distinct states, TLC depth 18, as TLC', params: { ...TLC, variant: 'kip-320-first-try' }, expect: { holds: true } },
  { name: 'kip-320', doc: 'Kip320 at the TLC sizes: holds, 5,973 distinct states, TLC depth 18, as TLC', params: { ...TLC, variant: 'kip-320' }, expect: { holds: true } },
  { name: 'kip-279-3-replicas', doc: 'Kip279 with 3 replicas: a follower acting on a stale LeaderAndIsr truncates a committed record (11 states); why KIP-320 exists', params: { ...TLC, replicas: 3, variant: 'kip-279' }, expect: { violates: ['strong-isr'] } },
  { name: 'kip-320-first-try-3-replicas', doc: 'the rejected KIP-320 first try with 3 replicas: the HW advances on a follower of an older epoch that later truncates (13 states)', params: { ...TLC, replicas: 3, variant: 'kip-320-first-try' }, expect: { violates: ['strong-isr'] } },
  { name: 'kip-320-3-replicas', doc: 'Kip320 with 3 replicas: holds exhaustively, 737,794 distinct states, depth 25 actions (TLC depth 26)', params: { ...TLC, replicas: 3, variant: 'kip-320' }, expect: { holds: true } },
];

export const kafkaSpecDefinition = defineModel({
  name: 'kafka-spec',
  doc: "Calibration: hachikuji/kafka-specification's TLA+ replication specs (truncate to HW, KIP-101, KIP-279, KIP-320), for comparing state counts with TLC",
  params: [
    { name: 'variant', type: 'enum', default: 'kip-320', values: VARIANTS, doc: 'which spec module: KafkaTruncateToHighWatermark, Kip101, Kip279, Kip320FirstTry or Kip320' },
    { name: 'replicas', type: 'int', default: 2, min: 1, max: 4, doc: 'Replicas: number of replicas of the partition' },
    { name: 'logSize', type: 'int', default: 2, min: 1, max: 5, doc: 'LogSize: capacity of every replica log' },
    { name: 'maxRecords', type: 'int', default: 2, min: 1, max: 4, doc: 'MaxRecords: producer writes in a run (record ids 0..MaxRecords-1)' },
    { name: 'maxLeaderEpoch', type: 'int', default: 2, min: 0, max: 5, doc: 'MaxLeaderEpoch: highest leader epoch the controller may assign (epochs 0..MaxLeaderEpoch)' },
  ],
  create: (p) => kafkaSpec(kafkaSpecConfig(p)),
  properties: (p) => {
    const R = p.replicas as number;
    return [
      always<KafkaSpecState>('strong-isr', "StrongIsr: every record below a presumed leader's HW is on every member of the quorum's ISR", (s) => isrInvariant(s, R, true)),
      always<KafkaSpecState>('weak-isr', "WeakIsr: every record below a presumed leader's HW is on every member of that leader's own ISR", (s) => isrInvariant(s, R, false)),
      sometimes<KafkaSpecState>('record-committed', 'a presumed leader has advanced its HW past a record (StrongIsr is not vacuous)', (s) => someLeader(s, R, (l) => hw(s, R, l) > 0)),
      sometimes<KafkaSpecState>(
        'committed-record-survives-leader-change',
        'a leader of a later epoch has a record of an earlier epoch below its HW',
        (s) => someLeader(s, R, (l) => hw(s, R, l) > 0 && recordEpoch(recordAt(s, l, 0)) < epochPlus1(s, R, l) - 1),
      ),
    ];
  },
  presets: presets as readonly PresetSpec<any>[],
});
