// Lamport's TwoPhase commit (the TLA+ Examples spec), kept apart from the Kafka models: it is not Kafka. It
// exists so the harness is checked against state counts other tools agree on (TLC and Stateright: 3 RMs → 288,
// 5 → 8,832, 8 → 1,745,408 distinct states). State is four small integers so successors are cheap.

import type { ActionBase, ActionFootprint, Model, StateReader, StateWriter, TraceValue } from '../../src/contract/model.ts';

/** rm: 2 bits per resource manager (0 working, 1 prepared, 2 committed, 3 aborted); sets are bit masks. */
export interface TwoPhaseState {
  readonly rm: number;
  readonly tm: number; // 0 init, 1 committed, 2 aborted
  readonly tmPrepared: number;
  readonly msgs: number; // bits 0..n-1: Prepared(rm); bit n: Commit; bit n+1: Abort
}

export type TwoPhaseAction =
  | { readonly type: 'TMCommit' }
  | { readonly type: 'TMAbort' }
  | { readonly type: 'TMRcvPrepared'; readonly rm: number }
  | { readonly type: 'RMPrepare'; readonly rm: number }
  | { readonly type: 'RMChooseToAbort'; readonly rm: number }
  | { readonly type: 'RMRcvCommitMsg'; readonly rm: number }
  | { readonly type: 'RMRcvAbortMsg'; readonly rm: number };

const RM_NAMES = ['working', 'prepared', 'committed', 'aborted'];
const TM_NAMES = ['init', 'committed', 'aborted'];

export function rmState(state: TwoPhaseState, rm: number): number {
  return (state.rm >>> (2 * rm)) & 3;
}

function withRm(state: TwoPhaseState, rm: number, value: number): number {
  return (state.rm & ~(3 << (2 * rm))) | (value << (2 * rm));
}

