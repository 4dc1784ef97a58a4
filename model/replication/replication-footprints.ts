// Footprints of the replication steps for --por: one table entry per action kind, over per-broker parts (liveness,
// log with epoch cache and flushed prefix, HW, HW checkpoint, view, leader role, inbox, AlterPartition, fetch
// response), the controller, the fault budgets and the ghosts. The properties' reads (C2) are declared beside them,
// so a step that only moves bookkeeping the properties never look at (an ISR proposal, a lost response) is invisible.

import type { ActionBase, ActionFootprint, PartialOrder } from '../../src/contract/model.ts';
import type { Property } from '../../src/contract/property.ts';
import type { ReplicationAction } from './replication-actions.ts';

/**
 * A broker's parts. `life` covers alive, shutdown kind and whether the controller still has it registered; `log` the
 * log, epoch cache and flushed offset; `view` its leader, epochs, truncating.
 */
const PARTS = ['life', 'log', 'hw', 'hwcp', 'view', 'role', 'inbox', 'alter', 'fresp'] as const;
type BrokerPart = (typeof PARTS)[number];
const part = (id: number, p: BrokerPart): string => `broker.${id}.${p}`;

/** The controller's registration (leader, epochs, ISR, ELR) and, apart, its assignment (only a reorder writes it). */
const CTL = 'ctl';
const ASSIGNMENT = 'ctl.replicas';
const G = { next: 'g.next', committed: 'g.committed', acked: 'g.acked', pending: 'g.pending', consumed: 'g.consumed', fatal: 'g.fatal' } as const;

interface Fp {
  readonly reads: string[];
  readonly writes: string[];
}

/**
 * What each kind touches for broker `b` of `n`. Helpers: `mine` = b's parts, `every` = that part of every broker.
 * A new action kind must declare here every part its guard or effect reads and every part it may change, in any
 * configuration (the footprint may not depend on the state); footprints.test samples that against `next`.
 */
type Entry = (b: number, n: number) => Fp;

const every = (n: number, ...ps: BrokerPart[]): string[] => Array.from({ length: n }, (_, id) => ps.map((p) => part(id, p))).flat();
const mine = (b: number, ...ps: BrokerPart[]): string[] => ps.map((p) => part(b, p));
/** Whatever any broker may do as the leader a follower fetches from (its bookkeeping, HW, ISR proposal). */
const leaderSide = (n: number): string[] => every(n, 'life', 'view', 'role', 'log', 'hw', 'alter');
/** noteCommits / settleAcks: the acting leader's HW may commit records and complete acks=all requests. */
const COMMITS = { reads: [G.committed, G.pending], writes: [G.committed, G.pending, G.acked] };
/** A controller decision: the registration, then an update enqueued on every live broker's channel. */
const controllerChange = (n: number): Fp => ({ reads: [CTL, ASSIGNMENT, ...every(n, 'life', 'log', 'inbox')], writes: [CTL, ...every(n, 'inbox')] });
/** A broker going down or coming back, with the controller's reaction; `budget` is the fault count it spends. */
const lifecycle =
  (...budget: string[]): Entry =>
  (b, n) => {
    const c = controllerChange(n);
    return { reads: [...c.reads, ...mine(b, ...PARTS), ...budget], writes: [...c.writes, ...mine(b, ...PARTS), ...budget, G.pending] };
  };

