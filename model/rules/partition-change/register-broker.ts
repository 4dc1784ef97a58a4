// What `ClusterControlManager.registerBroker` does to one partition when a broker registers a new incarnation,
// release by release: whether the restart counts as an unclean shutdown, and whether the broker then leaves the
// ISR and ELR (`brokerUncleanShutdownHandler` → ReplicationControlManager). The heartbeat-session check that
// refuses a new incarnation while the old session is valid is the caller's (model/replication/lifecycle-steps.ts).

import type { ControllerContext } from './controller-context.ts';
import { generateLeaderAndIsrUpdate, handleBrokerUncleanShutdown } from './generate-leader-and-isr-updates.ts';
import type { PartitionChangeResult, PartitionRegistration } from './partition-registration.ts';

/** The registration switches of model/replication/kafka-release.ts. */
export interface RegistrationRules {
  /** KAFKA-15586 (376e9e20dbf, 3.8): previousBrokerEpoch ≠ the registered epoch → the unclean-shutdown handler. */
  readonly kafka15586: boolean;
  /** KAFKA-16952 (2fd00ce5367, 3.9): the handler runs for every new incarnation, clean or not. */
  readonly kafka16952: boolean;
  /** KAFKA-18106 (apache/kafka#18045): without ELR (or after a clean shutdown) the broker leaves the ISR instead. */
  readonly kafka18106: boolean;
  /** KAFKA-18635 (apache/kafka#18277): the handler learns whether the shutdown was clean (previousBrokerEpoch). */
  readonly kafka18635: boolean;
}

/** none: the partition is untouched; unclean: b leaves ISR and ELR; remove: b leaves the ISR as if fenced. */
export type RegistrationHandling = 'none' | 'unclean' | 'remove';

/**
 * `elrSupported`: the metadata version has ELR (`isElrSupported`: 3.8-IV0 at 3.7.0, 3.9-IV0 at 3.8.0, 4.0-IV0 at
 * 3.9.0-rc3 — never a production MV before 4.0, so off at 3.5–3.9's defaults). `cleanShutdown`: the broker wrote
 * its clean-shutdown file (KAFKA-15582: it sends that epoch as previousBrokerEpoch, else -1).
 */
export function registrationHandling(rules: RegistrationRules, elrSupported: boolean, cleanShutdown: boolean): RegistrationHandling {
  let called: boolean;
  let knownClean = false;
  if (rules.kafka18635) {
    // #18277: still every new incarnation (16952's structure), now told isCleanShutdown.
    called = true;
    knownClean = cleanShutdown;
  } else if (rules.kafka16952) {
    // 3.9.0-rc3: `if (!request.incarnationId().equals(prevIncarnationId)) addRecordsForShutdown(...)`.
    called = true;
  } else if (rules.kafka15586) {
    // 3.8.0: `if (version < 2 || existing == null || request.previousBrokerEpoch() != existing.epoch())`.
    called = !cleanShutdown;
  } else {
    // 3.5–3.7: no handler (3.7.0's branch only logs "Received an unclean shutdown request", a TODO(KIP-966)).
    called = false;
  }
  if (!called) return 'none';
  if (elrSupported && !knownClean) return 'unclean';
  // Before #18045 handleBrokerUncleanShutdown returned at once without ELR support (3.9.0-rc3 line 1383).
  return rules.kafka18106 ? 'remove' : 'none';
}

/** Applies `handling` to one partition for broker `b` (the registration's records precede RegisterBrokerRecord). */
export function applyRegistrationHandling(
  partition: PartitionRegistration,
  b: number,
  handling: RegistrationHandling,
  ctx: ControllerContext,
): PartitionChangeResult {
  if (handling === 'unclean') return handleBrokerUncleanShutdown(partition, b, ctx);
  if (handling === 'remove' && partition.isr.includes(b)) return generateLeaderAndIsrUpdate(partition, ctx, { remove: b });
  return { record: undefined, partition };
}
