// Formats a violation artifact as an ITF trace object: model, preset, params, seed and property in `#meta`; per
// state the action that led into it (plain data, its index in the model's action list, and its text).

import type { ItfTrace } from './itf.ts';
import { toItfValue } from './itf.ts';
import type { ViolationArtifact } from './violation-artifact.ts';

export function artifactToItf(artifact: ViolationArtifact): ItfTrace {
  const vars = Object.keys(artifact.steps[0]?.vars ?? {});
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
      ...(artifact.modelSource ? { modelSource: artifact.modelSource } : {}),
    },
    vars,
    states: artifact.steps.map((step) => {
      const meta =
        step.index === 0
          ? { index: 0 }
          : { index: step.index, action: step.action ?? undefined, actionIndex: step.actionIndex ?? undefined, actionText: step.actionText ?? undefined };
      const state: Record<string, unknown> = { '#meta': meta };
      for (const name of vars) state[name] = toItfValue(step.vars[name]);
      return state as ItfTrace['states'][number];
    }),
  };
}
