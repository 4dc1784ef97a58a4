// The `zk-controller` model as the registry sees it: params with ranges and docs, properties, and presets that
// pin Kafka's fences (KAFKA-6082, STALE_CONTROLLER_EPOCH, KIP-380) and show what breaks without each.

import { defineModel } from '../../src/contract/define-model.ts';
import type { ZkControllerAction } from '../../model/zk-controller/zk-controller-actions.ts';
import { zkControllerConfig, zkControllerModel } from '../../model/zk-controller/zk-controller-model.ts';
import type { ZkControllerState } from '../../model/zk-controller/zk-controller-state.ts';
import { zkControllerProperties } from './zk-controller-properties.ts';
import { withZkBoundRefusal, zkControllerLiveness } from './zk-controller-liveness.ts';

export const zkControllerDefinition = defineModel({
  name: 'zk-controller',
  doc: 'ZooKeeper-mode controller election and failover: ephemeral /controller, /controller_epoch, zombie fencing',
  params: [
    { name: 'brokers', type: 'int', default: 3, min: 2, max: 4, doc: 'brokers racing for /controller (one partition replicated on all)' },
    { name: 'election', type: 'enum', default: 'ephemeral-node', values: ['ephemeral-node', 'sequential-node'], doc: "ephemeral-node: Kafka's create-/controller race with a CAS on /controller_epoch; sequential-node: the lowest-sequence lock recipe with a plain epoch setData" },
    { name: 'sessionExpiries', type: 'int', default: 1, min: 0, max: 3, doc: 'ZooKeeper session expiries of live brokers (GC pauses, partitions)' },
    { name: 'crashes', type: 'int', default: 0, min: 0, max: 2, doc: 'broker crashes (each followed by session expiry and a possible restart)' },
    { name: 'maxLeaderEpoch', type: 'int', default: 2, min: 1, max: 4, doc: 'bound on partition leader elections (leader epoch)' },
    { name: 'maxInFlight', type: 'int', default: 6, min: 0, max: 12, doc: 'bound on controller requests in flight' },
    { name: 'epochFencing', type: 'bool', default: true, doc: 'KAFKA-6082: controller writes are multis checking the /controller_epoch zkVersion' },
    { name: 'controllerEpochCheck', type: 'bool', default: true, doc: 'brokers reject requests below the highest controller epoch seen (STALE_CONTROLLER_EPOCH)' },
    { name: 'watchReregistration', type: 'bool', default: true, doc: 'after a new session the broker re-registers its /controller watch (KafkaController.maybeResign); false: it tries to elect once, then never hears of /controller again' },
    { name: 'electionSurvivesExpiry', type: 'bool', default: true, doc: 'an election under way when the session expires still registers on the new session (over-approximation); false: it fails, as KafkaController blocks the new session until Expire is handled' },
    { name: 'brokerEpochCheck', type: 'bool', default: true, doc: 'KIP-380: brokers reject requests addressed to an older registration of themselves' },
  ],
  create: (p) => {
    const config = zkControllerConfig(p);
    return withZkBoundRefusal(zkControllerModel(config), config);
  },
  properties: (p) => [...zkControllerProperties(p.brokers as number), ...zkControllerLiveness()],
  validate: (p) => ((p.maxInFlight as number) < (p.brokers as number) ? `maxInFlight (${p.maxInFlight}) must be at least brokers (${p.brokers}): a controller sends one request per broker` : undefined),
  presets: [
    { name: 'default', doc: 'Kafka with KAFKA-6082 fencing and broker epoch checks: all properties hold', params: {}, expect: { holds: true } },
    { name: 'no-epoch-fencing', doc: 'before KAFKA-6082: a zombie controller\'s partition-state writes are accepted', params: { epochFencing: false }, expect: { violates: ['no-stale-controller-write'] } },
    { name: 'no-broker-epoch-check', doc: 'brokers apply any controller epoch: a delayed request from the old controller overrides the new one', params: { controllerEpochCheck: false }, expect: { violates: ['brokers-reject-stale-controller'] } },
    { name: 'broker-restart', doc: 'a broker crashes and restarts, forgetting the controller epoch it saw: KIP-380 still fences stale requests', params: { brokers: 2, crashes: 1 }, expect: { holds: true } },
    { name: 'no-kip-380', doc: 'as broker-restart without KIP-380 broker epochs: the restarted broker applies a stale request', params: { brokers: 2, crashes: 1, brokerEpochCheck: false }, expect: { violates: ['brokers-reject-stale-controller'] } },
    { name: 'sequential-node', doc: 'the lock recipe (lowest ephemeral sequential node wins, epoch bumped by a plain setData): two controllers share an epoch', params: { election: 'sequential-node', sessionExpiries: 2, maxLeaderEpoch: 1 }, expect: { violates: ['single-controller-per-epoch', 'controller-epoch-monotonic'] } },
    { name: 'controller-failover', doc: 'liveness of failover: 2 brokers, one crash and one session expiry; whenever /controller is gone a live broker takes over (watch and re-elect)', params: { brokers: 2, crashes: 1, electionSurvivesExpiry: false }, expect: { holds: true }, liveness: ['controller-eventually-elected'] },
    { name: 'no-watch-reregistration', doc: 'as controller-failover, but a broker does not re-register its /controller watch after its session expired: when the controller then crashes and its session ends, nobody runs for controller', params: { brokers: 2, crashes: 1, electionSurvivesExpiry: false, watchReregistration: false }, expect: { violates: ['controller-eventually-elected'] } },
  ],
});