/** `abortAfterPrepare` is the deliberate bug: an RM may abort on its own after it has prepared. */
export function twoPhaseCommit(n: number, abortAfterPrepare = false): Model<TwoPhaseState, TwoPhaseAction> {
  const all = (1 << n) - 1;
  const commitBit = 1 << n;
  const abortBit = 1 << (n + 1);
  const actions: TwoPhaseAction[] = [{ type: 'TMCommit' }, { type: 'TMAbort' }];
  for (let rm = 0; rm < n; rm++) {
    actions.push({ type: 'TMRcvPrepared', rm }, { type: 'RMPrepare', rm }, { type: 'RMChooseToAbort', rm });
    actions.push({ type: 'RMRcvCommitMsg', rm }, { type: 'RMRcvAbortMsg', rm });
  }
  return {
    actionTypes: ['TMCommit', 'TMAbort', 'TMRcvPrepared', 'RMPrepare', 'RMChooseToAbort', 'RMRcvCommitMsg', 'RMRcvAbortMsg'],
    init: () => [{ rm: 0, tm: 0, tmPrepared: 0, msgs: 0 }],
    actions: () => actions,
    next(s, a) {
      switch (a.type) {
        case 'TMCommit':
          return s.tm === 0 && s.tmPrepared === all ? { rm: s.rm, tm: 1, tmPrepared: s.tmPrepared, msgs: s.msgs | commitBit } : undefined;
        case 'TMAbort':
          return s.tm === 0 ? { rm: s.rm, tm: 2, tmPrepared: s.tmPrepared, msgs: s.msgs | abortBit } : undefined;
        case 'TMRcvPrepared':
          return s.tm === 0 && (s.msgs & (1 << a.rm)) !== 0 && (s.tmPrepared & (1 << a.rm)) === 0
            ? { rm: s.rm, tm: s.tm, tmPrepared: s.tmPrepared | (1 << a.rm), msgs: s.msgs }
            : s.tm === 0 && (s.msgs & (1 << a.rm)) !== 0
              ? s // enabled but stuttering, as in the TLA+ spec (the set union changes nothing)
              : undefined;
        case 'RMPrepare':
          return rmState(s, a.rm) === 0 ? { rm: withRm(s, a.rm, 1), tm: s.tm, tmPrepared: s.tmPrepared, msgs: s.msgs | (1 << a.rm) } : undefined;
        case 'RMChooseToAbort': {
          const r = rmState(s, a.rm);
          return r === 0 || (abortAfterPrepare && r === 1) ? { rm: withRm(s, a.rm, 3), tm: s.tm, tmPrepared: s.tmPrepared, msgs: s.msgs } : undefined;
        }
        case 'RMRcvCommitMsg':
          return (s.msgs & commitBit) !== 0 ? { rm: withRm(s, a.rm, 2), tm: s.tm, tmPrepared: s.tmPrepared, msgs: s.msgs } : undefined;
        case 'RMRcvAbortMsg':
          return (s.msgs & abortBit) !== 0 ? { rm: withRm(s, a.rm, 3), tm: s.tm, tmPrepared: s.tmPrepared, msgs: s.msgs } : undefined;
        default: {
          const never: never = a;
          return never;
        }
      }
    },
    encode(s: TwoPhaseState, out: StateWriter) {
      out.int(s.rm);
      out.int(s.tm | (s.tmPrepared << 2) | (s.msgs << 12));
    },
    decode(input: StateReader): TwoPhaseState {
      const rm = input.int();
      const rest = input.int();
      return { rm, tm: rest & 3, tmPrepared: (rest >>> 2) & 1023, msgs: rest >>> 12 };
    },
    variables(s): Record<string, TraceValue> {
      const rms: Record<string, TraceValue> = {};
      const prepared: TraceValue[] = [];
      const msgs: TraceValue[] = [];
      for (let rm = 0; rm < n; rm++) {
        rms[`rm${rm + 1}`] = RM_NAMES[rmState(s, rm)];
        if (s.tmPrepared & (1 << rm)) prepared.push(`rm${rm + 1}`);
        if (s.msgs & (1 << rm)) msgs.push(`Prepared(rm${rm + 1})`);
      }
      if (s.msgs & commitBit) msgs.push('Commit');
      if (s.msgs & abortBit) msgs.push('Abort');
      return { rmState: rms, tmState: TM_NAMES[s.tm], tmPrepared: prepared, msgs };
    },
    partialOrder: { footprint: (a) => twoPhaseFootprint(a, n), latent: [] },
    describeAction: (a) => ('rm' in a ? `${a.type}(rm${a.rm + 1})` : a.type),
  };
}

/**
 * Parts: `rm.i`, `tm`, `tmPrepared.i`, `msg.prepared.i`, `msg.commit`, `msg.abort` (the spec's variables, split
 * per resource manager). The TLA+ actions read and write exactly these.
 */
export function twoPhaseFootprint(a: TwoPhaseAction, n: number): ActionFootprint {
  switch (a.type) {
    case 'TMCommit': {
      const prepared = Array.from({ length: n }, (_, rm) => `tmPrepared.${rm}`);
      return { reads: ['tm', ...prepared], writes: ['tm', 'msg.commit'] };
    }
    case 'TMAbort':
      return { reads: ['tm'], writes: ['tm', 'msg.abort'] };
    case 'TMRcvPrepared':
      return { reads: ['tm', `msg.prepared.${a.rm}`, `tmPrepared.${a.rm}`], writes: [`tmPrepared.${a.rm}`] };
    case 'RMPrepare':
      return { reads: [`rm.${a.rm}`], writes: [`rm.${a.rm}`, `msg.prepared.${a.rm}`] };
    case 'RMChooseToAbort':
      return { reads: [`rm.${a.rm}`], writes: [`rm.${a.rm}`] };
    case 'RMRcvCommitMsg':
      return { reads: ['msg.commit'], writes: [`rm.${a.rm}`] };
    case 'RMRcvAbortMsg':
      return { reads: ['msg.abort'], writes: [`rm.${a.rm}`] };
  }
}
