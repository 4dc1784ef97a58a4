// State of the KRaft quorum model: per voter what Kafka keeps in memory (its EpochState) apart from what is durable
// (the quorum-state file and the metadata log, which survive a restart), the messages in flight, the fault budgets,
// and small ghosts (not Kafka state) that the properties read: the committed prefix, HWs seen, a truncation.
import { initializeQuorumState, type ElectionState, type EpochEntry, type EpochState, type QuorumContext, type RaftLog } from '../rules/raft/index.ts';
import type { Message } from './kraft-quorum-messages.ts';

export interface KraftQuorumConfig {
  readonly voters: number;
  readonly maxEpoch: number;
  /** Client (metadata) records the leaders may append in a run, named a, b, c… */
  readonly records: number;
  /** KIP-996: timeouts go through Prospective and a PreVote round. */
  readonly preVote: boolean;
  /** Crashes (memory lost, quorum-state and log kept), each followed by a possible restart. */
  readonly restarts: number;
  /** Check-quorum resignations (a leader that stops hearing from a majority resigns). */
  readonly resigns: number;
  readonly maxMessages: number;
  readonly drops: number;
  readonly duplicates: number;
  /** Entries per fetch response (Kafka's fetch max bytes); 0 = up to the leader's log end. */
  readonly fetchMaxRecords: number;
  /** A voter loses its disk and rejoins under the same id. */
  readonly diskLosses: number;
  /** KIP-853: voter keys carry the directory id, so an emptied disk (new directory id) is no longer that voter. */
  readonly directoryIds: boolean;
  /** Bug switch (kafka-bugs.md 9): false = votes are granted without the log up-to-date comparison. */
  readonly voteLogCheck: boolean;
  /** Bug switch (kafka-bugs.md 9): false = the granted vote is not written to quorum-state. */
  readonly persistVote: boolean;
  /** Bug switch (Raft §5.4.2): the leader's HW counts replicas, ignoring the epoch start offset. */
  readonly commitByCountingReplicas: boolean;
  /** Bug switch: false = the leader does not compare the follower's last fetched epoch (Raft's prevLogTerm check). */
  readonly divergenceCheck: boolean;
  /** Liveness scenarios: 'first' = only voter 0's election timer fires (randomised timeouts let one voter run first). */
  readonly electionTimers?: 'all' | 'first';
  /** Liveness scenarios: 'last' = only the highest-id voter ever times out on its leader (the rejoining voter). */
  readonly lostContact?: 'any' | 'last';
  /**
   * Liveness scenarios: 'when-quiet' = timers fire only while no message is in flight, i.e. a timeout is longer
   * than a round trip (as quorum.election.timeout.ms and quorum.fetch.timeout.ms are); 'any-time' = as safety needs.
   */
  readonly timers?: 'any-time' | 'when-quiet';
  /** Liveness runs only (not a param): maxEpoch bounds the epoch spread the liveness quotient keeps, not the epoch. */
  readonly epochSpread?: boolean;
}

/**
 * A log entry packed as epoch × 16 + kind: kinds 0–7 are the LeaderChange control record written by that leader
 * id (Kafka's LeaderChangeMessage names the leader), kinds 8… are the metadata records a, b, c…
 */
export const leaderChangeEntry = (epoch: number, leader: number): number => epoch * 16 + leader;
export const recordEntry = (epoch: number, record: number): number => epoch * 16 + 7 + record;
export const entryEpoch = (entry: number): number => entry >> 4;
export const isLeaderChange = (entry: number): boolean => (entry & 15) < 8;
export const leaderChangeBy = (entry: number): number => entry & 7;

export function entryName(entry: number): string {
  const kind = entry & 15;
  const name = kind < 8 ? `LC(${kind})` : String.fromCharCode(89 + kind);
  return `${name}@${entryEpoch(entry)}`;
}

export interface VoterState {
  /** Kafka's in-memory epoch state; null while the process is down. */
  readonly es: EpochState | null;
  /** The quorum-state file while down (null: no file, as on a fresh or emptied disk). Up: derived from `es`. */
  readonly stored: ElectionState | null;
  /** Kafka hit one of its own fatal checks (truncation below the HW, inconsistent leader…): the process exited. */
  readonly halted: boolean;
  /** Disk incarnation = the directory id (KIP-853); bumped when the disk is lost. */
  readonly disk: number;
  /** The metadata log, packed entries from offset 0. */
  readonly log: readonly number[];
  /** Ghost: the highest high watermark this voter has had on this disk (-1: none yet). */
  readonly hwSeen: number;
}

export interface KraftQuorumState {
  readonly voters: readonly VoterState[];
  /** In flight, sorted by message code: a multiset, so the same messages in any order are the same state. */
  readonly network: readonly Message[];
  /** Client records appended so far (the next one is record appended + 1). */
  readonly appended: number;
  readonly restartsLeft: number;
  readonly resignsLeft: number;
  readonly dropsLeft: number;
  readonly duplicatesLeft: number;
  readonly diskLossesLeft: number;
  /** Ghost: the committed prefix of the metadata log, as first committed (a leader's log below its HW). */
  readonly committed: readonly number[];
  /** Ghost: some follower truncated its log on a diverging epoch (1) or not yet (0). */
  readonly truncated: number;
}

