// Conformance adapters for zk-controller.json (18) and the 12 "ZK PartitionLeaderElectionAlgorithms.*" vectors of
// partition-election.json. Prose inputs (traces, step lists) are read through small recognizers; a step that no
// recognizer knows makes the vector `skipped` with that text, so a changed vector never passes silently.
import { type AdapterTable, understanding } from '../../src/conformance/vector.ts';
import * as zk from '../../model/rules/zk/index.ts';
import { adapter, lai, runSteps, said, show, type In, type Rule } from './zk-vector-kit.ts';
import { alterPartitionCase, cluster, clusterRules, describeUpdate, leaderAndIsrCheck, observe, parseUpdates } from './zk-partition-prose.ts';

const fromZkJson = ({ '/controller': c, '/controller_epoch': e }: In): zk.ZkState => ({
  controller: c ? { brokerId: c.brokerid, ephemeralOwner: 0, kraftEpoch: null } : null,
  controllerEpoch: e ? { epoch: e.data, version: e.version } : null,
  partitions: [],
});
const toZkJson = (s: zk.ZkState) => ({
  '/controller': s.controller && { brokerid: s.controller.brokerId, ephemeral: s.controller.ephemeralOwner !== null },
  '/controller_epoch': s.controllerEpoch && { data: s.controllerEpoch.epoch, version: s.controllerEpoch.version },
});
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
  'KafkaZkClient.registerControllerAndIncrementControllerEpoch': understanding(["result", "zk"], adapter((i) => {
    const r = zk.registerControllerAndIncrementControllerEpoch(fromZkJson(i.zk), i.candidate, 0);
    return { zk: toZkJson(r.zk), result: said(r.outcome) };
  })),
  'KafkaController.elect': understanding(["epochAfterReElection", "epochWhileNoController"], adapter((i) => runLife(i.trace, (c) => c.seen))),
  'ZK data model': understanding(["/controller", "/controller_epoch"], adapter((i) =>
    runLife(i.trace, (c) => ({ '/controller': c.z.controller, '/controller_epoch': c.z.controllerEpoch?.epoch })))),
  'KafkaZkClient.setControllerEpochRaw (conditional setData)': understanding(["results"], adapter((i) => {
    let z: zk.ZkState = zk.emptyZk(0); // the test deletes /controller_epoch first
    const results = (i.steps as In[]).map((s) => {
      const r = s.op === 'create'
        ? zk.createControllerEpochRaw(z, s.epoch)
        : zk.setControllerEpochRaw(z, s.epoch, s.expectedVersion);
      z = r.zk;
      return r.code === 'OK' ? `OK (epoch ${z.controllerEpoch!.epoch}, version ${z.controllerEpoch!.version})` : r.code;
    });
    return { results };
  })),
  'registerControllerAndIncrementControllerEpoch / tryRegisterKRaftControllerAsActiveController': understanding(["results"], adapter((i) => {
    const k = runSteps<K>(i.steps, { z: fromZkJson(i.initial), kraftEpoch: 0, results: [] }, kraftRules);
    return typeof k === 'string' ? k : { results: k.results };
  })),
  'KafkaZkClient.updateLeaderAndIsr (multi: check /controller_epoch version + setData partition state with expected version)':
    understanding(["results"], adapter((i) => {
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
    })),
  'KafkaZkClient.deleteRecursive with controller epoch check': understanding(["results"], adapter((i) => {
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
  })),
  'ReplicaManager.stopReplicas controller-epoch check': understanding(["topLevelError"], adapter((i) => {
    const broker = { brokerEpoch: 0, controllerEpoch: i.brokerKnownControllerEpoch };
    const request = { brokerEpoch: -1, controllerEpoch: i.request.controllerEpoch };
    return { topLevelError: zk.checkControlRequest(broker, request).error };
  })),
  'ReplicaManager.stopReplicas per-partition leader-epoch check': understanding(["partitionError"], adapter((i) => ({
    partitionError: zk.stopReplicaPartitionCheck(i.requestLeaderEpoch, i.currentLeaderEpoch),
  }))),
  'ReplicaManager.becomeLeaderOrFollower per-partition check': understanding(["result"], (v) => {
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
  }),
  'KafkaController.tryProcessAlterPartition': understanding(["errors"], adapter((i) => {
    const errors = (i.cases as string[]).map(alterPartitionCase);
    return errors.find((e) => e.startsWith('?')) ?? { errors };
  })),
  'ReplicaStateMachine OfflineReplica + offline election': understanding(["controllerEpoch", "isr", "leader", "leaderEpoch"], adapter((i) => {
    // The same outcome is expected with unclean election off and on: run both and require them to agree.
    const runs = (i.uncleanLeaderElectionEnable as boolean[]).map((unclean) => {
      const c = runSteps([i.event], cluster(i.replicas, i.isr, i.leader, i.leaderEpoch, unclean), clusterRules);
      return typeof c === 'string' ? c : observe(c);
    });
    if (typeof runs[0] === 'string') return runs[0];
    const agree = runs.every((r) => show(r) === show(runs[0]));
    return agree ? runs[0] : { mismatch: `differs by unclean setting: ${show(runs)}` };
  })),
  'Election.leaderForOffline with unclean election': understanding(["afterADown", "afterARestart", "afterBDown"], adapter((i) => {
    const steps = (i.trace as string[]).map((s) => s.split(' -> ')[0]); // "A down -> leader B, ISR [B]"
    const start = cluster(i.replicas, i.replicas, i.replicas[0], 0, i.uncleanLeaderElectionEnable);
    const c = runSteps(steps, start, clusterRules);
    return typeof c === 'string' ? c : c.seen;
  })),
  'ZK PartitionLeaderElectionAlgorithms.offline': understanding(["leader", "uncleanLeaderElectionRateIncrement"], adapter(elections.offline)),
  'ZK PartitionLeaderElectionAlgorithms.reassign': understanding(["leader"], adapter(elections.reassign)),
  'ZK PartitionLeaderElectionAlgorithms.preferred': understanding(["leader"], adapter(elections.preferred)),
  'ZK PartitionLeaderElectionAlgorithms.controlledShutdown': understanding(["leader"], adapter(elections.controlledShutdown)),
};
