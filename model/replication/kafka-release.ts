// The Kafka releases the replication model follows and, per release, which fixes its code had: one switch per
// KIP/JIRA, each read from the commit that changed the code (apache/kafka tags; `latest` adds merged PRs after
// 3.9). A release sets every switch's default; `--set <toggle>=true|false` flips one alone.

/** The releases whose code was read. `latest` = 3.9's code plus the later merged fixes listed below. */
export const KAFKA_VERSIONS = ['0.10', '0.11', '1.1', '2.0', '2.1', '2.8', '3.5', '3.6', '3.7', '3.9', 'latest'] as const;
export type KafkaVersion = (typeof KAFKA_VERSIONS)[number];

/** The tag (and its commit) read for each release. */
export const RELEASE_TAGS: Readonly<Record<KafkaVersion, string>> = {
  '0.10': '0.10.2.0 (576d93a8dc0c)',
  '0.11': '0.11.0.0 (e18335dd9531)',
  '1.1': '1.1.0 (fdcf75ea326b)',
  '2.0': '2.0.0 (3402a8361b73)',
  '2.1': '2.1.0 (809be928f1ae)',
  '2.8': '2.8.0 (ebb1d6e21cc9)',
  '3.5': '3.5.0 (c97b88d5db4d)',
  '3.6': '3.6.0 (60e845626d8a)',
  '3.7': '3.7.0 (2ae524ed6254)',
  '3.9': '3.9.0-rc3 (dd5272687e8a)',
  latest: '3.9.0-rc3 + merged PRs (apache/kafka#20174)',
};

export const TOGGLE_NAMES = [
  'kip101EpochTruncation',
  'kip279',
  'kafka7128',
  'kafka7164',
  'kafka7415',
  'kip320Fencing',
  'kip497MaximalIsr',
  'divergingEpochFetch',
  'kafka13790',
  'kip903BrokerEpochs',
  'kafka15021',
  'kafka15583',
  'kip966Elr',
  'kafka15586',
  'kafka16952',
  'kafka18106',
  'kafka18635',
  'kafka13091',
] as const;
export type ToggleName = (typeof TOGGLE_NAMES)[number];
export type ReleaseToggles = Readonly<Record<ToggleName, boolean>>;

export interface ToggleSpec {
  readonly name: ToggleName;
  /** The KIP or JIRA (and the commit read). */
  readonly fix: string;
  /** The first release of KAFKA_VERSIONS whose code has it. */
  readonly since: KafkaVersion;
  /** Releases from `since` on whose code lacks it anyway (a fix that an intermediate rewrite lost). */
  readonly absentIn?: readonly KafkaVersion[];
  readonly doc: string;
}

