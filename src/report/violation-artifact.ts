// A failure report as data (after fast-check): the property and its doc, the model, preset, params and seed, the
// replay command, and each step's action and variables. The ITF, Markdown and console formatters read only this.

import type { ActionBase, Model, TraceValue } from '../contract/model.ts';
import type { ParamValues } from '../contract/params.ts';
import type { Property } from '../contract/property.ts';
import type { ClusterView, StepInfo } from '../contract/view.ts';
import type { LassoRef, Strategy } from '../explore/outcome.ts';
import type { Trace } from '../explore/trace.ts';
import type { ModelProvenance } from '../check/model-provenance.ts';
import { configurationId } from './configuration-id.ts';
import { fallbackStep, fallbackView } from './page/fallback-view.ts';

export interface ArtifactStep {
  readonly index: number;
  readonly action: TraceValue | null;
  readonly actionIndex: number | null;
  readonly actionText: string | null;
  readonly vars: Readonly<Record<string, TraceValue>>;
  /** The state as the ITF file holds it: the model's `itfState` (structured) or, without one, `vars`. */
  readonly itf: Readonly<Record<string, TraceValue>>;
  /** The model's picture of this state (or the generic one built from its variables). */
  readonly view: ClusterView;
  /** Who took the step into this state and what it caused (null for the initial state). */
  readonly info: StepInfo | null;
  /** Which safety properties hold at this state (action properties: on the step into it). */
  readonly holds: readonly { readonly name: string; readonly holds: boolean }[];
}

export interface ViolationArtifact {
  readonly model: string;
  readonly preset: string | null;
  readonly params: ParamValues;
  readonly seed: number;
  readonly strategy: Strategy;
  readonly property: string;
  readonly propertyKind: 'always' | 'action' | 'liveness';
  readonly doc: string;
  /** Liveness: the trace is a lasso (its last state is state `loop`'s; the goal never holds from `trigger`). */
  readonly lasso?: LassoRef;
  readonly initIndex: number;
  readonly steps: readonly ArtifactStep[];
  /** The model's account of what the violation concretely means at the last state (null when it offers none). */
  readonly consequence: string | null;
  /** Where a model loaded from a file came from (recorded in the ITF #meta for replay); absent for built-ins. */
  readonly modelSource?: ModelProvenance;
  /** File stem of the trace and reports, `<model>.<preset|custom>.<params-hash>.<property>`, e.g.
   *  "zk-controller.no-epoch-fencing.1a2b3c4d.no-stale-controller-write". */
  readonly stem: string;
}

export function describeAction<A extends ActionBase>(model: Model<unknown, A>, action: A): string {
  return model.describeAction ? model.describeAction(action) : JSON.stringify(action);
}

/** The step's line: the model's consequence-naming `describeStep` when it has one, else `describeAction`. */
export function stepInfo<S, A extends ActionBase>(model: Model<S, A>, before: S, action: A, after: S): StepInfo {
  return model.describeStep ? model.describeStep(before, action, after) : fallbackStep(action, describeAction(model as Model<unknown, A>, action));
}

/** What the ITF trace stores (and replay compares) for a state. */
export function itfStateOf<S>(model: Model<S, ActionBase>, state: S): Readonly<Record<string, TraceValue>> {
  return model.itfState ? model.itfState(state) : model.variables(state);
}

export function viewOf<S>(model: Model<S, ActionBase>, state: S): ClusterView {
  return model.view ? model.view(state) : fallbackView(model.variables(state));
}

/** Which safety properties hold at state i of a trace (action properties judge the step into it). */
export function propertiesAt<S, A extends ActionBase>(properties: readonly Property<S, A>[], states: readonly S[], actions: readonly A[], i: number) {
  // State and action properties only: a liveness property is about whole behaviours, so no single state can
  // show it holding (the lasso's page says where its loop is instead).
  return properties
    .filter((p) => p.kind === 'always' || p.kind === 'action')
    .map((p) => ({
      name: p.name,
      holds: p.kind === 'always' ? p.check(states[i]) : p.kind === 'action' && i > 0 ? p.check(states[i - 1], actions[i - 1], states[i]) : true,
    }));
}

export function buildArtifact<A extends ActionBase>(
  model: Model<unknown, A>,
  trace: Trace<unknown, A>,
  info: Omit<ViolationArtifact, 'steps' | 'initIndex' | 'stem' | 'consequence'>,
  properties: readonly Property<unknown, A>[] = [],
): ViolationArtifact {
  const steps: ArtifactStep[] = trace.states.map((state, i) => {
    const step = i === 0 ? null : stepInfo(model, trace.states[i - 1], trace.actions[i - 1], state);
    return {
      index: i,
      action: i === 0 ? null : (trace.actions[i - 1] as unknown as TraceValue),
      actionIndex: i === 0 ? null : trace.path[i - 1],
      actionText: step === null ? null : step.text,
      vars: model.variables(state),
      itf: itfStateOf(model, state),
      view: viewOf(model, state),
      info: step,
      holds: propertiesAt(properties, trace.states, trace.actions, i),
    };
  });
  const stem = `${configurationId(info.model, info.preset, info.params)}.${info.property}`;
  const last = trace.states[trace.states.length - 1];
  const consequence = model.explain?.(info.property, last) ?? null;
  return { ...info, initIndex: trace.initIndex, steps, stem, consequence };

}

/** The command that re-runs this trace. */
export function replayCommand(tracePath: string): string {
  return `npx kcheck replay ${shellQuote(tracePath)}`;
}

/** POSIX-shell quoting, so a printed command pastes as is (`--out "my reports"`). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
