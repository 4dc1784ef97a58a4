// Formats a violation artifact as one self-contained HTML page (no scripts, no external assets): the same story
// as the Markdown report — property, replay command, initial state, then each step with only what changed.

import { diffVariables, flattenValue } from './value-diff.ts';
import { replayCommand, type ViolationArtifact } from './violation-artifact.ts';

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
code{background:#f3f3f3;padding:1px 4px;border-radius:3px}table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}.step{border-left:4px solid #8ab;padding-left:12px;margin:1.2em 0}
.last{border-left-color:#c33}.after{font-weight:600}blockquote{margin:0;padding:.4em 1em;background:#fafae8;border-left:4px solid #cc6}`;

export function artifactToHtml(artifact: ViolationArtifact, tracePath: string): string {
  const steps = artifact.steps;
  const out: string[] = [];
  out.push('<!doctype html>', '<html lang="en"><head><meta charset="utf-8">');
  out.push(`<title>${escape(`${artifact.model}: ${artifact.property} violated`)}</title><style>${STYLE}</style></head><body>`);
  out.push(`<h1>${escape(artifact.model)}: <code>${escape(artifact.property)}</code> violated</h1>`);
  out.push(`<blockquote>${escape(artifact.doc)}</blockquote>`);
  out.push('<ul>');
  out.push(`<li><b>Model:</b> ${escape(artifact.model)}${artifact.preset ? ` (preset <code>${escape(artifact.preset)}</code>)` : ''}</li>`);
  out.push(`<li><b>Params:</b> ${escape(Object.entries(artifact.params).map(([k, v]) => `${k}=${v}`).join(', '))}</li>`);
  out.push(`<li><b>Search:</b> ${artifact.strategy}, seed ${artifact.seed}; ${steps.length - 1} action(s)${artifact.strategy === 'bfs' ? ', a shortest counterexample' : ' (shrunk)'}</li>`);
  out.push(`<li><b>Replay:</b> <code>${escape(replayCommand(tracePath))}</code></li></ul>`);
  out.push('<h2>Initial state</h2><table><tr><th>variable</th><th>value</th></tr>');
  const leaves: { path: string; value: string }[] = [];
  for (const [name, value] of Object.entries(steps[0].vars)) flattenValue(value, name, leaves);
  for (const leaf of leaves) out.push(`<tr><td><code>${escape(leaf.path)}</code></td><td>${escape(leaf.value)}</td></tr>`);
  out.push('</table>');
  for (let i = 1; i < steps.length; i++) {
    const last = i === steps.length - 1;
    out.push(`<div class="step${last ? ' last' : ''}"><h3>Step ${i}: ${escape(steps[i].actionText ?? '')}</h3>`);
    const changes = diffVariables(steps[i - 1].vars, steps[i].vars);
    if (changes.length === 0) out.push('<p><i>No variable changed.</i></p>');
    else {
      out.push('<table><tr><th>variable</th><th>before</th><th>after</th></tr>');
      for (const c of changes) out.push(`<tr><td><code>${escape(c.path)}</code></td><td>${escape(c.before)}</td><td class="after">${escape(c.after)}</td></tr>`);
      out.push('</table>');
    }
    out.push('</div>');
  }
  const verdict = artifact.lasso
    ? `A fair lasso: from state ${artifact.lasso.loop} the last ${steps.length - 1 - artifact.lasso.loop} step(s) repeat forever (0: it stutters), and ${artifact.property}'s goal never holds from state ${artifact.lasso.trigger} on.`
    : artifact.propertyKind === 'always'
      ? `After step ${steps.length - 1}, ${artifact.property} no longer holds.`
      : `Step ${steps.length - 1} breaks ${artifact.property}.`;
  out.push(`<h2>Verdict</h2><p>${escape(verdict)} ${escape(artifact.doc)}</p>`, '</body></html>', '');
  return out.join('\n');
}
