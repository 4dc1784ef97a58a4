// Calibration (not Kafka): the Chandy–Misra Dining Philosophers of tlaplus/Examples
// (specifications/DiningPhilosophers/DiningPhilosophers.tla, commit 32a32c7), re-expressed from its TLA+
// translation. Its manifest.json records TLC's verdict for DiningPhilosophers.cfg (NP = 5; TypeOK,
// ExclusiveAccess, NobodyStarves == \A p : []<>(~hungry[p]) under \A self : WF_vars(Philosopher(self))):
// "success", 67 distinct states, depth 29. Without the fairness a philosopher may stop for good.
import type { Model } from '../../src/contract/model.ts';
import type { ModelDefinition } from '../../src/contract/model-definition.ts';
import { always, alwaysEventually } from '../../src/contract/property.ts';

type Pc = 'Loop' | 'Eat' | 'Think';
interface Fork {
  readonly holder: number;
  readonly clean: boolean;
}
export interface Table {
  readonly forks: readonly Fork[];
  readonly hungry: readonly boolean[];
  readonly pc: readonly Pc[];
}
/** Philosopher(self): the process's one enabled label, so a step is a function of (state, self). */
type Step = { readonly type: 'Philosopher'; readonly self: number };

const PCS: readonly Pc[] = ['Loop', 'Eat', 'Think'];

function table(np: number, fair: boolean): Model<Table, Step> {
  // Philosophers and forks are 1..NP as in the spec; arrays are indexed from 0 (index = id - 1).
  const left = (p: number) => p;
  const right = (p: number) => (p === np ? 1 : p + 1);
  const leftPhilosopher = (p: number) => (p === 1 ? np : p - 1);
  const rightPhilosopher = (p: number) => (p === np ? 1 : p + 1);
  const fork = (s: Table, f: number) => s.forks[f - 1];
  const canEat = (s: Table, p: number) => fork(s, left(p)).holder === p && fork(s, right(p)).holder === p && fork(s, left(p)).clean && fork(s, right(p)).clean;
  const setFork = (forks: readonly Fork[], f: number, value: Fork) => forks.map((x, i) => (i === f - 1 ? value : x));
  const setAt = <T>(xs: readonly T[], p: number, value: T) => xs.map((x, i) => (i === p - 1 ? value : x));
  const steps: Step[] = Array.from({ length: np }, (_, i) => ({ type: 'Philosopher', self: i + 1 }));

  const next = (s: Table, { self }: Step): Table => {
    switch (s.pc[self - 1]) {
      case 'Loop': {
        let forks = s.forks;
        // Hand a dirty fork held to the neighbour who shares it, cleaned (left first, as the spec's IF/ELSE).
        if (fork(s, left(self)).holder === self && !fork(s, left(self)).clean) forks = setFork(forks, left(self), { holder: leftPhilosopher(self), clean: true });
        else if (fork(s, right(self)).holder === self && !fork(s, right(self)).clean) forks = setFork(forks, right(self), { holder: rightPhilosopher(self), clean: true });
        // CanEat is evaluated on the unprimed forks, as in the translation.
        const pc: Pc = s.hungry[self - 1] ? (canEat(s, self) ? 'Eat' : 'Loop') : 'Think';
        return { forks, hungry: s.hungry, pc: setAt(s.pc, self, pc) };
      }
      case 'Think':
        return { forks: s.forks, hungry: setAt(s.hungry, self, true), pc: setAt(s.pc, self, 'Loop') };
      case 'Eat': {
        const forks = setFork(setFork(s.forks, left(self), { ...fork(s, left(self)), clean: false }), right(self), { ...fork(s, right(self)), clean: false });
        return { forks, hungry: setAt(s.hungry, self, false), pc: setAt(s.pc, self, 'Loop') };
      }
    }
  };
  const same = (a: Table, b: Table) => a.pc.every((x, i) => x === b.pc[i]) && a.hungry.every((x, i) => x === b.hungry[i]) && a.forks.every((f, i) => f.holder === b.forks[i].holder && f.clean === b.forks[i].clean);
  return {
    init: () => [
      {
        forks: Array.from({ length: np }, (_, i) => ({ holder: i + 1 === 2 ? 1 : i + 1, clean: false })),
        hungry: new Array<boolean>(np).fill(true),
        pc: new Array<Pc>(np).fill('Loop'),
      },
    ],
    actions: () => steps,
    // WF_vars(A) is about <<A>>_vars steps: a Loop step that changes nothing is a stutter, not A taken, so it is
    // left out (a self-loop would otherwise count as taking the action and hide starvation).
    next: (s, a) => {
      const t = next(s, a);
      return same(s, t) ? undefined : t;
    },
    encode: (s, out) => {
      for (const f of s.forks) out.int(f.holder * 2 + (f.clean ? 1 : 0));
      for (let i = 0; i < np; i++) out.int((s.hungry[i] ? 3 : 0) + PCS.indexOf(s.pc[i]));
    },
    variables: (s) => ({ forks: s.forks.map((f) => ({ holder: f.holder, clean: f.clean })), hungry: [...s.hungry], pc: [...s.pc] }),
    actionTypes: ['Philosopher'],
    describeAction: (a) => `philosopher ${a.self} takes its next step (Philosopher(${a.self}))`,
    ...(fair ? { fairness: { Philosopher: 'weak' } } : {}),
  };
}

const starves = (p: number) => alwaysEventually<Table>(`philosopher-${p}-eats`, `[]<>(~hungry[${p}]): philosopher ${p} eats again and again (NobodyStarves; TLC: holds with the fairness)`, (s) => !s.hungry[p - 1]);

export const diningPhilosophersDefinition: ModelDefinition<Table, Step> = {
  name: 'dining-philosophers',
  doc: 'Calibration: Chandy–Misra Dining Philosophers from tlaplus/Examples, with and without \\A self : WF_vars(Philosopher(self))',
  params: [
    { name: 'np', type: 'int', default: 5, min: 2, max: 6, doc: 'NP: philosophers (the published TLC run uses 5)' },
    { name: 'fair', type: 'bool', default: true, doc: 'fair process: weak fairness on each Philosopher(self)' },
  ],
  create: (p) => table(p.np as number, p.fair as boolean),
  properties: (p) => [
    always<Table>('exclusive-access', 'ExclusiveAccess: two philosophers who share a fork never eat at the same time', (s) =>
      s.pc.every((x, i) => x !== 'Eat' || (s.pc[(i + 1) % s.pc.length] !== 'Eat' && s.pc[(i + s.pc.length - 1) % s.pc.length] !== 'Eat')),
    ),
    ...Array.from({ length: p.np as number }, (_, i) => starves(i + 1)),
  ],
  presets: [
    {
      name: 'default',
      doc: "DiningPhilosophers.cfg (NP = 5): NobodyStarves holds, as TLC reports (manifest: success, 67 distinct states)",
      params: {},
      expect: { holds: true },
      liveness: ['philosopher-1-eats', 'philosopher-2-eats', 'philosopher-3-eats', 'philosopher-4-eats', 'philosopher-5-eats'],
    },
    {
      name: 'no-fairness',
      doc: 'Without fair process every philosopher may stop for good: philosopher 1 starves by stuttering at once',
      params: { fair: false },
      expect: { violates: ['philosopher-1-eats'] },
    },
  ],
};
