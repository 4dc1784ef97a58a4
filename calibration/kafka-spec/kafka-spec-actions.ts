// The actions of each variant's Next, named after the TLA+ operators of hachikuji/kafka-specification, in the
// order of that module's Next disjuncts. Each action fixes the spec's \E-bound variables (replica ids, the
// leader epoch of the LeaderAndIsr request) so `next` is a deterministic function of (state, action).

import type { Variant } from './kafka-spec-state.ts';

/** Operation codes dispatched by `next`; `r`/`x` are the bound replicas (0-based) or a request's leader epoch. */
export const Op = {
  ControllerElectLeader: 0, // r: the new leader
  ControllerShrinkIsr: 1, // r: the replica taken out
  BecomeLeader: 2, // x: leader epoch of the request
  LeaderExpandIsr: 3, // r: leader, x: replica added
  LeaderShrinkIsr: 4, // r: leader, x: replica removed
  LeaderWrite: 5, // r: presumed leader
  LeaderIncHighWatermark: 6, // r: leader
  BecomeFollowerTruncateToHighWatermark: 7, // r: replica, x: request epoch (the leader is the request's)
  BecomeFollowerTruncateKip101: 8,
  BecomeFollowerTruncateKip279: 9,
  FollowerReplicate: 10, // r: follower, x: leader
  LeaderExpandIsrBetterFencing: 11,
  LeaderShrinkIsrBetterFencing: 12,
  ImprovedLeaderIncHighWatermark: 13,
  BecomeFollower: 14, // Kip320FirstTry: no truncation on the epoch change
  FollowerFetch: 15,
  FollowerTruncate: 16, // r: follower, x: leader
  FencedLeaderExpandIsr: 17,
  FencedLeaderShrinkIsr: 18,
  FencedLeaderIncHighWatermark: 19,
  FencedBecomeFollowerAndTruncate: 20,
  FencedFollowerFetch: 21,
} as const;
export type OpName = keyof typeof Op;

export interface KafkaSpecAction {
  readonly type: OpName;
  readonly op: number;
  readonly r: number;
  readonly x: number;
}

type Shape = 'replica' | 'epoch' | 'pair' | 'replicaEpoch';
const SHAPE: Record<OpName, Shape> = {
  ControllerElectLeader: 'replica', ControllerShrinkIsr: 'replica', BecomeLeader: 'epoch', LeaderExpandIsr: 'pair',
  LeaderShrinkIsr: 'pair', LeaderWrite: 'replica', LeaderIncHighWatermark: 'replica',
  BecomeFollowerTruncateToHighWatermark: 'replicaEpoch', BecomeFollowerTruncateKip101: 'replicaEpoch',
  BecomeFollowerTruncateKip279: 'replicaEpoch', FollowerReplicate: 'pair', LeaderExpandIsrBetterFencing: 'pair',
  LeaderShrinkIsrBetterFencing: 'pair', ImprovedLeaderIncHighWatermark: 'replica', BecomeFollower: 'replicaEpoch',
  FollowerFetch: 'pair', FollowerTruncate: 'pair', FencedLeaderExpandIsr: 'pair', FencedLeaderShrinkIsr: 'pair',
  FencedLeaderIncHighWatermark: 'replica', FencedBecomeFollowerAndTruncate: 'replicaEpoch', FencedFollowerFetch: 'pair',
};

const CONTROLLER: OpName[] = ['ControllerElectLeader', 'ControllerShrinkIsr', 'BecomeLeader'];