export const TOGGLES: readonly ToggleSpec[] = [
  { name: 'kip101EpochTruncation', fix: 'KIP-101, 0baea2ac135', since: '0.11', doc: 'a new follower truncates by OffsetsForLeaderEpoch, not to its own high watermark' },
  { name: 'kip279', fix: 'KIP-279 / KAFKA-6361, 9679c44d2b5', since: '2.0', doc: 'the leader answers (epoch, end offset) and the follower repeats the lookup until it converges' },
  { name: 'kafka7128', fix: 'KAFKA-7128, 70c51633f2f (also 2.0.1)', since: '2.1', doc: 'a follower joins the ISR only once it reached the start offset of the leader\'s current epoch' },
  { name: 'kafka7164', fix: 'KAFKA-7164, 69283b4038a', since: '2.1', doc: 'a follower restarts its fetcher (and truncation) when the leader epoch changed, not only the leader' },
  { name: 'kafka7415', fix: 'KAFKA-7415, f2dd6aa2698 (also 2.0.1)', since: '2.1', doc: 'a new leader caches its epoch at its LEO on election; endOffsetFor below the first cached epoch answers that epoch\'s start' },
  { name: 'kip320Fencing', fix: 'KIP-320 / KAFKA-7395, bcef30d614b', since: '2.1', doc: 'Fetch and OffsetsForLeaderEpoch carry the current leader epoch and are fenced by it' },
  {
    name: 'kip497MaximalIsr',
    fix: 'KIP-497 / KAFKA-8836, 57de67db22e (2.7)',
    since: '0.10',
    doc: 'the HW waits for the maximal ISR (committed ∪ pending); before 2.7 ISR writes to ZooKeeper were synchronous, which the model\'s asynchronous request matches only with the maximal ISR, so on for every release',
  },
  { name: 'divergingEpochFetch', fix: 'KAFKA-10554, 7ecc3a579a4 (IBP ≥ 2.7-IV1)', since: '2.8', doc: 'truncation by the Fetch\'s lastFetchedEpoch / divergingEpoch, no OffsetsForLeaderEpoch round' },
  { name: 'kafka13790', fix: 'KAFKA-13790, b485f92647f (3.3)', since: '3.5', doc: 'a follower restarts its fetcher exactly when the leader epoch went up' },
  {
    name: 'kip903BrokerEpochs',
    fix: 'KIP-903 / KAFKA-14617, 79b5f7f1ce2 8c88cdb7186 d5e216d6183',
    since: '3.5',
    doc: 'Fetch carries the follower\'s broker epoch; AlterPartition carries newIsrWithEpochs and the KRaft controller rejects a stale one (INELIGIBLE_REPLICA)',
  },
  { name: 'kafka15021', fix: 'KAFKA-15021, 8ad0ed3e618', since: '3.6', doc: 'the HW also waits for caught-up ISR-eligible replicas (no leader epoch bump on ISR shrink)' },
  { name: 'kafka15583', fix: 'KAFKA-15583, edc7e10a745', since: '3.7', doc: 'the HW does not advance while the ISR is below min.insync.replicas' },
  {
    name: 'kip966Elr',
    fix: 'KIP-966 (3.7–3.9: eligible.leader.replicas.enable=false by default; on by MV 4.1-IV1, apache/kafka#20174)',
    since: 'latest',
    doc: 'eligible leader replicas (KRaft only)',
  },
  // Broker registration (ClusterControlManager.registerBroker): which restarts the KRaft controller treats as an
  // unclean shutdown, and what it then does to the ISR/ELR (model/rules/partition-change/register-broker.ts).
  {
    name: 'kafka15586',
    fix: 'KAFKA-15586 / apache/kafka#14706, 376e9e20dbf (3.8; KAFKA-15582 14029e2ddd1 in 3.7 only logged it)',
    since: '3.9',
    doc: 'a re-registration whose previousBrokerEpoch differs from the registered epoch (no clean shutdown) runs handleBrokerUncleanShutdown; ELR-supporting metadata versions only',
  },
  {
    name: 'kafka16952',
    fix: 'KAFKA-16952 / apache/kafka#16333, 2fd00ce5367 (3.9)',
    since: '3.9',
    doc: 'every new incarnation is handled as an unclean shutdown (the previousBrokerEpoch check is gone), so a cleanly restarted broker also leaves the ELR',
  },
  {
    name: 'kafka18106',
    fix: 'KAFKA-18106 / apache/kafka#18045 (after 3.9; a PR diff, not a tag)',
    since: 'latest',
    doc: 'the shutdown handler also acts without ELR: the re-registering broker leaves the ISR (as if fenced), so a restart before the heartbeat timeout cannot keep a replica with a truncated log in the ISR',
  },
  {
    name: 'kafka18635',
    fix: 'KAFKA-18635 / apache/kafka#18277 (after 3.9; a PR diff, not a tag)',
    since: 'latest',
    doc: 'clean-shutdown detection by previousBrokerEpoch again: only an unclean restart leaves the ELR',
  },
  {
    // ≤ 2.6 shrank the ISR by a synchronous ZooKeeper write and called maybeIncrementLeaderHW right after (2.1.0
    // Partition.maybeShrinkIsr); 2.7's AlterIsr made the write asynchronous and its response handler forgot the HW
    // (2.8.0 handleAlterIsrResponse); 9ee19713966 (3.1) recomputes it there (3.5.0 Partition.scala handleAlterPartitionResponse).
    name: 'kafka13091',
    fix: 'KAFKA-13091, 9ee19713966 (3.1)',
    since: '0.10',
    absentIn: ['2.8'],
    doc: 'the leader recomputes the HW when its ISR change commits (the AlterIsr response; ≤ 2.6 after the synchronous ZK write)',
  },
];

function atLeast(version: KafkaVersion, since: KafkaVersion): boolean {
  return KAFKA_VERSIONS.indexOf(version) >= KAFKA_VERSIONS.indexOf(since);
}

/** Every switch as `version`'s code has it. */
export function releaseToggles(version: KafkaVersion): ReleaseToggles {
  const out = {} as Record<ToggleName, boolean>;
  for (const t of TOGGLES) out[t.name] = atLeast(version, t.since) && !(t.absentIn ?? []).includes(version);
  return out;
}

/** The controller of a release by default: ZooKeeper through 2.8, KRaft from 3.5 (production-ready since 3.3). */
export function releaseController(version: KafkaVersion): 'zk' | 'kraft' {
  return atLeast(version, '3.5') ? 'kraft' : 'zk';
}
