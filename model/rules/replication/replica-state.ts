// The leader's bookkeeping of one follower (kafka.cluster.Replica / ReplicaState at apache/kafka 1eb7644349cb):
// what the follower's last fetch said, and when it was last caught up. Times are integer milliseconds passed in;
// nothing here reads a clock.

/** UnifiedLog.UnknownOffset: the follower's offsets are unknown until it fetches from this leader. */
export const UNKNOWN_OFFSET = -1;

export interface ReplicaState {
  readonly logStartOffset: number;
  /** The follower's LEO as of its last fetch (= that fetch's offset). */
  readonly logEndOffset: number;
  /** The leader's LEO when the previous fetch arrived (never decreases between resets). */
  readonly lastFetchLeaderLogEndOffset: number;
  readonly lastFetchTimeMs: number;
  /** Largest t such that the follower's fetch offset reached the leader's LEO as of t. */
  readonly lastCaughtUpTimeMs: number;
  /** Broker epoch carried by the last fetch (KIP-903); null when none was seen since the last reset. */
  readonly brokerEpoch: number | null;
}

/** The leader's bookkeeping of one remote replica (an entry of Partition.remoteReplicasMap). */
export interface FollowerReplica {
  readonly replicaId: number;
  readonly state: ReplicaState;
}

/** ReplicaState.Empty. */
export const EMPTY_REPLICA_STATE: ReplicaState = {
  logStartOffset: UNKNOWN_OFFSET,
  logEndOffset: UNKNOWN_OFFSET,
  lastFetchLeaderLogEndOffset: 0,
  lastFetchTimeMs: 0,
  lastCaughtUpTimeMs: 0,
  brokerEpoch: null,
};

/**
 * A follower's bookkeeping rebuilt from its last fetch offset alone (-1: not heard from since the leader's reset), as
 * the models keep it: every time field 0, so with a clock past replica.lag.time.max.ms a follower counts as caught
 * up only at the leader's LEO (isCaughtUp), which is any moment after its lag time passed.
 */
export function replicaStateAtFetchOffset(logEndOffset: number, brokerEpoch: number | null): ReplicaState {
  if (logEndOffset < 0) return { ...EMPTY_REPLICA_STATE, lastFetchLeaderLogEndOffset: UNKNOWN_OFFSET };
  return { logStartOffset: 0, logEndOffset, lastFetchLeaderLogEndOffset: 0, lastFetchTimeMs: 0, lastCaughtUpTimeMs: 0, brokerEpoch };
}

/** One follower Fetch as the leader sees it. */
export interface FollowerFetch {
  readonly fetchOffset: number;
  readonly logStartOffset: number;
  readonly fetchTimeMs: number;
  /** The leader's LEO when the fetch was read (Partition.readRecords uses the LEO before the read). */
  readonly leaderEndOffset: number;
  /** Broker epoch in the request; -1 skips the check (older requests, ZK mode). */
  readonly brokerEpoch: number;
}

export type FetchStateUpdate =
  | { readonly ok: true; readonly state: ReplicaState }
  | { readonly ok: false; readonly error: 'NOT_LEADER_OR_FOLLOWER' };

/**
 * Replica.updateFetchStateOrThrow. In KRaft, a fetch whose broker epoch (≠ -1) is below the epoch the metadata cache
 * holds for that broker is fenced with NOT_LEADER_OR_FOLLOWER (`cachedBrokerEpoch` null = ZK mode or unknown
 * broker: no check). Otherwise lastCaughtUp becomes max(previous, fetch time) when the fetch reached the leader's
 * LEO, else max(previous, previous fetch time) when it reached the leader's LEO as of the previous fetch.
 */
export function updateFetchState(
  current: ReplicaState,
  fetch: FollowerFetch,
  cachedBrokerEpoch: number | null = null,
): FetchStateUpdate {
  if (fetch.brokerEpoch !== -1 && cachedBrokerEpoch !== null && cachedBrokerEpoch > fetch.brokerEpoch) {
    return { ok: false, error: 'NOT_LEADER_OR_FOLLOWER' };
  }
  let lastCaughtUpTimeMs = current.lastCaughtUpTimeMs;
  if (fetch.fetchOffset >= fetch.leaderEndOffset) {
    lastCaughtUpTimeMs = Math.max(current.lastCaughtUpTimeMs, fetch.fetchTimeMs);
  } else if (fetch.fetchOffset >= current.lastFetchLeaderLogEndOffset) {
    lastCaughtUpTimeMs = Math.max(current.lastCaughtUpTimeMs, current.lastFetchTimeMs);
  }
  return {
    ok: true,
    state: {
      logStartOffset: fetch.logStartOffset,
      logEndOffset: fetch.fetchOffset,
      lastFetchLeaderLogEndOffset: Math.max(fetch.leaderEndOffset, current.lastFetchLeaderLogEndOffset),
      lastFetchTimeMs: fetch.fetchTimeMs,
      lastCaughtUpTimeMs,
      brokerEpoch: fetch.brokerEpoch,
    },
  };
}

/**
 * Replica.resetReplicaState, run for every follower when makeLeader starts a new leader epoch. lastCaughtUp = now
 * for an ISR member, else 0. A new leader (it was not leader before) forgets the follower's offsets and broker
 * epoch; a re-elected leader keeps them, sets lastFetchLeaderLEO to its LEO, and lastFetchTime to now for an ISR
 * member (else 0, so the follower cannot rejoin before it fetches).
 */
export function resetReplicaState(
  current: ReplicaState,
  nowMs: number,
  leaderEndOffset: number,
  isNewLeader: boolean,
  isFollowerInSync: boolean,
): ReplicaState {
  const lastCaughtUpTimeMs = isFollowerInSync ? nowMs : 0;
  if (isNewLeader) {
    return {
      logStartOffset: UNKNOWN_OFFSET,
      logEndOffset: UNKNOWN_OFFSET,
      lastFetchLeaderLogEndOffset: UNKNOWN_OFFSET,
      lastFetchTimeMs: 0,
      lastCaughtUpTimeMs,
      brokerEpoch: null,
    };
  }
  return {
    logStartOffset: current.logStartOffset,
    logEndOffset: current.logEndOffset,
    lastFetchLeaderLogEndOffset: leaderEndOffset,
    lastFetchTimeMs: isFollowerInSync ? nowMs : 0,
    lastCaughtUpTimeMs,
    brokerEpoch: current.brokerEpoch,
  };
}

/** ReplicaState.isCaughtUp: at the leader's LEO, or caught up within the last replica.lag.time.max.ms. */
export function isCaughtUp(
  state: ReplicaState,
  leaderEndOffset: number,
  nowMs: number,
  replicaLagTimeMaxMs: number,
): boolean {
  return leaderEndOffset === state.logEndOffset || nowMs - state.lastCaughtUpTimeMs <= replicaLagTimeMaxMs;
}

/** replica.lag.time.max.ms default (ReplicationConfigs.REPLICA_LAG_TIME_MAX_MS_DEFAULT). */
export const DEFAULT_REPLICA_LAG_TIME_MAX_MS = 30_000;

/**
 * The models' "now": they keep no clock, so every time-dependent rule is evaluated after replica.lag.time.max.ms
 * has passed since the follower last caught up — a follower is caught up only while its LEO equals the leader's
 * (isCaughtUp), which lets the periodic ISR check shrink any lagging follower: time can always pass.
 */
export const CLOCKLESS_NOW_MS = 2 * DEFAULT_REPLICA_LAG_TIME_MAX_MS + 1;
