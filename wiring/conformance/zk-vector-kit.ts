// Shared pieces of the ZooKeeper conformance adapters: verdicts over the keys a vector states, the adapter
// wrapper (unread prose → skipped), prose steps run through regex recognizers, and ZK fixtures (a registered
// controller with one partition, outcomes in the vectors' words).
import type { Vector, VectorVerdict } from '../../src/conformance/vector.ts';
import * as zk from '../../model/rules/zk/index.ts';

export type In = Record<string, any>; // vector inputs are untyped JSON
export type Rule<C> = readonly [RegExp, (c: C, m: RegExpMatchArray) => C];
export const show = (v: unknown): string => JSON.stringify(v);

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
export const adapter = (run: (i: In) => unknown) => (v: Vector): VectorVerdict => {
  const actual = run(v.input as In);
  if (typeof actual === 'string' && /^(prose step|\?)/.test(actual)) return { status: 'skipped', detail: actual };
  if (actual !== null && typeof actual === 'object' && 'mismatch' in actual) {
    return { status: 'fail', detail: String(actual.mismatch) };
  }
  return verdict(v.expected, actual);
};

/** Runs prose steps through recognizers (regex → action); a string names the first unknown step. */
export function runSteps<C>(steps: readonly string[], ctx: C, rules: readonly Rule<C>[]): C | string {
  for (const step of steps) {
    const rule = rules.find(([re]) => re.test(step));
    if (rule === undefined) return `prose step not recognized: "${step}"`;
    ctx = rule[1](ctx, step.match(rule[0])!);
  }
  return ctx;
}

export const lai = (leader: number, isr: readonly number[], partitionEpoch = 0, leaderEpoch = 0): zk.LeaderAndIsr =>
  ({ leader, leaderEpoch, isr, leaderRecoveryState: 'RECOVERED', partitionEpoch });
/** Controller 0 registered (epoch 1, epochZkVersion 1) and partition 0 created with `state`. */
export const controllerZk = (state: zk.LeaderAndIsr): zk.ZkState => {
  const registered = zk.registerControllerAndIncrementControllerEpoch(zk.emptyZk(1), 0, 0).zk;
  return zk.createTopicPartitionStates(registered, [{ partition: 0, leaderAndIsr: state }], 1, 1).zk;
};
/** A registration or fenced-write outcome in the vectors' words. */
export const said = (o: { type: string; epoch?: number; epochZkVersion?: number }) =>
  o.type === 'registered' ? { epoch: o.epoch, epochZkVersion: o.epochZkVersion }
    : o.type === 'controllerMoved' ? 'ControllerMovedException' : o.type;
