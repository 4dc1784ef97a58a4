// How a zk-controller state and step look on the trace page and in `kcheck explore`: ZooKeeper's znodes in one
// column (the truth) beside each broker's belief (controller? which epoch? which leader?), zombies badged, the
// LeaderAndIsr requests in flight; a step line that says what came of it (accepted, fenced, became controller).
// Reads only the state; the rules live in zk-controller-next.ts.

import type { ClusterView, NodeView, StepInfo } from '../../src/contract/view.ts';
import { describeZkAction, type ZkControllerAction } from './zk-controller-actions.ts';
import type { BrokerState, ControlRequest, ZkControllerState } from './zk-controller-state.ts';

const broker = (id: number): string => `broker ${id}`;
const requestLabel = (r: ControlRequest): string => `LeaderAndIsr c-epoch ${r.controllerEpoch} leader ${r.leader} epoch ${r.leaderEpoch} b-epoch ${r.brokerEpoch}`;

function zombie(s: ZkControllerState, id: number): boolean {
  const b = s.brokers[id];
  return b.alive && b.isController && (b.expiryPending || s.zk.sessions[id] !== b.session || s.zk.tree.controller?.brokerId !== id);
}

function brokerNode(s: ZkControllerState, b: BrokerState, id: number): NodeView {
  const badges: NodeView['badges'][number][] = [];
  if (!b.alive) badges.push({ text: 'down', tone: 'down' });
  if (b.isController) badges.push(zombie(s, id) ? { text: `zombie controller e${b.controllerEpoch}`, tone: 'fenced' } : { text: `controller e${b.controllerEpoch}`, tone: 'leader' });
  if (b.expiryPending) badges.push({ text: 'session expired (unhandled)', tone: 'warn' });
  if (b.cache.leader === id) badges.push({ text: 'partition leader', tone: 'member' });
  return {
    id: broker(id),
    perspective: 'node',
    badges,
    facts: [
      ['session', String(b.session)],
      ['broker epoch', String(b.brokerEpoch)],
      ['accepted controller epoch', String(b.seenControllerEpoch)],
      ['serves', `leader ${b.cache.leader}, epoch ${b.cache.leaderEpoch} (c-epoch ${b.cache.controllerEpoch})`],
      ...(b.epochRead ? [['election read', `epoch ${b.epochRead.epoch} @v${b.epochRead.version}`] as [string, string]] : []),
    ],
  };
}

export function zkControllerPicture(s: ZkControllerState): ClusterView {
  const t = s.zk.tree;
  const p = t.partitions[0];
  const zk: NodeView = {
    id: 'zookeeper',
    title: 'ZooKeeper',
    perspective: 'coordinator',
    badges: t.controller ? [{ text: `/controller = broker ${t.controller.brokerId}`, tone: 'leader' }] : [{ text: 'no /controller', tone: 'warn' }],
    facts: [
      ['/controller_epoch', t.controllerEpoch ? `${t.controllerEpoch.epoch} (v${t.controllerEpoch.version})` : 'absent'],
      ['partition', p ? `leader ${p.leader}, epoch ${p.leaderEpoch}, ISR [${p.isr.join(', ')}]` : 'absent'],
      ['written by', p ? `controller epoch ${p.controllerEpoch} (v${p.version})` : '—'],
      ['sessions', s.zk.sessions.map((x, b) => `${b}:${x === 0 ? '—' : x}`).join(' ')],
    ],
  };
  return {
    nodes: [zk, ...s.brokers.map((b, id) => brokerNode(s, b, id))],
    inFlight: s.network.map((r) => ({ from: broker(r.from), to: broker(r.to), label: requestLabel(r) })),
    notes: [['budgets left', `session expiries ${s.expiriesLeft}, crashes ${s.crashesLeft}`]],
  };
}

