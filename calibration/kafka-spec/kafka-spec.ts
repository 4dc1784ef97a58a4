// The `kafka-spec` calibration model: hachikuji/kafka-specification's TLA+ replication specs (truncate to HW,
// KIP-101, KIP-279, KIP-320 first try, KIP-320) re-expressed as one kcheck Model with a `variant` switch, so
// kcheck's BFS can be compared with TLC's state counts. Not Kafka's own model: see model/ for those.

import type { Model } from '../../src/contract/model.ts';
import { buildActionTable, NEXT_OPS, type KafkaSpecAction } from './kafka-spec-actions.ts';
import { decodeKafkaSpec, describeKafkaSpecAction, encodeKafkaSpec, kafkaSpecVariables } from './kafka-spec-codec.ts';
import { createNext } from './kafka-spec-next.ts';
import { initialState, presumesLeadership, wordCount, type KafkaSpecConfig, type KafkaSpecState } from './kafka-spec-state.ts';
import { createCanonicalize } from './kafka-spec-symmetry.ts';

export function kafkaSpec(c: KafkaSpecConfig): Model<KafkaSpecState, KafkaSpecAction> {
  const R = c.replicas;
  const table = buildActionTable(c.variant, R, c.maxLeaderEpoch);
  const stride = c.maxLeaderEpoch + 2;
  const words = wordCount(c);
  const init = [initialState(c)]; // KafkaReplication!Init is a single state
  return {
    actionTypes: NEXT_OPS[c.variant],
    init: () => init,
    actions: (s) => {
      let mask = 0;
      for (let r = 0; r < R; r++) if (presumesLeadership(s, R, r)) mask |= 1 << r;
      return table[mask * stride + ((s[0] >>> 3) & 7)]; // (s[0] >>> 3) & 7 is nextLeaderEpoch
    },
    next: createNext(c),
    encode: encodeKafkaSpec,
    decode: (input) => decodeKafkaSpec(input, words),
    canonicalize: createCanonicalize(c),
    variables: (s) => kafkaSpecVariables(s, c.replicas),
    describeAction: describeKafkaSpecAction,
  };
}
