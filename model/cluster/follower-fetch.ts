// A follower's Fetch in the cluster model, one round trip through model/rules/replication as the replication model
// takes it (follower-steps.ts serveFetch): KIP-320 fencing (checkLeaderRequest), the leader's lastFetchedEpoch check
// (validateFetchEpoch), truncation on a divergingEpoch, then the read and Partition.updateFollowerFetchState.

import { truncateOnDivergingEpoch, validateFetchEpoch } from '../rules/replication/diverging-epoch.ts';
import { truncateOnOffsetOutOfRange } from '../rules/replication/follower-truncation.ts';
import { latestEpoch } from '../rules/replication/leader-epoch-cache.ts';
import { checkLeaderRequest, requestCurrentLeaderEpoch } from '../rules/replication/leader-epoch-fencing.ts';
import { updateFollowerFetchState, withIncrementedHW } from '../rules/replication/leader-partition.ts';
import { CLOCKLESS_NOW_MS } from '../rules/replication/replica-state.ts';
import { advanceHw, leads } from './broker-steps.ts';
import type { ClusterConfig } from './cluster-config.ts';
import {
  clusterPartitionConfig, followerEpochCache, leaderClusterView, leaderEpochCache, toLeaderPartition, withLeaderPartition,
} from './cluster-leader-partition.ts';
import { setAt, withBroker, type ClusterState } from './cluster-state.ts';

/** The follower's truncation offset when the Fetch is answered without records; undefined = the leader reads. */
function truncation(s: ClusterState, f: number, l: number, p: number): number | undefined {
  const rf = s.brokers[f].replicas[p];
  const rl = s.brokers[l].replicas[p];
  const fetchOffset = rf.log.length;
  const entries = followerEpochCache(rf);
  const check = validateFetchEpoch(leaderEpochCache(rl), rl.log.length, latestEpoch(entries), fetchOffset);
  if (check.kind === 'read') return undefined;
  if (check.kind === 'diverging') return truncateOnDivergingEpoch(check.divergingEpoch, entries, fetchOffset).truncateTo;
  return truncateOnOffsetOutOfRange(rl.log.length, fetchOffset);
}

/**
 * Follower f fetches partition p from the broker it follows. The leader must lead at the follower's epoch (KIP-320:
 * FENCED/UNKNOWN_LEADER_EPOCH otherwise) and host f (followerReplicaOrThrow; 2.8.0 served such a fetch empty). A
 * divergingEpoch or out-of-range answer carries no records: the follower truncates and the leader's bookkeeping is
 * untouched (KAFKA-13141, fe0fe686e92, 2.8.1/3.1; see README). Otherwise the follower appends the leader's next
 * record (one per fetch, the model's unit) and the leader records the *fetch offset* as the follower's LEO
 * (ReplicaManager.updateFollowerFetchState takes readResult.info.fetchOffsetMetadata, 2.8.0): the records just
 * sent count for the HW only once the next Fetch asks past them.
 */
export function fetch(config: ClusterConfig, s: ClusterState, f: number, p: number): ClusterState | undefined {
  const follower = s.brokers[f];
  const rf = follower.replicas[p];
  if (!follower.alive || rf.leaderEpoch < 0 || rf.leader === f || rf.leader < 0) return undefined;
  const l = rf.leader;
  const rl = s.brokers[l].replicas[p];
  if (checkLeaderRequest(leads(s, l, p), rl.leaderEpoch, requestCurrentLeaderEpoch(true, rf.leaderEpoch)) !== 'NONE') return undefined;
  if (!rl.replicas.includes(f)) return undefined;
  const fetchOffset = rf.log.length;
  const truncateTo = truncation(s, f, l, p);
  if (truncateTo !== undefined) {
    if (truncateTo >= fetchOffset) return undefined;
    return withBroker(s, f, { ...follower, replicas: setAt(follower.replicas, p, { ...rf, log: rf.log.slice(0, truncateTo) }) });
  }
  const view = leaderClusterView(s, l);
  const pc = clusterPartitionConfig(config);
  const before = toLeaderPartition(l, rl);
  const update = updateFollowerFetchState(before, f, { fetchOffset, logStartOffset: 0, fetchTimeMs: CLOCKLESS_NOW_MS, brokerEpoch: -1 }, pc, view);
  if (!update.ok) return undefined;
  // maybeExpandIsr's proposal goes out as the ExpandIsr step (expandIsr); until answered the leader's ISR and HW
  // are over the committed ISR (broker-steps.ts).
  const after = withIncrementedHW({ ...update.partition, isrState: before.isrState }, CLOCKLESS_NOW_MS, pc, view);
  const leaderReplica = withLeaderPartition(rl, after);
  const log = rf.log.concat(rl.log.slice(fetchOffset, fetchOffset + 1));
  if (log.length === rf.log.length && leaderReplica.followerLeo === rl.followerLeo) return undefined;
  const s1 = log.length === rf.log.length ? s : withBroker(s, f, { ...follower, replicas: setAt(follower.replicas, p, { ...rf, log }) });
  return advanceHw(s1, l, p, leaderReplica, config);
}
