// Writes, for each violation of a check, the ITF trace and the Markdown and HTML reports under the output directory,
// each atomically, named `<model>.<preset|custom>.<params-hash>.<property>` so reruns of one configuration replace
// rather than accumulate. removeStaleFiles deletes a configuration's earlier files for properties a run proved
// clean (e.g. after a model fix), so no file in the directory claims a violation the last run ruled out.

import { readdirSync, rmSync } from 'node:fs';
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

const REPORT_FILE = /\.(itf\.json|md|html)$/;

export function writeViolationFiles(definition: ModelDefinition, result: CheckResult, outDir: string): WrittenViolation[] {
  const model = definition.create(result.params);
  const written = result.violations.map((v) => {
    const artifact = buildArtifact(model, v.trace, {
      model: result.model,
      preset: result.preset,
      params: result.params,
      seed: result.outcome.seed,
      strategy: result.outcome.strategy,
      property: v.record.property,
      propertyKind: v.record.kind,
      doc: v.doc,
      ...(v.record.lasso ? { lasso: v.record.lasso } : {}),
      modelSource: provenanceOf(definition.source, result.params),
    }, definition.properties(result.params));
    const trace = join(outDir, `${artifact.stem}.itf.json`);
    const report = join(outDir, `${artifact.stem}.md`);
    const html = join(outDir, `${artifact.stem}.html`);
    writeFileAtomic(report, artifactToMarkdown(artifact, trace));
    writeFileAtomic(html, artifactToHtml(artifact, trace));
    // The trace last: a run killed midway can leave reports without a trace, never a trace without its reports.
    writeFileAtomic(trace, `${JSON.stringify(artifactToItf(artifact), null, 2)}\n`);
    return { property: v.record.property, length: v.record.path.length, trace, report, html, ...(v.record.lasso ? { lasso: v.record.lasso } : {}) };
  });
  return written;
}

/**
 * Deletes `<configuration>.<property>.*` trace and report files in `outDir` that are not among `kept`, for the
 * given properties (those the run decided hold), or for any property when `properties` is undefined.
 */
export function removeStaleFiles(outDir: string, configuration: string, kept: readonly WrittenViolation[], properties?: readonly string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return []; // no directory yet: nothing stale
  }
  const keep = new Set(kept.flatMap((w) => [w.trace, w.report, w.html].map((p) => p.slice(p.lastIndexOf('/') + 1))));
  const prefix = `${configuration}.`;
  const ofProperty = (n: string): boolean => properties === undefined || properties.includes(n.slice(prefix.length).replace(REPORT_FILE, ''));
  const stale = names.filter((n) => n.startsWith(prefix) && REPORT_FILE.test(n) && !keep.has(n) && ofProperty(n));
  for (const name of stale) rmSync(join(outDir, name), { force: true });
  return stale;
}
