// The `two-phase-commit` calibration model as the registry sees it: param `resourceManagers`, the TPConsistent
// invariant, witnesses for both outcomes, and presets. Not Kafka: it checks the harness against known counts.

import { defineModel } from '../../src/contract/define-model.ts';
import { always, sometimes } from '../../src/contract/property.ts';
import { rmState, twoPhaseCommit, type TwoPhaseAction, type TwoPhaseState } from './two-phase-commit.ts';

const each = (s: TwoPhaseState, n: number, value: number): boolean => {
  for (let rm = 0; rm < n; rm++) if (rmState(s, rm) === value) return true;
  return false;
};

export const twoPhaseCommitDefinition = defineModel({
  name: 'two-phase-commit',
  doc: "Calibration, not Kafka: Lamport's TwoPhase commit spec (TLA+ Examples), for comparing state counts with TLC",
  params: [
    { name: 'resourceManagers', type: 'int', default: 3, min: 1, max: 10, doc: 'number of resource managers (RM)' },
    { name: 'abortAfterPrepare', type: 'bool', default: false, doc: 'deliberate bug: an RM may abort on its own after preparing' },
  ],
  create: (p) => twoPhaseCommit(p.resourceManagers as number, p.abortAfterPrepare as boolean),
  properties: (p) => {
    const n = p.resourceManagers as number;
    const rms = Array.from({ length: n }, (_, rm) => `rm.${rm}`);
    return [
      always<TwoPhaseState>('tp-consistent', 'TPConsistent: no resource manager has committed while another has aborted', (s) => !(each(s, n, 2) && each(s, n, 3)), rms),
      sometimes<TwoPhaseState>('commit-reached', 'some resource manager commits', (s) => each(s, n, 2), rms),
      sometimes<TwoPhaseState>('abort-reached', 'some resource manager aborts', (s) => each(s, n, 3), rms),
    ];
  },
  presets: [
    { name: 'default', doc: 'TwoPhase with 3 RMs: 288 distinct states', params: { resourceManagers: 3 }, expect: { holds: true } },
    { name: 'five-rms', doc: 'TwoPhase with 5 RMs: 8,832 distinct states', params: { resourceManagers: 5 }, expect: { holds: true } },
    { name: 'abort-after-prepare', doc: 'an RM aborts after voting to commit: TPConsistent fails', params: { resourceManagers: 3, abortAfterPrepare: true }, expect: { violates: ['tp-consistent'] } },
  ],
});
