// Unit tests for the timer formulas with injected draws: election timeout in [T, 2T), the binary exponential
// candidate backoff and its bound, the strict successor backoff after EndQuorumEpoch, and the check-quorum window.
import { describe, it, expect } from 'vitest';
import {
  binaryExponentialElectionBackoffMs,
  checkQuorumTimeoutMs,
  electionBackoffBound,
  randomElectionTimeoutMs,
  strictExponentialElectionBackoffMs,
} from './index.ts';

describe('timers', () => {
  it('election timeout: T + draw, 0 for T = 0', () => {
    expect(randomElectionTimeoutMs(1000, 0)).toBe(1000);
    expect(randomElectionTimeoutMs(1000, 999)).toBe(1999);
    expect(randomElectionTimeoutMs(0, 0)).toBe(0);
  });

  it('backoff bound doubles per retry and is capped at 2 << 20', () => {
    expect([1, 2, 3, 4].map(electionBackoffBound)).toEqual([2, 4, 8, 16]);
    expect(electionBackoffBound(50)).toBe(2 << 20);
    expect(() => electionBackoffBound(0)).toThrow(/larger than zero/);
  });

  it('backoff: 100 ms × draw, capped at electionBackoffMaxMs (KafkaRaftClientTest#testRetryElection)', () => {
    expect(binaryExponentialElectionBackoffMs(1, 85, 100)).toBe(100);
    expect(binaryExponentialElectionBackoffMs(3, 4)).toBe(400);
    expect(binaryExponentialElectionBackoffMs(3, 20)).toBe(1000);
    expect(() => binaryExponentialElectionBackoffMs(0, 1)).toThrow();
  });

  it('successor backoff: the first successor goes at once, later ones wait exponentially longer', () => {
    expect([0, 1, 2, 3].map((p) => strictExponentialElectionBackoffMs(p, 4, 1000))).toEqual([0, 125, 250, 500]);
    expect(strictExponentialElectionBackoffMs(-1, 4, 1000)).toBe(1000);
    expect(strictExponentialElectionBackoffMs(4, 4, 1000)).toBe(1000);
  });

  it('check-quorum expires after 1.5 × the fetch timeout', () => {
    expect(checkQuorumTimeoutMs()).toBe(3000);
    expect(checkQuorumTimeoutMs(1001)).toBe(1501);
  });
});
