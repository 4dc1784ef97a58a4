// Plain-data shapes of Kafka's KRaft quorum (raft/ module): replica keys, the per-epoch states of
// QuorumState/EpochState (Unattached, Prospective, Candidate, Leader, Follower, Resigned), the persisted
// quorum-state record (ElectionState) and the leader's replica progress (LeaderState). All immutable, no clocks:
// timers are events the model fires; only facts that change Kafka's decisions are kept.

/** Kafka's ReplicaKey: node id plus the KIP-853 directory id. `dir: null` = no directory id (kraft.version 0). */
export interface ReplicaKey {
  readonly id: number;
  readonly dir: number | null;
}

/** Kafka's OffsetAndEpoch. For a log end it is (LEO, lastFetchedEpoch). */
export interface OffsetAndEpoch {
  readonly offset: number;
  readonly epoch: number;
}

/** `classic`: timeouts go straight to Candidate(epoch+1). `kip996`: they go through Prospective and PreVote. */
export type ElectionProtocol = 'classic' | 'kip996';

/** What a node knows that is not part of its epoch state. */
export interface QuorumContext {
  /** This node's id and directory id (QuorumState.localId / localDirectoryId). */
  readonly local: ReplicaKey;
  /** The voter set (partitionState.lastVoterSet()), ascending by id; a voter's `dir` may be null. */
  readonly voters: readonly ReplicaKey[];
  readonly protocol: ElectionProtocol;
}

/** Kafka's EpochElection, without the voter set (counted against QuorumContext.voters). Ids ascending. */
export interface VoteTally {
  readonly granted: readonly number[];
  readonly rejected: readonly number[];
}

/** One replica in LeaderState.voterStates / observerStates. `endOffset: null` = not yet known. */
export interface ReplicaProgress {
  readonly key: ReplicaKey;
  readonly endOffset: number | null;
}

/** The part of LeaderState that decides the high watermark and check-quorum. */
export interface LeaderProgress {
  readonly localKey: ReplicaKey;
  readonly epochStartOffset: number;
  /** Null until a majority holds an entry of this epoch (the leader does not keep the old HW). */
  readonly highWatermark: number | null;
  /** In voter-set order (ascending id). The leader is here only while it is a voter. */
  readonly voters: readonly ReplicaProgress[];
  /** Non-voters that fetched (and the leader itself once removed from the voter set), by (id, dir). */
  readonly observers: readonly ReplicaProgress[];
  /** Voters (never the leader) that fetched in the current check-quorum window, ascending. */
  readonly fetchedVoters: readonly number[];
}

export interface UnattachedState {
  readonly role: 'Unattached';
  readonly epoch: number;
  /** A leader known by id whose endpoints are unknown (QuorumState.initialize / maybeTransition). */
  readonly leaderId: number | null;
  readonly votedKey: ReplicaKey | null;
  readonly highWatermark: number | null;
}

/** KIP-996: collecting PreVotes in the current epoch. Memory-only (never written to quorum-state). */
export interface ProspectiveState {
  readonly role: 'Prospective';
  readonly epoch: number;
  readonly leaderId: number | null;
  readonly votedKey: ReplicaKey | null;
  readonly retries: number;
  readonly votes: VoteTally;
  readonly highWatermark: number | null;
}

export interface CandidateState {
  readonly role: 'Candidate';
  readonly epoch: number;
  readonly retries: number;
  readonly votes: VoteTally;
  /** The random election backoff has started (CandidateState.startBackingOff); it ends by `onBackoffComplete`. */
  readonly backingOff: boolean;
  readonly highWatermark: number | null;
}

export interface LeaderState {
  readonly role: 'Leader';
  readonly epoch: number;
  readonly progress: LeaderProgress;
}

export interface FollowerState {
  readonly role: 'Follower';
  readonly epoch: number;
  readonly leaderId: number;
  readonly votedKey: ReplicaKey | null;
  /** FollowerState.hasFetchedFromLeader: a Fetch succeeded since this node became follower in this epoch. */
  readonly hasFetchedFromLeader: boolean;
  readonly highWatermark: number | null;
}

/** A leader that gave up its epoch (check-quorum, shutdown, or restart). Memory-only; has no high watermark. */
export interface ResignedState {
  readonly role: 'Resigned';
  readonly epoch: number;
  /** Other voters by descending fetch offset (LeaderState.nonLeaderVotersByDescendingFetchOffset). */
  readonly preferredSuccessors: readonly number[];
}

export type EpochState =
  | UnattachedState
  | ProspectiveState
  | CandidateState
  | LeaderState
  | FollowerState
  | ResignedState;

export type Role = EpochState['role'];

/** The quorum-state file (ElectionState): what survives a restart. */
export interface ElectionState {
  readonly epoch: number;
  readonly leaderId: number | null;
  readonly votedKey: ReplicaKey | null;
}
