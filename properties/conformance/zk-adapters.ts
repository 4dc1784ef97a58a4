// Conformance adapters for zk-controller.json (18) and the 12 "ZK PartitionLeaderElectionAlgorithms.*" vectors of
// partition-election.json. Prose inputs (traces, step lists) are read through small recognizers; a step that no
// recognizer knows makes the vector `skipped` with that text, so a changed vector never passes silently.
import type { AdapterTable, Vector, VectorVerdict } from '../../src/conformance/vector.ts';
import * as zk from '../../model/rules/zk/index.ts';

type In = Record<string, any>; // vector inputs are untyped JSON
type Rule<C> = readonly [RegExp, (c: C, m: RegExpMatchArray) => C];
const show = (v: unknown): string => JSON.stringify(v);

/** Compares only the keys Kafka's vector states, reporting the first differing one. */
function verdict(expected: unknown, actual: unknown): VectorVerdict {
  const isRecord = (x: unknown): x is In => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (isRecord(expected) && isRecord(actual)) {
    for (const [k, v] of Object.entries(expected)) {
      const inner = verdict(v, actual[k]);
      const sep = inner.detail.startsWith('expected') ? ': ' : '.';
      if (inner.status !== 'pass') return { status: 'fail', detail: `${k}${sep}${inner.detail}` };
    }
    return { status: 'pass', detail: '' };
  }
  if (show(expected) === show(actual)) return { status: 'pass', detail: '' };
  return { status: 'fail', detail: `expected ${show(expected)}, got ${show(actual)}` };
}

/** Wraps a runner: "prose step…"/"?…" strings mean unread prose (skip); `{ mismatch }` is a failed step. */
const adapter = (run: (i: In) => unknown) => (v: Vector): VectorVerdict => {
  const actual = run(v.input as In);
  if (typeof actual === 'string' && /^(prose step|\?)/.test(actual)) return { status: 'skipped', detail: actual };
  if (actual !== null && typeof actual === 'object' && 'mismatch' in actual) {
    return { status: 'fail', detail: String(actual.mismatch) };
  }
  return verdict(v.expected, actual);
};

/** Runs prose steps through recognizers (regex → action); a string names the first unknown step. */
function runSteps<C>(steps: readonly string[], ctx: C, rules: readonly Rule<C>[]): C | string {
  for (const step of steps) {
    const rule = rules.find(([re]) => re.test(step));
    if (rule === undefined) return `prose step not recognized: "${step}"`;
    ctx = rule[1](ctx, step.match(rule[0])!);
  }
  return ctx;
}

const lai = (leader: number, isr: readonly number[], partitionEpoch = 0, leaderEpoch = 0): zk.LeaderAndIsr =>
  ({ leader, leaderEpoch, isr, leaderRecoveryState: 'RECOVERED', partitionEpoch });
/** Controller 0 registered (epoch 1, epochZkVersion 1) and partition 0 created with `state`. */
const controllerZk = (state: zk.LeaderAndIsr): zk.ZkState => {
  const registered = zk.registerControllerAndIncrementControllerEpoch(zk.emptyZk(1), 0, 0).zk;
  return zk.createTopicPartitionStates(registered, [{ partition: 0, leaderAndIsr: state }], 1, 1).zk;
};
const fromZkJson = ({ '/controller': c, '/controller_epoch': e }: In): zk.ZkState => ({
  controller: c ? { brokerId: c.brokerid, ephemeralOwner: 0, kraftEpoch: null } : null,
  controllerEpoch: e ? { epoch: e.data, version: e.version } : null,
  partitions: [],
});
const toZkJson = (s: zk.ZkState) => ({
  '/controller': s.controller && { brokerid: s.controller.brokerId, ephemeral: s.controller.ephemeralOwner !== null },
  '/controller_epoch': s.controllerEpoch && { data: s.controllerEpoch.epoch, version: s.controllerEpoch.version },
});
/** A registration or fenced-write outcome in the vectors' words. */
const said = (o: { type: string; epoch?: number; epochZkVersion?: number }) =>
  o.type === 'registered' ? { epoch: o.epoch, epochZkVersion: o.epochZkVersion }
    : o.type === 'controllerMoved' ? 'ControllerMovedException' : o.type;