const TABLE: Readonly<Record<ReplicationAction['type'], Entry>> = {
  Produce: (b, n) => ({
    reads: [...mine(b, 'role', 'view', 'log', 'hw'), ...every(n, 'life'), G.next, ...COMMITS.reads],
    writes: [...mine(b, 'role', 'log', 'hw'), G.next, ...COMMITS.writes],
  }),
  // Atomic: the leader's handling and the follower's append; async: the follower's send writes its response slot.
  FollowerFetch: (b, n) => ({
    reads: [...leaderSide(n), ...mine(b, 'log', 'hw', 'fresp'), ...COMMITS.reads, G.fatal],
    writes: [...every(n, 'role', 'hw', 'alter'), ...mine(b, 'log', 'fresp'), ...COMMITS.writes, G.fatal],
  }),
  ReceiveFetchResponse: (b) => ({ reads: [...mine(b, 'life', 'view', 'role', 'log', 'hw', 'fresp'), G.committed], writes: [...mine(b, 'log', 'hw', 'fresp'), G.committed] }),
  DropFetchResponse: (b) => ({ reads: mine(b, 'life', 'fresp'), writes: mine(b, 'fresp') }),
  TruncateFollower: (b, n) => ({ reads: [...leaderSide(n), ...mine(b, 'log', 'hw')], writes: mine(b, 'log', 'hw', 'view') }),
  ApplyPartitionState: (b, n) => ({
    reads: [...mine(b, 'inbox', 'view', 'role', 'log', 'hw'), ...every(n, 'life'), ASSIGNMENT, ...COMMITS.reads],
    writes: [...mine(b, 'inbox', 'view', 'role', 'log', 'hw'), ...COMMITS.writes],
  }),
  ShrinkIsr: (b, n) => ({ reads: [...mine(b, 'view', 'role', 'alter', 'log', 'hw'), ...every(n, 'life')], writes: mine(b, 'role', 'alter') }),
  // A committed ISR change also moves the leader's partition epoch (its view).
  HandleAlterPartition: (b, n) => {
    const c = controllerChange(n);
    return { reads: [...c.reads, ...mine(b, 'alter', 'view', 'role', 'hw'), ...COMMITS.reads], writes: [...c.writes, ...mine(b, 'alter', 'role', 'hw', 'view'), ...COMMITS.writes] };
  },
  CleanShutdown: lifecycle('budget.clean'),
  Crash: lifecycle('budget.crash'),
  DataLossShutdown: lifecycle('budget.loss'),
  Restart: lifecycle(),
  // failureDetection=timeout: the controller notices a dead broker (its `registered` bit is part of `life`).
  SessionExpires: (b, n) => {
    const c = controllerChange(n);
    return { reads: [...c.reads, ...mine(b, 'life')], writes: [...c.writes, ...mine(b, 'life')] };
  },
  ElectPreferredLeader: (_b, n) => controllerChange(n),
  ElectLeaderlessPartition: (_b, n) => controllerChange(n),
  Consume: (b) => ({ reads: [...mine(b, 'life', 'role', 'log', 'hw'), G.consumed], writes: [G.consumed] }),
  CheckpointHighWatermark: (b) => ({ reads: mine(b, 'life', 'hw', 'hwcp'), writes: mine(b, 'hwcp') }),
  WinLeaderZnode: (_b, n) => controllerChange(n),
  ReorderReplicas: (_b, n) => {
    const c = controllerChange(n);
    return { reads: [...c.reads, 'budget.reassign'], writes: [...c.writes, ASSIGNMENT, 'budget.reassign'] };
  },
};

export function replicationPartialOrder(replicas: number): PartialOrder<ReplicationAction> {
  const footprint = (a: ReplicationAction): ActionFootprint => TABLE[a.type]('broker' in a ? a.broker : -1, replicas);
  // The candidate list is fixed per configuration (allActions), so no action ever joins it later.
  return { footprint, latent: [] };
}

/** The parts each replication property and witness reads (C2: a step writing one of them is visible). */
export function replicationPropertyReads(replicas: number): Readonly<Record<string, readonly string[]>> {
  const logs = every(replicas, 'log');
  return {
    'leader-elected-from-isr': [CTL],
    'no-fatal-error': [G.fatal],
    // A dead broker the controller has not noticed yet is not judged until it is fenced or restarts.
    'no-committed-message-loss': [G.committed, CTL, ...logs, ...every(replicas, 'life')],
    'acked-writes-survive': [G.acked, ...logs],
    'replica-logs-agree-below-hw': [...logs, ...every(replicas, 'hw')],
    'consumed-prefix-stable': [G.committed, ...logs, ...every(replicas, 'life', 'role', 'hw')],
    'isr-shrinks-to-leader': [CTL],
    'record-committed': [G.committed],
    'leader-failover': [CTL],
    'data-loss-shutdown': ['budget.loss'],
  };
}

/** The properties with their reads attached (liveness and any property not in the table are left as they were). */
export function withReplicationReads<S, A extends ActionBase>(properties: readonly Property<S, A>[], replicas: number): Property<S, A>[] {
  const reads = replicationPropertyReads(replicas);
  return properties.map((p) => (p.kind !== 'liveness' && reads[p.name] !== undefined ? { ...p, reads: reads[p.name] } : p));
}
