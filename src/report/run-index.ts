// `<out>/index.json` and `index.md`: what the last run of each configuration in this directory found (verdict, why,
// the files of its counterexamples, the command that reruns it). A run replaces the entries of the configurations
// it ran and keeps the others; the index is written after every trace and report, so once it names a file, the file
// is complete.

import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CheckResult } from '../check/run-check.ts';
import type { WrittenViolation } from './check-summary.ts';
import { stopReason } from './checked-depth.ts';
import type { PropertyVerdict } from './property-verdicts.ts';
import { writeFileAtomic } from './write-atomic.ts';

export interface IndexEntry {
  readonly configuration: string;
  readonly command: 'check' | 'suite';
  readonly model: string;
  readonly preset: string | null;
  /** e.g. "violation", "ok", "vacuous", "incomplete", or a suite case's "met" / "not met". */
  readonly verdict: string;
  /** One line: what was found, or why nothing was decided. */
  readonly detail: string;
  /** Paste to rerun this configuration. */
  readonly rerun: string;
  /** Counterexample files, relative to the index. */
  readonly violations: readonly { readonly property: string; readonly length: number; readonly trace: string; readonly report: string; readonly html: string; readonly replay: string }[];
}

export interface RunIndex {
  readonly kcheckIndex: 1;
  readonly entries: readonly IndexEntry[];
}

export function indexViolations(written: readonly WrittenViolation[]): IndexEntry['violations'] {
  return written.map((w) => ({ property: w.property, length: w.length, trace: basename(w.trace), report: basename(w.report), html: basename(w.html), replay: `npx kcheck replay ${w.trace}` }));
}

/** The index entry of one `check` run: its verdict, what failed (or that nothing did) and how the search ended. */
export function checkIndexEntry(result: CheckResult, configuration: string, verdict: string, verdicts: readonly PropertyVerdict[], rerun: string, written: readonly WrittenViolation[]): IndexEntry {
  const o = result.outcome;
  const failed = verdicts.filter((v) => v.status === 'failed').map((v) => (v.kind === 'sometimes' ? v.reason : `${v.property} ${v.reason}`));
  const detail = o.error ? `error: ${o.error.message}` : `${failed.join('; ') || 'no violation'}; ${stopReason(o)}`;
  return { configuration, command: 'check', model: result.model, preset: result.preset, verdict, detail, rerun, violations: indexViolations(written) };
}

function readIndex(path: string): IndexEntry[] {
  if (!existsSync(path)) return [];
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as RunIndex;
    return json.kcheckIndex === 1 && Array.isArray(json.entries) ? [...json.entries] : [];
  } catch {
    return []; // an unreadable index is rebuilt from this run
  }
}

export function writeRunIndex(outDir: string, entries: readonly IndexEntry[]): { json: string; md: string } {
  const json = join(outDir, 'index.json');
  const md = join(outDir, 'index.md');
  const ran = new Set(entries.map((e) => e.configuration));
  const all = [...readIndex(json).filter((e) => !ran.has(e.configuration) && e.violations.every((v) => existsSync(join(outDir, v.trace)))), ...entries].sort((a, b) =>
    a.configuration < b.configuration ? -1 : a.configuration > b.configuration ? 1 : 0,
  );
  const index: RunIndex = { kcheckIndex: 1, entries: all };
  writeFileAtomic(md, indexMarkdown(index));
  writeFileAtomic(json, `${JSON.stringify(index, null, 2)}\n`);
  return { json, md };
}

function indexMarkdown(index: RunIndex): string {
  const lines = ['# kcheck reports', '', 'The last run of each configuration written to this directory.', '', '| configuration | verdict | detail | counterexamples |', '|---|---|---|---|'];
  const cell = (t: string): string => t.replace(/\|/g, '\\|');
  for (const e of index.entries) {
    const files = e.violations.map((v) => `[${v.property}](${v.report}) (${v.length} actions, [trace](${v.trace}))`).join('<br>') || '—';
    lines.push(`| \`${e.configuration}\` | ${cell(e.verdict)} | ${cell(e.detail)} | ${files} |`);
  }
  lines.push('', 'Rerun a configuration:', '');
  for (const e of index.entries) lines.push(`- \`${e.configuration}\`: \`${e.rerun}\``);
  lines.push('');
  return lines.join('\n');
}
