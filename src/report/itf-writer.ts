// Formats a violation artifact as an ITF trace object: model, preset, params, seed and property in `#meta`; per
// state the model's structured values (its `itfState`) and in the state's #meta the action that led into it
// (plain data, its index in the model's action list, its text) and the display variables the reports show.

import type { ItfTrace } from './itf.ts';
import { toItfValue } from './itf.ts';
import type { ViolationArtifact } from './violation-artifact.ts';

export function artifactToItf(artifact: ViolationArtifact): ItfTrace {
  const vars = Object.keys(artifact.steps[0]?.itf ?? {});
  // Structured states keep the reports' display text beside them, in each state's #meta.
  const structured = artifact.steps.some((s) => s.itf !== s.vars);
  return {
    '#meta': {
      format: 'ITF',
      'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html',
      source: 'kcheck',
      model: artifact.model,
      preset: artifact.preset,
      params: artifact.params,
      seed: artifact.seed,
      strategy: artifact.strategy,
      property: artifact.property,
      propertyKind: artifact.propertyKind,
      initIndex: artifact.initIndex,
      description: artifact.doc,
      ...(artifact.lasso ? { trigger: artifact.lasso.trigger } : {}),
      ...(artifact.lasso?.bounded !== undefined ? { bounded: artifact.lasso.bounded } : {}),
      ...(artifact.lasso?.shift !== undefined ? { loopShift: artifact.lasso.shift } : {}),
      ...(artifact.modelSource ? { modelSource: artifact.modelSource } : {}),
    },
    vars,
    states: artifact.steps.map((step) => {
      const base =
        step.index === 0
          ? { index: 0 }
          : { index: step.index, action: step.action ?? undefined, actionIndex: step.actionIndex ?? undefined, actionText: step.actionText ?? undefined };
      const meta = structured ? { ...base, display: step.vars } : base;
      const state: Record<string, unknown> = { '#meta': meta };
      for (const name of vars) state[name] = toItfValue(step.itf[name]);
      return state as ItfTrace['states'][number];
    }),
    ...(artifact.lasso ? { loop: artifact.lasso.loop } : {}),
  };
}