/** Election traces: one broker (id 1) that gets a new ZK session each time it starts. */
type Life = { z: zk.ZkState; session: number; seen: In; mismatch?: string };
const lifeRules: readonly Rule<Life>[] = [
  [/elected(?: with)? \(?epoch (\d+)\)?|restarts and wins election/, (c, m) => {
    const r = zk.electController(c.z, 1, c.session + 1);
    const epoch = r.outcome.type === 'registered' ? r.outcome.epoch : r.outcome.type;
    const wrong = m[1] !== undefined && epoch !== Number(m[1]);
    const mismatch = wrong ? `step "${m[0]}": elected ${show(epoch)}` : c.mismatch;
    return { z: r.zk, session: c.session + 1, seen: { ...c.seen, epochAfterReElection: epoch }, mismatch };
  }],
  [/shuts down|all brokers down/, (c) => {
    const z = zk.expireSession(c.z, c.session);
    return { ...c, z, seen: { ...c.seen, epochWhileNoController: z.controllerEpoch?.epoch } };
  }],
];
const runLife = (trace: string[], view: (c: Life) => unknown) => {
  const c = runSteps<Life>(trace, { z: zk.emptyZk(0), session: 0, seen: {} }, lifeRules);
  return typeof c === 'string' ? c : c.mismatch !== undefined ? { mismatch: c.mismatch } : view(c);
};

/**
 * One partition on brokers named by letters ("A" = 1) under controller 0, with the two ZK writes of
 * KafkaController.onBrokerFailure (onReplicasBecomeOffline: an offline election if it led or the partition is
 * leaderless, then OfflineReplica) and onBrokerStartup (election for a leaderless partition), each write going
 * through the fenced updateLeaderAndIsr.
 */
type Cluster = { z: zk.ZkState; online: number[]; assignment: number[]; unclean: boolean; seen: In };
const id = (name: string) => name.charCodeAt(0) - 64;
const name = (b: number) => (b < 0 ? b : String.fromCharCode(64 + b));
const current = (c: Cluster) => zk.leaderAndIsrOf(c.z.partitions[0]!);
const write = (c: Cluster, next: zk.LeaderAndIsr | null): Cluster =>
  next === null ? c : { ...c, z: zk.updateLeaderAndIsr(c.z, [{ partition: 0, leaderAndIsr: next }], 1, 1).zk };
const elect = (c: Cluster) => write(c, zk.leaderForOffline(current(c), {
  assignment: c.assignment, online: c.online, uncleanLeaderElectionEnabled: c.unclean, isLeaderRecoverySupported: true,
}).leaderAndIsr);
function brokerFails(c: Cluster, b: number): Cluster {
  let next = { ...c, online: c.online.filter((x) => x !== b) };
  // OfflinePartition for partitions it led, then triggerOnlinePartitionStateChange (all leaderless partitions)
  if (current(next).leader === b || current(next).leader === zk.NO_LEADER) next = elect(next);
  return write(next, zk.removeReplicaFromIsr(current(next), b));
}
function brokerStarts(c: Cluster, b: number): Cluster {
  const next = { ...c, online: [...c.online, b] };
  return current(next).leader === zk.NO_LEADER ? elect(next) : next;
}
function cluster(replicas: string[], isr: string[], leader: string, leaderEpoch: number, unclean: boolean): Cluster {
  const z = controllerZk(lai(id(leader), isr.map(id), 0, leaderEpoch));
  return { z, online: replicas.map(id), assignment: replicas.map(id), unclean, seen: {} };
}
const observe = (c: Cluster) => {
  const p = c.z.partitions[0]!;
  const { leaderEpoch, controllerEpoch, leaderRecoveryState } = p;
  return { leader: name(p.leader), leaderEpoch, isr: p.isr.map(name), controllerEpoch, leaderRecoveryState };
};
const after = (label: string, c: Cluster): Cluster => ({ ...c, seen: { ...c.seen, [label]: observe(c) } });
const clusterRules: readonly Rule<Cluster>[] = [
  [/^(\w) (?:down|shuts down)/, (c, m) => after(`after${m[1]}Down`, brokerFails(c, id(m[1])))],
  [/^(\w) restarts/, (c, m) => after(`after${m[1]}Restart`, brokerStarts(c, id(m[1])))],
];

