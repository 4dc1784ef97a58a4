// A variant of a Kafka rule, checked with kcheck/kafka: the ZooKeeper controller's offline election, changed the way
// a KIP might propose — elect the ISR member with the longest log, and when no ISR member is alive, fall back to the
// live replica with the freshest log (last leader epoch, then log end offset) instead of leaving the partition
// offline. Everything else is Kafka's replication model. kcheck finds the committed record this fallback loses.

import { replicationModel, type OfflineElection } from 'kcheck/kafka';

const freshestReplica: OfflineElection = ({ current, assignment, online, logEndOffset, lastLoggedEpoch }) => {
  const fresher = (a: number, b: number): boolean =>
    lastLoggedEpoch(a) > lastLoggedEpoch(b) || (lastLoggedEpoch(a) === lastLoggedEpoch(b) && logEndOffset(a) > logEndOffset(b));
  const pick = (candidates: readonly number[]): number => candidates.reduce((best, r) => (best < 0 || fresher(r, best) ? r : best), -1);
  const liveIsr = assignment.filter((r) => online.includes(r) && current.isr.includes(r));
  const leader = liveIsr.length > 0 ? pick(liveIsr) : pick(assignment.filter((r) => online.includes(r)));
  if (leader < 0) return null;
  return { ...current, leader, leaderEpoch: current.leaderEpoch + 1, isr: liveIsr.length > 0 ? liveIsr : [leader] };
};

export default replicationModel({
  name: 'freshest-replica-election',
  doc: 'Example variant: offline election picks the freshest ISR member, else the freshest live replica outside the ISR',
  electLeader: freshestReplica,
}).extend({
  presets: [
    {
      name: 'default',
      doc: "min.insync.replicas=1 (Kafka's default): the leader commits alone, goes away, and the fallback elects a replica without the record",
      params: { minInsyncReplicas: 1 },
      expect: { violates: ['no-committed-message-loss'] },
    },
    {
      name: 'min-isr-2',
      doc: 'min.insync.replicas=2: the fallback still elects outside the ISR, but nothing can be committed while the ISR is one replica',
      expect: { violates: ['leader-elected-from-isr'] },
    },
  ],
});
