// Which KRaft steps a fair run must eventually take (for liveness properties), per action type. Messages in
// flight are delivered, followers keep fetching, a leader keeps sending BeginQuorumEpoch and a candidate its
// Vote requests, and the election timer of a voter with no leader fires (pollUnattached/pollCandidate/
// pollProspective/pollResigned in KafkaRaftClient, 3.9). The fetch timeout is not fair: in the model it fires
// at any time, which stands for a voter that lost touch with its leader — something that may happen, never
// something that must. Check-quorum resignation, client appends, crashes, restarts and network faults are not.

// Sends and deliveries are strongly fair: timers fire at any time in the model, so a timer could otherwise
// always beat the message it races (a PreVote withdrawn by its sender's next timeout, again and again) — weak
// fairness would call that livelock fair, although in Kafka a timeout is far longer than a round trip.
export const KRAFT_FAIRNESS: Readonly<Record<string, 'weak' | 'strong'>> = {
  Deliver: 'strong',
  SendFetch: 'strong',
  SendBeginQuorumEpoch: 'strong',
  ResendVote: 'strong',
  ElectionTimeout: 'weak',
};