/** AlterPartition cases against the test's base: controller 0 leads [0, 1], ISR [0, 1], epochs 0, broker epoch 50. */
const alterCase: readonly [RegExp, (r: In, m: RegExpMatchArray) => void][] = [
  [/brokerEpoch = leader's - 1/, (r) => { r.brokerEpoch -= 1; }],
  [/sender broker (\d+) unknown/, (r, m) => { r.brokerId = Number(m[1]); }],
  [/unknown topic id/, (r) => { r.item.topicKnown = false; }],
  [/unknown topic name/, (r) => { r.item.topicKnown = false; r.version = 1; }],
  [/unknown partition/, (r) => { r.item.partition = 1; r.version = 1; }],
  [/(partitionEpoch|leaderEpoch)([+-]1)/, (r, m) => { r.item[m[1]] += Number(m[2]); }],
  [/RECOVERING/, (r) => { r.item.leaderRecoveryState = 1; }],
  [/isr=\[(leader|controller)\]/, (r) => { r.item.newIsr = [0]; }],
  [/isr of 2/, (r) => { r.item.newIsr = [0, 1]; }],
  [/leaderRecoveryState=(\d+)/, (r, m) => { r.item.leaderRecoveryState = Number(m[1]); }],
  [/^RECOVERED$/, () => undefined], // the base state already is RECOVERED
];
function alterPartitionCase(text: string): string {
  if (text.split(/ \+ | with | while /).some((part) => !alterCase.some(([re]) => re.test(part)))) {
    return `?unrecognized case "${text}"`;
  }
  const base = lai(0, [0, 1]);
  const r: In = { brokerId: 0, brokerEpoch: 50, version: 3, item: { partition: 0, leaderEpoch: 0, partitionEpoch: 0 } };
  Object.assign(r.item, { newIsr: [0, 1], leaderRecoveryState: 0 });
  for (const [re, apply] of alterCase) if (re.test(text)) apply(r, text.match(re)!);
  const liveBrokers = [{ brokerId: 0, brokerEpoch: 50 }, { brokerId: 1, brokerEpoch: 60 }];
  const view = { isActive: true, epoch: 1, epochZkVersion: 1, liveBrokers, shuttingDown: [], partitions: [base] };
  const { brokerId, brokerEpoch, version } = r;
  const request: zk.ZkAlterPartitionRequest = { brokerId, brokerEpoch, version, partitions: [r.item] };
  const res = zk.zkAlterPartition(controllerZk(base), view, request);
  return res.topLevelError !== 'NONE' ? `${res.topLevelError} (top level)` : res.partitions[0].error;
}

/** updateLeaderAndIsr prose: t1-0, t1-1 (created at version 0) and t2-0 (absent) are partitions 0, 1, 2. */
const TPS = ['t1-0', 't1-1', 't2-0'];
function parseUpdates(text: string): zk.PartitionWrite[] | null {
  const writes: zk.PartitionWrite[] = [];
  for (const part of text.split(', ')) {
    const m = part.match(/^(both|t\d-\d) (?:at partitionEpoch (\d+)|\(no node\))/);
    if (m === null) return null;
    for (const tp of m[1] === 'both' ? ['t1-0', 't1-1'] : [m[1]]) {
      writes.push({ partition: TPS.indexOf(tp), leaderAndIsr: lai(1, [1], Number(m[2] ?? 0), 2) });
    }
  }
  return writes;
}
function describeUpdate(r: zk.Fenced<zk.UpdateLeaderAndIsrResult>): string {
  if (r.type !== 'ok') return `${said(r)} (whole batch)`;
  const { finished, retry, failed } = r.value;
  const epochs = finished.map((f) => f.leaderAndIsr.partitionEpoch);
  if (finished.length === 2 && retry.length + failed.length === 0 && epochs[0] === epochs[1]) {
    return `both succeed, new partitionEpoch (zkVersion) = ${epochs[0]}`;
  }
  if (retry.length === 2 && finished.length + failed.length === 0) {
    return 'both returned in partitionsToRetry (BADVERSION)';
  }
  return [
    ...finished.map((f) => `${TPS[f.partition]} succeeds (partitionEpoch ${f.leaderAndIsr.partitionEpoch})`),
    ...retry.map((p) => `${TPS[p]} to retry`),
    ...failed.map((f) => `${TPS[f.partition]} fails NoNodeException`),
  ].join('; ');
}

/** LeaderAndIsr on a broker that has seen controller epoch 5: request-level check, then the partition check. */
function leaderAndIsrCheck(i: In): string {
  const request = { brokerEpoch: 1, controllerEpoch: i.controllerEpochOk ? 5 : 4 };
  const check = zk.checkControlRequest({ brokerEpoch: 1, controllerEpoch: 5 }, request);
  if (check.error !== 'NONE') return check.error;
  const d = zk.leaderAndIsrPartitionCheck(i as zk.LeaderAndIsrPartitionInput);
  return d.kind === 'apply' ? 'accept' : d.kind === 'reject' ? d.error : 'topicIdOnly';
}

/** The ZK choosers, run through the Election wrappers on a leaderless partition with the vector's ISR. */
const leaderless = (i: In) => lai(zk.NO_LEADER, i.isr);
const leaderOf = (s: zk.LeaderAndIsr | null) => ({ leader: s?.leader ?? null });
const elections: Record<string, (i: In) => unknown> = {
  offline: (i) => {
    const r = zk.leaderForOffline(leaderless(i), {
      assignment: i.assignment, online: i.live, uncleanLeaderElectionEnabled: i.unclean, isLeaderRecoverySupported: true,
    });
    return { ...leaderOf(r.leaderAndIsr), uncleanLeaderElectionRateIncrement: r.unclean ? 1 : 0 };
  },
  reassign: (i) => leaderOf(zk.leaderForReassign(leaderless(i), { targetReplicas: i.assignment, online: i.live })),
  preferred: (i) => leaderOf(zk.leaderForPreferredReplica(leaderless(i), { assignment: i.assignment, online: i.live })),
  controlledShutdown: (i) => leaderOf(zk.leaderForControlledShutdown(leaderless(i), {
    assignment: i.assignment, onlineOrShuttingDown: i.live, shuttingDown: i.shuttingDown,
  })),
};

type K = { z: zk.ZkState; kraftEpoch: number; results: unknown[] };
const kraftRules: readonly Rule<K>[] = [
  [/^KRaft (?:controller )?(\d+)(?: \(kraft epoch (\d+)\))? registers/, (k, m) => {
    const epoch = m[2] ? Number(m[2]) : k.kraftEpoch; // "registers again" reuses its epoch
    const r = zk.tryRegisterKRaftControllerAsActiveController(k.z, Number(m[1]), epoch);
    return { z: r.zk, kraftEpoch: epoch, results: [...k.results, said(r.outcome)] };
  }],
  [/^ZK broker (\d+) (?:tries to )?registers?/, (k, m) => {
    const r = zk.registerControllerAndIncrementControllerEpoch(k.z, Number(m[1]), Number(m[1]));
    return { ...k, z: r.zk, results: [...k.results, said(r.outcome)] };
  }],
  [/^delete \/controller \(guarded by epoch zkVersion (\d+)\)/, (k, m) => {
    const r = zk.deleteController(k.z, Number(m[1]));
    return { ...k, z: r.zk, results: [...k.results, r.type === 'ok' ? null : said(r)] }; // deleteController is Unit
  }],
];

export const zkAdapters: AdapterTable = {
  'KafkaZkClient.registerControllerAndIncrementControllerEpoch': adapter((i) => {
    const r = zk.registerControllerAndIncrementControllerEpoch(fromZkJson(i.zk), i.candidate, 0);
    return { zk: toZkJson(r.zk), result: said(r.outcome) };
  }),
  'KafkaController.elect': adapter((i) => runLife(i.trace, (c) => c.seen)),
  'ZK data model': adapter((i) =>
    runLife(i.trace, (c) => ({ '/controller': c.z.controller, '/controller_epoch': c.z.controllerEpoch?.epoch }))),
  'KafkaZkClient.setControllerEpochRaw (conditional setData)': adapter((i) => {
    let z: zk.ZkState = zk.emptyZk(0); // the test deletes /controller_epoch first
    const results = (i.steps as In[]).map((s) => {
      const r = s.op === 'create'
        ? zk.createControllerEpochRaw(z, s.epoch)
        : zk.setControllerEpochRaw(z, s.epoch, s.expectedVersion);
      z = r.zk;
      return r.code === 'OK' ? `OK (epoch ${z.controllerEpoch!.epoch}, version ${z.controllerEpoch!.version})` : r.code;
    });
    return { results };
  }),
  'registerControllerAndIncrementControllerEpoch / tryRegisterKRaftControllerAsActiveController': adapter((i) => {
    const k = runSteps<K>(i.steps, { z: fromZkJson(i.initial), kraftEpoch: 0, results: [] }, kraftRules);
    return typeof k === 'string' ? k : { results: k.results };
  }),
  'KafkaZkClient.updateLeaderAndIsr (multi: check /controller_epoch version + setData partition state with expected version)':
    adapter((i) => {
      const layout = 't1-0,t1-1 created at version 0; t2-0 absent';
      if (i.partitionStates !== layout) return `prose step not recognized: "${i.partitionStates}"`;
      const start = { ...zk.emptyZk(3), controllerEpoch: { epoch: 4, version: i.controllerEpochZkVersion } };
      const states = [0, 1].map((p) => ({ partition: p, leaderAndIsr: lai(0, [0]) }));
      let z = zk.createTopicPartitionStates(start, states, 4, zk.MATCH_ANY_VERSION).zk;
      const results: string[] = [];
      for (const s of i.steps as In[]) {
        const updates = parseUpdates(s.updates);
        if (updates === null) return `prose step not recognized: "${s.updates}"`;
        const r = zk.updateLeaderAndIsr(z, updates, 4, s.expectedControllerEpochZkVersion);
        z = r.zk;
        results.push(describeUpdate(r));
      }
      return { results };
    }),
  'KafkaZkClient.deleteRecursive with controller epoch check': adapter((i) => {
    // partition 0 has no state (the "missing path"), partition 1 has one (the "existing path")
    const seed = { ...lai(0, [0]), controllerEpoch: 1, version: 0 };
    type D = { z: zk.ZkState; results: unknown[] };
    const epochNode = { epoch: 1, version: i.controllerEpochZkVersion };
    const start: D = { z: { controller: null, controllerEpoch: epochNode, partitions: [null, seed] }, results: [] };
    const d = runSteps<D>(i.steps, start, [[/^delete (missing|existing) path (?:with |\()version (\d+)/, (d, m) => {
      const r = zk.deletePartitionRecursive(d.z, m[1] === 'missing' ? 0 : 1, Number(m[2]));
      return { z: r.zk, results: [...d.results, r.type === 'ok' ? r.value : said(r)] };
    }]]);
    return typeof d === 'string' ? d : { results: d.results };
  }),
  'ReplicaManager.stopReplicas controller-epoch check': adapter((i) => {
    const broker = { brokerEpoch: 0, controllerEpoch: i.brokerKnownControllerEpoch };
    const request = { brokerEpoch: -1, controllerEpoch: i.request.controllerEpoch };
    return { topLevelError: zk.checkControlRequest(broker, request).error };
  }),
  'ReplicaManager.stopReplicas per-partition leader-epoch check': adapter((i) => ({
    partitionError: zk.stopReplicaPartitionCheck(i.requestLeaderEpoch, i.currentLeaderEpoch),
  })),
  'ReplicaManager.becomeLeaderOrFollower per-partition check': (v) => {
    const expected = String((v.expected as In).result);
    const got = leaderAndIsrCheck(v.input as In);
    if (got !== expected.replace(/ \(.*\)$/, '')) {
      return { status: 'fail', detail: `result: expected ${show(expected)}, got ${show(got)}` };
    }
    // "unless topic-id upgrade": the same request carrying a topic id the log lacks is accepted (NONE)
    const upgrade = { ...(v.input as In), requestTopicId: 'id', logTopicId: null };
    if (/unless topic-id upgrade/.test(expected) && leaderAndIsrCheck(upgrade) !== 'topicIdOnly') {
      return { status: 'fail', detail: 'result: a topic-id upgrade at the same leader epoch was not accepted' };
    }
    return { status: 'pass', detail: '' };
  },
  'KafkaController.tryProcessAlterPartition': adapter((i) => {
    const errors = (i.cases as string[]).map(alterPartitionCase);
    return errors.find((e) => e.startsWith('?')) ?? { errors };
  }),
  'ReplicaStateMachine OfflineReplica + offline election': adapter((i) => {
    // The same outcome is expected with unclean election off and on: run both and require them to agree.
    const runs = (i.uncleanLeaderElectionEnable as boolean[]).map((unclean) => {
      const c = runSteps([i.event], cluster(i.replicas, i.isr, i.leader, i.leaderEpoch, unclean), clusterRules);
      return typeof c === 'string' ? c : observe(c);
    });
    if (typeof runs[0] === 'string') return runs[0];
    const agree = runs.every((r) => show(r) === show(runs[0]));
    return agree ? runs[0] : { mismatch: `differs by unclean setting: ${show(runs)}` };
  }),
  'Election.leaderForOffline with unclean election': adapter((i) => {
    const steps = (i.trace as string[]).map((s) => s.split(' -> ')[0]); // "A down -> leader B, ISR [B]"
    const start = cluster(i.replicas, i.replicas, i.replicas[0], 0, i.uncleanLeaderElectionEnable);
    const c = runSteps(steps, start, clusterRules);
    return typeof c === 'string' ? c : c.seen;
  }),
  'ZK PartitionLeaderElectionAlgorithms.offline': adapter(elections.offline),
  'ZK PartitionLeaderElectionAlgorithms.reassign': adapter(elections.reassign),
  'ZK PartitionLeaderElectionAlgorithms.preferred': adapter(elections.preferred),
  'ZK PartitionLeaderElectionAlgorithms.controlledShutdown': adapter(elections.controlledShutdown),
};
