// Kafka's KRaft quorum rules (raft/ module) as pure functions over plain data: epoch states and their
// transitions, restart, Vote/PreVote handling, the leader's high watermark, fetch validation and truncation,
// and the timer formulas. Import from here; each file is named for the Kafka rule it models.

export * from './raft-types.ts';
export * from './replica-key.ts';
export * from './vote-tally.ts';
export * from './election-state.ts';
export * from './quorum-transitions.ts';
export * from './nominee-steps.ts';
export * from './timeout-events.ts';
export * from './quorum-initialize.ts';
export * from './can-grant-vote.ts';
export * from './handle-vote-request.ts';
export * from './handle-common-response.ts';
export * from './handle-vote-response.ts';
export * from './quorum-epoch-requests.ts';
export * from './leader-high-watermark.ts';
export * from './raft-log.ts';
export * from './validate-offset-and-epoch.ts';
export * from './fetch-request.ts';
export * from './election-timers.ts';
