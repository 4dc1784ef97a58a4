// ReplicaKey matching and voter-set lookups (ReplicaKey, VoterSet.isVoter, ElectionState.isVotedCandidate,
// KafkaRaftClient.isValidVoterKey). One rule everywhere: a stored key without a directory id matches by id alone;
// a stored key with one must match it exactly — the KIP-853 guard against a voter rejoining with an empty disk.
import type { QuorumContext, ReplicaKey } from './raft-types.ts';

export function replicaKey(id: number, dir: number | null = null): ReplicaKey {
  return { id, dir };
}

/** Does `other` satisfy the `stored` key? (VoterSet.VoterNode.isVoter / ElectionState.isVotedCandidate.) */
export function keyMatches(stored: ReplicaKey, other: ReplicaKey): boolean {
  if (stored.id !== other.id) return false;
  return stored.dir === null || stored.dir === other.dir;
}

export function sameReplicaKey(a: ReplicaKey | null, b: ReplicaKey | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && a.dir === b.dir;
}

/** ReplicaKey.compareTo: by id, then directory id with "none" (the zero uuid) first. */
export function compareReplicaKeys(a: ReplicaKey, b: ReplicaKey): number {
  if (a.id !== b.id) return a.id - b.id;
  if (a.dir === b.dir) return 0;
  if (a.dir === null) return -1;
  if (b.dir === null) return 1;
  return a.dir - b.dir;
}

/** VoterSet.isVoter(key). */
export function isVoterKey(ctx: QuorumContext, key: ReplicaKey): boolean {
  const voter = ctx.voters.find((v) => v.id === key.id);
  return voter !== undefined && keyMatches(voter, key);
}

/** QuorumState.isVoter(): is this node (id and directory) in the voter set? Observers never time out. */
export function isLocalVoter(ctx: QuorumContext): boolean {
  return isVoterKey(ctx, ctx.local);
}

export function voterIds(ctx: QuorumContext): readonly number[] {
  return ctx.voters.map((v) => v.id);
}

/** A majority of n voters: ⌊n/2⌋ + 1 (EpochElection.majoritySize). */
export function majoritySize(voterCount: number): number {
  return Math.floor(voterCount / 2) + 1;
}

/**
 * Are the leader's endpoints known? With a static voter set the endpoints come from the voter set
 * (partitionState.lastVoterSet().listeners(id)), so: is the leader a voter. Unknown endpoints are why
 * QuorumState.initialize and maybeTransition pick Unattached(leaderId) over Follower.
 */
export function leaderEndpointsKnown(ctx: QuorumContext, leaderId: number): boolean {
  return ctx.voters.some((v) => v.id === leaderId);
}
