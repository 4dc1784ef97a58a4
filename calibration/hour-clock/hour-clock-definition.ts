// Calibration (not Kafka): Lamport's HourClock with its liveness condition, re-expressed from "Specifying
// Systems" §8.9.2 (LiveHourClock == HC /\ WF_hr(HCnxt)) and the tlaplus/Examples HourClock spec. TLC's verdicts:
// with the weak fairness every hour recurs, []<>(hr = 1) holds; without it the clock may stop (TLC reports a
// counterexample that stutters at the initial state). 12 initial states, 12 distinct states, 12 transitions.
import type { Model } from '../../src/contract/model.ts';
import type { ModelDefinition } from '../../src/contract/model-definition.ts';
import { alwaysEventually, leadsTo } from '../../src/contract/property.ts';

type Tick = { readonly type: 'HCnxt' };
const TICK: readonly Tick[] = [{ type: 'HCnxt' }];

function hourClock(fair: boolean): Model<number, Tick> {
  return {
    // HCini == hr \in (1 .. 12)
    init: () => Array.from({ length: 12 }, (_, i) => i + 1),
    actions: () => TICK,
    // HCnxt == hr' = IF hr # 12 THEN hr + 1 ELSE 1
    next: (hr) => (hr !== 12 ? hr + 1 : 1),
    encode: (hr, out) => out.int(hr),
    variables: (hr) => ({ hr }),
    actionTypes: ['HCnxt'],
    describeAction: () => 'the clock ticks (HCnxt)',
    ...(fair ? { fairness: { HCnxt: 'weak' } } : {}),
  };
}

export const hourClockDefinition: ModelDefinition<number, Tick> = {
  name: 'hour-clock',
  doc: "Calibration: Lamport's HourClock (Specifying Systems §8.9.2) with and without WF_hr(HCnxt)",
  params: [{ name: 'fair', type: 'bool', default: true, doc: 'LiveHourClock: weak fairness on HCnxt' }],
  create: (p) => hourClock(p.fair as boolean),
  properties: () => [
    alwaysEventually<number>('hour-one-recurs', '[]<>(hr = 1): the clock shows 1 o’clock again and again (TLC: holds for LiveHourClock).', (hr) => hr === 1),
    leadsTo<number>('noon-leads-to-one', '(hr = 12) ~> (hr = 1) (TLC: holds for LiveHourClock).', (hr) => hr === 12, (hr) => hr === 1),
  ],
  presets: [
    { name: 'default', doc: 'LiveHourClock: both liveness properties hold (as TLC reports)', params: {}, expect: { holds: true }, liveness: ['hour-one-recurs', 'noon-leads-to-one'] },
    { name: 'no-fairness', doc: 'HC without fairness: the clock may stop at any hour; TLC stutters at an initial state', params: { fair: false }, expect: { violates: ['hour-one-recurs', 'noon-leads-to-one'] } },
  ],
};
