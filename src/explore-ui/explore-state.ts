// What the explorer shows for one path of action indices (the permalink): replays it from the initial state and
// returns the current state's cluster picture, diff and properties, the path's sequence diagram, and every
// candidate action of the current state — enabled ones with their consequence, disabled ones greyed. Pure.

import type { ActionBase, Model } from '../contract/model.ts';
import type { Property } from '../contract/property.ts';
import { KcheckError } from '../errors.ts';
import { ReplayDivergence, replayPath } from '../explore/trace.ts';
import { clusterSvg } from '../report/page/cluster-svg.ts';
import { sequenceSvg } from '../report/page/sequence-svg.ts';
import { pageRows, traceLayout, type PageRow, type StepSource } from '../report/page/trace-page-data.ts';
import { describeAction, propertiesAt, stepInfo, viewOf } from '../report/violation-artifact.ts';

export interface ExploreAction {
  readonly index: number;
  readonly text: string;
  readonly enabled: boolean;
}

export interface ExploreSnapshot {
  readonly path: readonly number[];
  readonly steps: readonly { readonly index: number; readonly text: string }[];
  readonly cluster: string;
  readonly sequence: string;
  readonly rows: readonly PageRow[];
  readonly holds: readonly { readonly name: string; readonly holds: boolean }[];
  readonly actions: readonly ExploreAction[];
}

export function exploreSnapshot<S, A extends ActionBase>(model: Model<S, A>, properties: readonly Property<S, A>[], initIndex: number, path: readonly number[]): ExploreSnapshot {
  let trace;
  try {
    trace = replayPath(model, { initIndex, path });
  } catch (error) {
    if (error instanceof ReplayDivergence) throw new KcheckError('KC_BAD_TRACE', `path ${path.join('.')} does not replay: ${error.message}`);
    throw error;
  }
  const m = model as unknown as Model<unknown, A>;
  const sources: StepSource[] = trace.states.map((state, i) => ({
    vars: model.variables(state),
    view: viewOf(model as Model<S, ActionBase>, state),
    info: i === 0 ? null : stepInfo(m, trace.states[i - 1], trace.actions[i - 1], state),
    holds: propertiesAt(properties, trace.states, trace.actions, i),
  }));
  const layout = traceLayout(sources);
  const last = sources.length - 1;
  const current = trace.states[last];
  const actions = model.actions(current).map((action, index) => {
    const next = model.next(current, action);
    return next === undefined
      ? { index, text: describeAction(m, action), enabled: false }
      : { index, text: stepInfo(m, current, action, next).text, enabled: true };
  });
  const broken = sources.findIndex((s) => s.holds.some((h) => !h.holds));
  return {
    path,
    steps: sources.map((s, i) => ({ index: i, text: s.info?.text ?? 'initial state' })),
    cluster: clusterSvg(sources[last].view),
    sequence: sequenceSvg({ lanes: layout.lanes, infos: layout.infos, arrows: layout.arrows, violating: broken < 0 ? null : broken }),
    rows: pageRows(last === 0 ? null : sources[last - 1].vars, sources[last].vars),
    holds: sources[last].holds,
    actions,
  };
}
