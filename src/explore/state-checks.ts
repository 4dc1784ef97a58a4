// The property checks every breadth-first explorer runs as it goes — invariants and witnesses on each new state,
// action properties on each transition — shared by the safety BFS (bfs.ts) and the liveness graph builder
// (liveness/build-state-graph.ts), so a liveness run checks exactly what a safety run does. Closures over local
// arrays, as the BFS had inline: per-property "done" flags are tested instead of hashing property names.

import type { ActionBase } from '../contract/model.ts';
import type { ExploreOptions } from './explore-options.ts';
import type { ViolationRecord, WitnessRecord } from './outcome.ts';
import type { StateLog } from './state-log.ts';

export interface StateChecks<S, A extends ActionBase> {
  readonly violations: ViolationRecord[];
  /** Names of the properties violated so far (each is reported once). */
  readonly violated: Set<string>;
  /** Whether any action property is checked (callers skip `onTransition` otherwise). */
  readonly hasActionProperties: boolean;
  /** A state seen for the first time, logged as `id` at `depth`: invariants and witnesses. */
  readonly onNewState: (state: S, id: number, depth: number) => void;
  /** The transition `state --actions[a]--> next` out of logged state `from`: action properties. */
  readonly onTransition: (state: S, action: A, next: S, from: number, a: number) => void;
  /** Every witness, found or not. */
  readonly witnessRecords: () => WitnessRecord[];
}

export function stateChecks<S, A extends ActionBase>(options: ExploreOptions<S, A>, log: StateLog): StateChecks<S, A> {
  const invariants = options.properties.filter((p) => p.kind === 'always');
  const actionProps = options.properties.filter((p) => p.kind === 'action');
  const invariantDone = invariants.map(() => false);
  const actionDone = actionProps.map(() => false);
  const witnesses = options.witnesses;
  const found: (WitnessRecord | null)[] = witnesses.map(() => null);
  let witnessesLeft = witnesses.length;
  const violations: ViolationRecord[] = [];
  const violated = new Set<string>();

  const record = (property: string, kind: 'always' | 'action', id: number, extra: number | null): void => {
    violated.add(property);
    const at = log.pathTo(id);
    violations.push({ property, kind, initIndex: at.initIndex, path: extra === null ? at.path : [...at.path, extra] });
  };
  const onNewState = (state: S, id: number, depth: number): void => {
    for (let i = 0; i < invariants.length; i++) {
      if (!invariantDone[i] && !invariants[i].check(state)) {
        invariantDone[i] = true;
        record(invariants[i].name, 'always', id, null);
      }
    }
    if (witnessesLeft > 0) {
      for (let w = 0; w < witnesses.length; w++) {
        if (found[w] === null && witnesses[w].check(state)) {
          found[w] = { name: witnesses[w].name, found: true, depth, at: log.pathTo(id) };
          witnessesLeft--;
        }
      }
    }
  };
  const onTransition = (state: S, action: A, next: S, from: number, a: number): void => {
    for (let i = 0; i < actionProps.length; i++) {
      if (!actionDone[i] && !actionProps[i].check(state, action, next)) {
        actionDone[i] = true;
        record(actionProps[i].name, 'action', from, a);
      }
    }
  };
  const witnessRecords = (): WitnessRecord[] => witnesses.map((w, i) => found[i] ?? { name: w.name, found: false, depth: null, at: null });
  return { violations, violated, hasActionProperties: actionProps.length > 0, onNewState, onTransition, witnessRecords };
}
