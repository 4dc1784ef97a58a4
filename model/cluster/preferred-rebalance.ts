// The two controller events that move leaders back to their preferred replicas (KafkaController @ 2.8.0, tag
// ebb1d6e21cc): the scheduled AutoPreferredReplicaLeaderElection (checkAndTriggerAutoLeaderRebalance, every
// leader.imbalance.check.interval.seconds; untimed here, so any moment) and the admin's ElectLeaders(PREFERRED)
// (processReplicaLeaderElection with AdminClientTriggered). Both elect through preferred-election.ts.

import type { ClusterConfig } from './cluster-config.ts';
import type { ClusterState } from './cluster-state.ts';
import { beginWork, finishWork, isBeingReassigned, type Work } from './controller-work.ts';
import { canPreferredReplicaBeLeader, electPreferredLeaders, notOnPreferred } from './preferred-election.ts';

/** isActive as the event thread sees it: a controller whose failover ran — a zombie that has not noticed counts. */
function workAt(config: ClusterConfig, s: ClusterState, c: number): Work | undefined {
  const broker = s.brokers[c];
  if (!broker.alive || broker.controller === null || !broker.controller.initialized) return undefined;
  return beginWork(config, s, c, broker.controller);
}

/**
 * checkAndTriggerAutoLeaderRebalance: partitions grouped by preferred replica; a broker whose share of partitions
 * led by someone else exceeds leader.imbalance.per.broker.percentage gets one election for those partitions that
 * pass the filter — no reassignment in flight anywhere, and (KAFKA-9866) the preferred replica can win. Groups run
 * in broker order; each group is its own onReplicaElection (a ControllerMovedException ends the event).
 */
export function autoLeaderRebalance(config: ClusterConfig, s: ClusterState, c: number): ClusterState | undefined {
  if (!config.autoLeaderRebalance) return undefined;
  const w = workAt(config, s, c);
  if (w === undefined) return undefined;
  const off = notOnPreferred(w);
  const reassigning = w.ctx.assignment.some(isBeingReassigned);
  let elected = false;
  for (let b = 0; b < config.brokers && !w.moved; b++) {
    const group = w.ctx.assignment.flatMap((a, p) => (a.replicas[0] === b && w.ctx.partitions[p] !== null ? [p] : []));
    if (group.length === 0) continue;
    const imbalanced = group.filter((p) => off.includes(p));
    // imbalanceRatio > percentage / 100, compared in integers (count * 100 > percentage * size).
    if (imbalanced.length * 100 <= config.leaderImbalancePercentage * group.length) continue;
    const candidates = imbalanced.filter((p) => !reassigning && canPreferredReplicaBeLeader(w, p));
    if (candidates.length === 0) continue;
    electPreferredLeaders(w, candidates, 'auto');
    elected = true;
  }
  return elected ? finishWork(w) : undefined;
}

/**
 * ElectLeaders(PREFERRED) for every partition of the topic: the partitions not led by their preferred replica are
 * elected (the others answer ELECTION_NOT_NEEDED); no reassignment or ISR filter, and a failure is only an error
 * code to the admin. A call with nothing to elect changes nothing and is not offered.
 */
export function adminElectLeaders(config: ClusterConfig, s: ClusterState, c: number): ClusterState | undefined {
  if (s.electLeadersLeft === 0) return undefined;
  const w = workAt(config, s, c);
  if (w === undefined) return undefined;
  const electable = notOnPreferred(w);
  if (electable.length === 0) return undefined;
  electPreferredLeaders(w, electable, 'admin');
  const next = finishWork(w);
  return next === undefined ? undefined : { ...next, electLeadersLeft: next.electLeadersLeft - 1 };
}
