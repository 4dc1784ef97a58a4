// A model written from scratch with kcheck's public API: a consumer group's offset commits for one partition. The
// coordinator moves the partition between consumers (a rebalance opens a new generation); a consumer that missed
// the rebalance — a zombie — may still commit. Kafka's group coordinator rejects a commit from a stale generation
// (ILLEGAL_GENERATION, GroupCoordinator.handleCommitOffsets); without that check the committed offset goes back.

import { actionProperty, defineModel, sometimes, type Model } from 'kcheck';

interface Consumer {
  /** The generation this consumer believes it is in (0 = never joined). */
  readonly generation: number;
  readonly owns: boolean;
  /** Next offset it will process. */
  readonly position: number;
}

interface GroupState {
  /** The coordinator's generation; 0 before the first rebalance. */
  readonly generation: number;
  /** The group's committed offset for the partition. */
  readonly committed: number;
  readonly consumers: readonly Consumer[];
}

type GroupAction =
  | { readonly type: 'Rebalance'; readonly consumer: number }
  | { readonly type: 'Consume'; readonly consumer: number }
  | { readonly type: 'CommitOffset'; readonly consumer: number };

interface Config {
  readonly consumers: number;
  readonly records: number;
  readonly maxGenerations: number;
  readonly generationFencing: boolean;
}

function withConsumer(s: GroupState, c: number, update: Partial<Consumer>): readonly Consumer[] {
  return s.consumers.map((x, i) => (i === c ? { ...x, ...update } : x));
}

function groupModel(config: Config): Model<GroupState, GroupAction> {
  const ids = Array.from({ length: config.consumers }, (_, i) => i);
  const actions: GroupAction[] = ids.flatMap((consumer) => [
    { type: 'Rebalance', consumer },
    { type: 'Consume', consumer },
    { type: 'CommitOffset', consumer },
  ]);
  return {
    init: () => [{ generation: 0, committed: 0, consumers: ids.map(() => ({ generation: 0, owns: false, position: 0 })) }],
    actions: () => actions,
    next: (s, a) => {
      const me = s.consumers[a.consumer];
      switch (a.type) {
        case 'Rebalance': {
          // The new owner starts from the committed offset; the previous owner is not told (it missed the rebalance).
          if (s.generation >= config.maxGenerations) return undefined;
          const generation = s.generation + 1;
          return { ...s, generation, consumers: withConsumer(s, a.consumer, { generation, owns: true, position: s.committed }) };
        }
        case 'Consume':
          if (!me.owns || me.position >= config.records) return undefined;
          return { ...s, consumers: withConsumer(s, a.consumer, { position: me.position + 1 }) };
        case 'CommitOffset': {
          if (!me.owns) return undefined;
          if (config.generationFencing && me.generation !== s.generation) {
            // ILLEGAL_GENERATION: the consumer learns it was fenced and stops processing until it rejoins.
            return { ...s, consumers: withConsumer(s, a.consumer, { owns: false }) };
          }
          return { ...s, committed: me.position };
        }
      }
    },
    encode: (s, out) => {
      out.int(s.generation);
      out.int(s.committed);
      for (const c of s.consumers) {
        out.int(c.generation);
        out.int(c.owns ? 1 : 0);
        out.int(c.position);
      }
    },
    variables: (s) => ({ generation: s.generation, committed: s.committed, consumers: s.consumers.map((c) => ({ ...c })) }),
    describeAction: (a) =>
      a.type === 'Rebalance'
        ? `the coordinator rebalances: consumer ${a.consumer} gets the partition in a new generation`
        : a.type === 'Consume'
          ? `consumer ${a.consumer} processes the next record`
          : `consumer ${a.consumer} commits its position`,
    actionTypes: ['Rebalance', 'Consume', 'CommitOffset'],
  };
}

export default defineModel({
  name: 'consumer-offsets',
  doc: "Example: a consumer group's offset commits across rebalances, with and without generation fencing",
  params: [
    { name: 'consumers', type: 'int', default: 2, min: 2, max: 3, doc: 'consumers in the group' },
    { name: 'records', type: 'int', default: 3, min: 1, max: 5, doc: 'records in the partition' },
    { name: 'maxGenerations', type: 'int', default: 3, min: 1, max: 5, doc: 'bound on rebalances' },
    { name: 'generationFencing', type: 'bool', default: true, doc: 'the coordinator rejects commits from a stale generation (ILLEGAL_GENERATION)' },
  ],
  create: (p) => groupModel(p),
  properties: [
    actionProperty<GroupState, GroupAction>('committed-offset-monotonic', "The group's committed offset never goes back (records already processed are not handed out again).", (before, _a, after) => after.committed >= before.committed),
    sometimes<GroupState>('commit-after-rebalance', 'a commit lands after the partition moved at least once', (s) => s.generation >= 2 && s.committed > 0),
  ],
  presets: [
    { name: 'default', doc: 'generation fencing on: the committed offset never goes back', expect: { holds: true } },
    { name: 'no-generation-fencing', doc: "a zombie consumer's commit from an old generation is accepted", params: { generationFencing: false }, expect: { violates: ['committed-offset-monotonic'] } },
  ],
});