/**
 * Copies of states and voters with some fields changed. One fixed property order for every object (instead of
 * `{ ...s }` spreads over objects of several shapes), which keeps V8 on its fast paths: this runs on every step.
 */
export function stateWith(s: KraftQuorumState, c: Partial<KraftQuorumState>): KraftQuorumState {
  return {
    voters: c.voters ?? s.voters,
    network: c.network ?? s.network,
    appended: c.appended ?? s.appended,
    restartsLeft: c.restartsLeft ?? s.restartsLeft,
    resignsLeft: c.resignsLeft ?? s.resignsLeft,
    dropsLeft: c.dropsLeft ?? s.dropsLeft,
    duplicatesLeft: c.duplicatesLeft ?? s.duplicatesLeft,
    diskLossesLeft: c.diskLossesLeft ?? s.diskLossesLeft,
    committed: c.committed ?? s.committed,
    truncated: c.truncated ?? s.truncated,
  };
}

export function makeVoter(
  es: EpochState | null,
  stored: ElectionState | null,
  halted: boolean,
  disk: number,
  log: readonly number[],
  hwSeen: number,
): VoterState {
  return { es, stored, halted, disk, log, hwSeen };
}

/** The QuorumContext of voter `id` on disk incarnation `disk`; voters are 0..n-1, all on directory id 0. */
export function quorumContexts(config: KraftQuorumConfig): readonly (readonly QuorumContext[])[] {
  const dir = (d: number) => (config.directoryIds ? d : null);
  const voters = Array.from({ length: config.voters }, (_, id) => ({ id, dir: dir(0) }));
  const protocol = config.preVote ? 'kip996' : 'classic';
  return voters.map((_, id) =>
    Array.from({ length: config.diskLosses + 1 }, (_, disk) => ({ local: { id, dir: dir(disk) }, voters, protocol })),
  );
}

/** Logs are immutable arrays shared between states, so their RaftLog view is computed once per array. */
const raftLogs = new WeakMap<readonly number[], RaftLog>();

/**
 * The rules' view of a packed log: offsets and the leader-epoch cache (each epoch's first offset). Every log in
 * the model was built by the rules' appends, so its epochs never decrease.
 */
export function raftLogOf(log: readonly number[]): RaftLog {
  let raft = raftLogs.get(log);
  if (raft === undefined) {
    const epochs: EpochEntry[] = [];
    for (let offset = 0; offset < log.length; offset++) {
      const epoch = entryEpoch(log[offset]);
      if (epochs.length === 0 || epochs[epochs.length - 1].epoch !== epoch) epochs.push({ epoch, startOffset: offset });
    }
    raft = { startOffset: 0, endOffset: log.length, epochs, earliestSnapshot: null, latestSnapshot: null };
    raftLogs.set(log, raft);
  }
  return raft;
}

/** Records the RaftLog the rules computed for a new log array (saves rebuilding it). */
export function rememberRaftLog(log: readonly number[], raft: RaftLog): void {
  if (raft.endOffset !== log.length) throw new Error(`log of ${log.length} entries, RaftLog end ${raft.endOffset}`);
  raftLogs.set(log, raft);
}

export function initialState(config: KraftQuorumConfig, contexts: readonly (readonly QuorumContext[])[]): KraftQuorumState {
  // Every voter starts as QuorumState.initialize does without a quorum-state file: Unattached in epoch 0.
  const voters = contexts.map((ctx) => makeVoter(initializeQuorumState(null, { offset: 0, epoch: 0 }, ctx[0]), null, false, 0, [], -1));
  const empty: KraftQuorumState = {
    voters,
    network: [],
    appended: 0,
    restartsLeft: config.restarts,
    resignsLeft: config.resigns,
    dropsLeft: config.drops,
    duplicatesLeft: config.duplicates,
    diskLossesLeft: config.diskLosses,
    committed: [],
    truncated: 0,
  };
  return stateWith(empty, {});
}

/**
 * Who led which epoch, read from the state itself (no ghost): a voter that is Leader or Resigned in an epoch, a
 * stopped voter whose quorum-state file names itself leader, and every LeaderChange record in any log (Kafka's
 * LeaderChangeMessage names the leader that wrote it at the start of its epoch). leaders[e] = bitmask of voter ids.
 */
export function leadersByEpoch(s: KraftQuorumState, maxEpoch: number): number[] {
  const leaders = new Array<number>(maxEpoch + 1).fill(0);
  for (let id = 0; id < s.voters.length; id++) {
    const v = s.voters[id];
    if (v.es !== null && (v.es.role === 'Leader' || v.es.role === 'Resigned')) markLeader(leaders, v.es.epoch, id);
    if (v.es === null && v.stored !== null && v.stored.leaderId === id) markLeader(leaders, v.stored.epoch, id);
    for (const e of v.log) if (isLeaderChange(e)) markLeader(leaders, entryEpoch(e), leaderChangeBy(e));
  }
  for (const e of s.committed) if (isLeaderChange(e)) markLeader(leaders, entryEpoch(e), leaderChangeBy(e));
  return leaders;
}

function markLeader(leaders: number[], epoch: number, id: number): void {
  if (epoch < leaders.length) leaders[epoch] |= 1 << id;
}