/** Each module's Next, disjunct by disjunct. */
export const NEXT_OPS: Record<Variant, readonly OpName[]> = {
  // KafkaTruncateToHighWatermark!Next
  'truncate-to-hw': [...CONTROLLER, 'LeaderExpandIsr', 'LeaderShrinkIsr', 'LeaderWrite', 'LeaderIncHighWatermark', 'BecomeFollowerTruncateToHighWatermark', 'FollowerReplicate'],
  // Kip101!Next
  'kip-101': [...CONTROLLER, 'LeaderExpandIsr', 'LeaderShrinkIsr', 'LeaderWrite', 'LeaderIncHighWatermark', 'BecomeFollowerTruncateKip101', 'FollowerReplicate'],
  // Kip279!Next
  'kip-279': [...CONTROLLER, 'LeaderExpandIsr', 'LeaderShrinkIsr', 'LeaderWrite', 'LeaderIncHighWatermark', 'BecomeFollowerTruncateKip279', 'FollowerReplicate'],
  // Kip320FirstTry!Next
  'kip-320-first-try': [...CONTROLLER, 'LeaderExpandIsrBetterFencing', 'LeaderShrinkIsrBetterFencing', 'LeaderWrite', 'ImprovedLeaderIncHighWatermark', 'BecomeFollower', 'FollowerFetch', 'FollowerTruncate'],
  // Kip320!Next
  'kip-320': [...CONTROLLER, 'FencedLeaderExpandIsr', 'FencedLeaderShrinkIsr', 'LeaderWrite', 'FencedLeaderIncHighWatermark', 'FencedBecomeFollowerAndTruncate', 'FencedFollowerFetch'],
};

/**
 * Every candidate action of a variant, built once. Pairs range over all (r, x) with r != x: where the spec
 * quantifies over two replicas without requiring them distinct, the equal pair is provably disabled (a presumed
 * leader is always in its own ISR; a log never replicates to or truncates against itself; checked: counts and
 * generated-state totals are identical with the equal pairs added).
 */
export function buildActions(variant: Variant, replicas: number, maxLeaderEpoch: number): KafkaSpecAction[] {
  const out: KafkaSpecAction[] = [];
  for (const type of NEXT_OPS[variant]) {
    const op = Op[type];
    switch (SHAPE[type]) {
      case 'replica':
        for (let r = 0; r < replicas; r++) out.push({ type, op, r, x: 0 });
        break;
      case 'epoch':
        for (let e = 0; e <= maxLeaderEpoch; e++) out.push({ type, op, r: 0, x: e });
        break;
      case 'pair':
        for (let r = 0; r < replicas; r++) for (let x = 0; x < replicas; x++) if (r !== x) out.push({ type, op, r, x });
        break;
      case 'replicaEpoch':
        for (let r = 0; r < replicas; r++) for (let e = 0; e <= maxLeaderEpoch; e++) out.push({ type, op, r, x: e });
        break;
    }
  }
  return out;
}

// Ops enabled only while replica `r` (resp. `x`) presumes leadership: each requires ReplicaPresumesLeadership of
// that replica, directly or through IsTrueLeader / IsFollowerCaughtUpToLeaderEpoch / IsFollowingLeaderEpoch.
// (FencedLeaderIncHighWatermark is absent: with an empty local ISR the spec does not require it.)
const LEADER_R = new Set<OpName>(['LeaderExpandIsr', 'LeaderShrinkIsr', 'LeaderWrite', 'LeaderIncHighWatermark', 'LeaderExpandIsrBetterFencing', 'LeaderShrinkIsrBetterFencing', 'ImprovedLeaderIncHighWatermark', 'FencedLeaderExpandIsr', 'FencedLeaderShrinkIsr']);
const LEADER_X = new Set<OpName>(['FollowerReplicate', 'FollowerFetch', 'FollowerTruncate', 'FencedFollowerFetch']);

/**
 * The candidate actions for every (set of replicas presuming leadership, nextLeaderEpoch), in `buildActions`
 * order: table[mask * (maxLeaderEpoch + 2) + nextLeaderEpoch]. It drops only actions that are certainly
 * disabled there (a leader role the replica does not hold, a request not sent yet), so `actions(state)` stays a
 * shared pre-built array while `next` is called about half as often.
 */
export function buildActionTable(variant: Variant, replicas: number, maxLeaderEpoch: number): KafkaSpecAction[][] {
  const all = buildActions(variant, replicas, maxLeaderEpoch);
  const table: KafkaSpecAction[][] = [];
  for (let mask = 0; mask < 1 << replicas; mask++) {
    for (let sent = 0; sent <= maxLeaderEpoch + 1; sent++) {
      table.push(
        all.filter((a) => {
          const shape = SHAPE[a.type];
          if ((shape === 'epoch' || shape === 'replicaEpoch') && a.x >= sent) return false;
          if (LEADER_R.has(a.type) && (mask & (1 << a.r)) === 0) return false;
          return !(LEADER_X.has(a.type) && (mask & (1 << a.x)) === 0);
        }),
      );
    }
  }
  return table;
}