function consequence(before: ZkControllerState, a: ZkControllerAction, after: ZkControllerState): string {
  switch (a.type) {
    case 'RegisterController': {
      const b = after.brokers[a.broker];
      return b.isController && !before.brokers[a.broker].isController ? `becomes controller in epoch ${b.controllerEpoch}` : 'does not become controller';
    }
    case 'ElectPartitionLeader': {
      const p0 = before.zk.tree.partitions[0];
      const p1 = after.zk.tree.partitions[0];
      const z = zombie(before, a.controller) ? ' — a zombie: ZooKeeper expired its session' : '';
      return p1 && p1 !== p0 && p1.version !== p0?.version
        ? `ZooKeeper accepts: leader ${p1.leader}, epoch ${p1.leaderEpoch}, written by controller epoch ${p1.controllerEpoch}${z}`
        : `ZooKeeper rejects the write${z}`;
    }
    case 'DeliverRequest': {
      const c0 = before.brokers[a.to].cache;
      const c1 = after.brokers[a.to].cache;
      return c1 !== c0 && (c1.leader !== c0.leader || c1.leaderEpoch !== c0.leaderEpoch || c1.controllerEpoch !== c0.controllerEpoch)
        ? `broker ${a.to} now serves leader ${c1.leader}, epoch ${c1.leaderEpoch}`
        : `broker ${a.to} rejects it (stale controller or broker epoch)`;
    }
    case 'HandleSessionExpiry':
      return before.brokers[a.broker].isController ? 'it resigns as controller' : '';
    default:
      return '';
  }
}

export function describeZkStep(before: ZkControllerState, a: ZkControllerAction, after: ZkControllerState): StepInfo {
  const tail = consequence(before, a, after);
  const text = `${describeZkAction(a)}${tail ? ` → ${tail}` : ''}`;
  switch (a.type) {
    case 'ExpireSession':
      return { actor: 'zookeeper', text, mark: 'expiry' };
    case 'CrashBroker':
      return { actor: broker(a.broker), text, mark: 'crash' };
    case 'RestartBroker':
      return { actor: broker(a.broker), text, mark: 'restart', exchanges: [{ from: broker(a.broker), to: 'zookeeper', label: 'register' }] };
    case 'ElectPartitionLeader':
      return { actor: broker(a.controller), text, exchanges: [{ from: broker(a.controller), to: 'zookeeper', label: 'write partition state' }] };
    case 'DeliverRequest':
      return { actor: broker(a.to), text, delivered: [{ from: broker(a.from), to: broker(a.to), label: requestLabel(a) }] };
    case 'CreateElectionNode':
    case 'ReadControllerEpoch':
    case 'RegisterController':
    case 'HandleSessionExpiry':
      return { actor: broker(a.broker), text, exchanges: [{ from: broker(a.broker), to: 'zookeeper', label: a.type }] };
  }
}

/** What a violation concretely means in state `s`, in words; undefined when the model has nothing to add. */
export function explainZk(property: string, s: ZkControllerState): string | undefined {
  const t = s.zk.tree;
  const current = t.controllerEpoch?.epoch ?? 0;
  if (property === 'no-stale-controller-write') {
    const p = t.partitions[0];
    if (p && p.controllerEpoch < current) {
      const owner = t.controller ? `broker ${t.controller.brokerId}` : 'nobody';
      return `ZooKeeper now holds partition state (leader ${p.leader}, epoch ${p.leaderEpoch}) written by controller epoch ${p.controllerEpoch}, while the current controller epoch is ${current} (${owner}): a zombie controller's write landed.`;
    }
  }
  if (property === 'single-controller-per-epoch') {
    const acting = s.brokers.map((b, id) => ({ b, id })).filter(({ b }) => b.isController);
    const clash = acting.find(({ b }, i) => acting.some((o, j) => j !== i && o.b.controllerEpoch === b.controllerEpoch));
    if (clash) return `Brokers ${acting.filter(({ b }) => b.controllerEpoch === clash.b.controllerEpoch).map(({ id }) => id).join(' and ')} both act as controller in epoch ${clash.b.controllerEpoch}.`;
  }
  if (property === 'brokers-reject-stale-controller') {
    const stale = s.brokers.findIndex((b) => b.cache.controllerEpoch < b.maxAppliedEpoch);
    if (stale >= 0) return `Broker ${stale} applied a request from controller epoch ${s.brokers[stale].cache.controllerEpoch} after one from epoch ${s.brokers[stale].maxAppliedEpoch}.`;
  }
  return undefined;
}
