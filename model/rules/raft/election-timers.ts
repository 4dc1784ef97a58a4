// KRaft's timer formulas with the random draw injected (no Random, no clock): QuorumState.randomElectionTimeoutMs,
// KafkaRaftClient.binaryExponentialElectionBackoffMs and strictExponentialElectionBackoffMs, and the QuorumConfig
// defaults. The model treats timers as events; these give their lengths when a run wants real durations.

/** KafkaRaftClient.RETRY_BACKOFF_BASE_MS. */
export const RETRY_BACKOFF_BASE_MS = 100;
/** quorum.election.timeout.ms, quorum.fetch.timeout.ms, quorum.election.backoff.max.ms defaults. */
export const DEFAULT_ELECTION_TIMEOUT_MS = 1000;
export const DEFAULT_FETCH_TIMEOUT_MS = 2000;
export const DEFAULT_ELECTION_BACKOFF_MAX_MS = 1000;
/** LeaderState.CHECK_QUORUM_TIMEOUT_FACTOR: check-quorum expires after 1.5 × the fetch timeout. */
export const CHECK_QUORUM_TIMEOUT_FACTOR = 1.5;

/** The exclusive bound Kafka passes to random.nextInt for the election timeout jitter (the timeout itself). */
export function electionTimeoutJitterBound(electionTimeoutMs: number): number {
  return electionTimeoutMs;
}

/**
 * randomElectionTimeoutMs: T + nextInt(T), in [T, 2T); 0 when T is 0 (no draw). `draw` is nextInt's result,
 * expected in [0, T).
 */
export function randomElectionTimeoutMs(electionTimeoutMs: number, draw: number): number {
  if (electionTimeoutMs === 0) return 0;
  return electionTimeoutMs + draw;
}

/** The exclusive bound of the backoff draw: 2 << min(20, retries - 1) (capped to avoid overflow). */
export function electionBackoffBound(retries: number): number {
  if (retries <= 0) throw new Error(`Retries ${retries} should be larger than zero`);
  return 2 << Math.min(20, retries - 1);
}

/**
 * binaryExponentialElectionBackoffMs: min(RETRY_BACKOFF_BASE_MS × nextInt(2 << min(20, retries-1)), max).
 * `draw` is nextInt's result; the formula does not clamp it (KafkaRaftClientTest#testRetryElection mocks 85).
 */
export function binaryExponentialElectionBackoffMs(
  retries: number,
  draw: number,
  electionBackoffMaxMs: number = DEFAULT_ELECTION_BACKOFF_MAX_MS,
): number {
  electionBackoffBound(retries);
  return Math.min(RETRY_BACKOFF_BASE_MS * draw, electionBackoffMaxMs);
}

/**
 * strictExponentialElectionBackoffMs: after EndQuorumEpoch, successor position p of n waits 0 if p = 0,
 * else min(max, (max >> (n-1)) << (p-1)); a node not among the successors waits the full max.
 */
export function strictExponentialElectionBackoffMs(
  position: number,
  successors: number,
  electionBackoffMaxMs: number = DEFAULT_ELECTION_BACKOFF_MAX_MS,
): number {
  if (position === 0) return 0;
  if (position < 0 || position >= successors) return electionBackoffMaxMs;
  const base = electionBackoffMaxMs >> (successors - 1);
  return Math.min(electionBackoffMaxMs, base << (position - 1));
}

/** The check-quorum window: ⌊fetchTimeout × 1.5⌋ (an int cast in LeaderState). */
export function checkQuorumTimeoutMs(fetchTimeoutMs: number = DEFAULT_FETCH_TIMEOUT_MS): number {
  return Math.floor(fetchTimeoutMs * CHECK_QUORUM_TIMEOUT_FACTOR);
}
