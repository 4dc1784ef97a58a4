// A failure report as data (after fast-check): the property and its doc, the model, preset, params and seed, the
// replay command, and each step's action and variables. The ITF, Markdown and console formatters read only this.

import type { ActionBase, Model, TraceValue } from '../contract/model.ts';
import type { ParamValues } from '../contract/params.ts';
import type { Strategy } from '../explore/outcome.ts';
import type { Trace } from '../explore/trace.ts';
import type { ModelProvenance } from '../check/model-provenance.ts';

export interface ArtifactStep {
  readonly index: number;
  readonly action: TraceValue | null;
  readonly actionIndex: number | null;
  readonly actionText: string | null;
  readonly vars: Readonly<Record<string, TraceValue>>;
}

export interface ViolationArtifact {
  readonly model: string;
  readonly preset: string | null;
  readonly params: ParamValues;
  readonly seed: number;
  readonly strategy: Strategy;
  readonly property: string;
  readonly propertyKind: 'always' | 'action';
  readonly doc: string;
  readonly initIndex: number;
  readonly steps: readonly ArtifactStep[];
  /** Where a model loaded from a file came from (recorded in the ITF #meta for replay); absent for built-ins. */
  readonly modelSource?: ModelProvenance;
  /** File stem used for the trace and report files, e.g. "zk-controller.no-epoch-fencing.no-stale-controller-write". */
  readonly stem: string;
}

export function describeAction<A extends ActionBase>(model: Model<unknown, A>, action: A): string {
  return model.describeAction ? model.describeAction(action) : JSON.stringify(action);
}

export function buildArtifact<A extends ActionBase>(
  model: Model<unknown, A>,
  trace: Trace<unknown, A>,
  info: Omit<ViolationArtifact, 'steps' | 'initIndex' | 'stem'>,
): ViolationArtifact {
  const steps: ArtifactStep[] = trace.states.map((state, i) => ({
    index: i,
    action: i === 0 ? null : (trace.actions[i - 1] as unknown as TraceValue),
    actionIndex: i === 0 ? null : trace.path[i - 1],
    actionText: i === 0 ? null : describeAction(model, trace.actions[i - 1]),
    vars: model.variables(state),
  }));
  const stem = [info.model, info.preset ?? 'custom', info.property].join('.');
  return { ...info, initIndex: trace.initIndex, steps, stem };
}

/** The command that re-runs this trace. */
export function replayCommand(tracePath: string): string {
  return `npx kcheck replay ${tracePath}`;
}
