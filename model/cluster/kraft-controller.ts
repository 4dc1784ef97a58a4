// controllerMode=kraft: the active controller's ReplicationControlManager callers (Kafka 3.9.0-rc3, 41dc4259fdb)
// run on its in-memory state (the head image) and return the records to commit: broker fencing, unfencing,
// controlled shutdown and unclean-shutdown cleanup (generateLeaderAndIsrUpdates), AlterPartition, and
// AlterPartitionReassignments (change and cancel). Every partition change is rules/partition-change's builder.

import { alterPartition as kraftAlterPartitionRule, type AlterPartitionError } from '../rules/partition-change/alter-partition.ts';
import { buildPartitionChange } from '../rules/partition-change/build-partition-change.ts';
import { acceptableLeaders, effectiveMinIsr, isElrEnabled, type ControllerContext } from '../rules/partition-change/controller-context.ts';
import {
  handleBrokerFenced, handleBrokerInControlledShutdown, handleBrokerUncleanShutdown, handleBrokerUnfenced,
} from '../rules/partition-change/generate-leader-and-isr-updates.ts';
import { LATEST_METADATA_VERSION } from '../rules/partition-change/metadata-version.ts';
import type { PartitionChangeResult, PartitionRegistration } from '../rules/partition-change/partition-registration.ts';
import type { ClusterConfig } from './cluster-config.ts';
import type { KraftBrokerRegistration, KraftImage, MetadataRecord } from './kraft-metadata.ts';

/** What the builder sees: registrations from the image (an override for the broker being changed), the topic configs. */
export function kraftContext(config: ClusterConfig, image: KraftImage, override?: { id: number; reg: KraftBrokerRegistration }): ControllerContext {
  return {
    brokers: image.brokers.flatMap((r, id) => {
      const reg = override !== undefined && override.id === id ? override.reg : r;
      return reg.epoch < 0 ? [] : [{ id, epoch: reg.epoch, fenced: reg.fenced, inControlledShutdown: reg.inControlledShutdown }];
    }),
    // As the replication model: the latest MV, so ELR is decided by the config switch alone (kip966Elr).
    metadataVersion: LATEST_METADATA_VERSION,
    elrConfigEnabled: config.kip966Elr,
    minInsyncReplicas: config.minInsyncReplicas,
    uncleanLeaderElectionEnable: false,
    ...(!config.kafka15665 && { preKafka15665Completion: true }),
  };
}

/** Runs one per-partition rule over every partition (generateLeaderAndIsrUpdates' loop), collecting records. */
function overPartitions(image: KraftImage, rule: (p: PartitionRegistration) => PartitionChangeResult): MetadataRecord[] {
  return image.partitions.flatMap((p, i) => {
    const result = rule(p);
    return result.record === undefined ? [] : [{ kind: 'partition' as const, partition: i, registration: result.partition }];
  });
}

const brokerRecord = (broker: number, registration: KraftBrokerRegistration): MetadataRecord => ({ kind: 'broker', broker, registration });

/** handleBrokerFenced: b leaves every ISR (leaders re-elected), then BrokerRegistrationChangeRecord(FENCE). */
export function fenceBroker(config: ClusterConfig, image: KraftImage, b: number): MetadataRecord[] {
  const reg = image.brokers[b];
  const ctx = kraftContext(config, image);
  const fenced = { ...reg, fenced: true, inControlledShutdown: false };
  return [...overPartitions(image, (p) => handleBrokerFenced(p, b, ctx)), brokerRecord(b, fenced)];
}

/** handleBrokerUnfenced: the UNFENCE record, then leaderless partitions may elect b. */
export function unfenceBroker(config: ClusterConfig, image: KraftImage, b: number): MetadataRecord[] {
  const reg = image.brokers[b];
  const ctx = kraftContext(config, image);
  return [brokerRecord(b, { ...reg, fenced: false }), ...overPartitions(image, (p) => handleBrokerUnfenced(p, b, ctx))];
}

/** handleBrokerInControlledShutdown: IN_CONTROLLED_SHUTDOWN (if not yet), then b leaves every ISR and leadership. */
export function enterControlledShutdown(config: ClusterConfig, image: KraftImage, b: number): MetadataRecord[] {
  const reg = image.brokers[b];
  const shutting = { ...reg, inControlledShutdown: true };
  const ctx = kraftContext(config, image, { id: b, reg: shutting });
  const mark = reg.inControlledShutdown ? [] : [brokerRecord(b, shutting)];
  return [...mark, ...overPartitions(image, (p) => handleBrokerInControlledShutdown(p, b, ctx))];
}

