// Writes, for each violation of a check, the ITF trace and the Markdown and HTML reports under the output directory, each
// atomically, with deterministic names (model.preset.property) so reruns replace rather than accumulate.

import { join } from 'node:path';
import type { CheckResult } from '../check/run-check.ts';
import { provenanceOf } from '../check/model-provenance.ts';
import type { ModelDefinition } from '../contract/model-definition.ts';
import type { WrittenViolation } from './check-summary.ts';
import { artifactToHtml } from './html-report.ts';
import { artifactToItf } from './itf-writer.ts';
import { artifactToMarkdown } from './markdown-report.ts';
import { buildArtifact } from './violation-artifact.ts';
import { writeFileAtomic } from './write-atomic.ts';

export function writeViolationFiles(definition: ModelDefinition, result: CheckResult, outDir: string): WrittenViolation[] {
  const model = definition.create(result.params);
  return result.violations.map((v) => {
    const artifact = buildArtifact(model, v.trace, {
      model: result.model,
      preset: result.preset,
      params: result.params,
      seed: result.outcome.seed,
      strategy: result.outcome.strategy,
      property: v.record.property,
      propertyKind: v.record.kind,
      doc: v.doc,
      modelSource: provenanceOf(definition.source, result.params),
    });
    const trace = join(outDir, `${artifact.stem}.itf.json`);
    const report = join(outDir, `${artifact.stem}.md`);
    writeFileAtomic(trace, `${JSON.stringify(artifactToItf(artifact), null, 2)}\n`);
    const html = join(outDir, `${artifact.stem}.html`);
    writeFileAtomic(report, artifactToMarkdown(artifact, trace));
    writeFileAtomic(html, artifactToHtml(artifact, trace));
    return { property: v.record.property, length: v.record.path.length, trace, report, html };
  });
}