/**
 * registerBroker for a new incarnation: handleBrokerUncleanShutdown (b leaves ISR and ELR, KIP-966) when the
 * broker stopped uncleanly, then RegisterBrokerRecord (fenced, new broker epoch). 3.9.0-rc3's
 * ClusterControlManager.registerBroker runs the cleanup for every new incarnation id (the previousBrokerEpoch
 * check was disabled); like the replication model, this follows the rule KAFKA-18635 re-enabled after 3.9
 * (apache/kafka#18277): a cleanly shut down broker keeps its ELR membership.
 */
export function registerBroker(config: ClusterConfig, image: KraftImage, b: number, epoch: number, unclean: boolean): MetadataRecord[] {
  const reg = image.brokers[b];
  const ctx = kraftContext(config, image, { id: b, reg: { ...reg, fenced: true } });
  const cleanup = unclean ? overPartitions(image, (p) => handleBrokerUncleanShutdown(p, b, ctx)) : [];
  return [...cleanup, brokerRecord(b, { epoch, fenced: true, inControlledShutdown: false })];
}

export interface KraftAlterPartitionResult {
  readonly error: AlterPartitionError;
  readonly records: MetadataRecord[];
  readonly partition: PartitionRegistration;
}

/** ReplicationControlManager.alterPartition for one partition (rules/partition-change, KIP-903 epochs not sent). */
export function kraftAlterPartition(
  config: ClusterConfig, image: KraftImage, p: number, request: { brokerId: number; brokerEpoch: number; leaderEpoch: number; partitionEpoch: number; newIsr: readonly number[] },
): KraftAlterPartitionResult {
  const result = kraftAlterPartitionRule(image.partitions[p], { ...request, leaderRecoveryState: 'RECOVERED' }, kraftContext(config, image));
  const records: MetadataRecord[] = result.record === undefined ? [] : [{ kind: 'partition', partition: p, registration: result.partition }];
  return { error: result.error, records, partition: result.partition };
}

function builderFor(config: ClusterConfig, image: KraftImage, part: PartitionRegistration) {
  const ctx = kraftContext(config, image);
  return {
    partition: part,
    acceptableLeaders: acceptableLeaders(part, ctx),
    metadataVersion: ctx.metadataVersion,
    minIsr: effectiveMinIsr(part, ctx),
    elrEnabled: isElrEnabled(ctx),
    ...(!config.kafka15665 && { preKafka15665Completion: true }),
  };
}

/**
 * changePartitionReassignment (PartitionReassignmentReplicas): replicas = target ++ (current − target) ascending,
 * adding = target − current, removing = current − target (both ascending, TreeSet). The builder may complete it at
 * once (a reorder) and otherwise records the in-flight reassignment.
 */
export function changePartitionReassignment(config: ClusterConfig, image: KraftImage, p: number, target: readonly number[]): MetadataRecord[] {
  const part = image.partitions[p];
  const removing = part.replicas.filter((r) => !target.includes(r)).sort((x, y) => x - y);
  const adding = target.filter((r) => !part.replicas.includes(r)).sort((x, y) => x - y);
  const replicas = [...target, ...removing];
  const result = buildPartitionChange({
    ...builderFor(config, image, part),
    ...(replicas.join() !== part.replicas.join() && { targetReplicas: replicas }),
    ...(removing.length > 0 && { targetRemoving: removing }),
    ...(adding.length > 0 && { targetAdding: adding }),
  });
  return result.record === undefined ? [] : [{ kind: 'partition', partition: p, registration: result.partition }];
}

/**
 * cancelPartitionReassignment (PartitionReassignmentRevert): back to the original replicas (replicas − adding),
 * the ISR without the adding replicas; an ISR that would be empty needs an unclean election, which the model's
 * topic does not allow (InvalidReplicaAssignmentException: nothing written).
 */
export function cancelPartitionReassignment(config: ClusterConfig, image: KraftImage, p: number): MetadataRecord[] | undefined {
  const part = image.partitions[p];
  if (part.addingReplicas.length === 0 && part.removingReplicas.length === 0) return undefined; // NoReassignmentInProgress
  const replicas = part.replicas.filter((r) => !part.addingReplicas.includes(r));
  const isr = part.isr.filter((r) => !part.addingReplicas.includes(r));
  if (isr.length === 0) return undefined;
  const result = buildPartitionChange({ ...builderFor(config, image, part), targetIsr: isr, targetReplicas: replicas, targetRemoving: [], targetAdding: [] });
  return result.record === undefined ? [] : [{ kind: 'partition', partition: p, registration: result.partition }];
}
