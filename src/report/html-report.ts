// Formats a violation artifact as one self-contained HTML trace page (no network: SVG drawn here, trace data as
// embedded JSON, a small inline script). First screen: a summary box (property in plain words, the concrete
// consequence, params, seed, replay command), then a scrubber over the steps with the cluster picture, the diff
// and the properties at the current step beside the sequence diagram; the initial state is collapsed.

import { clusterSvg } from './page/cluster-svg.ts';
import { PAGE_SCRIPT } from './page/page-script.ts';
import { PAGE_STYLE } from './page/page-style.ts';
import { sequenceSvg } from './page/sequence-svg.ts';
import { esc } from './page/svg-text.ts';
import { pageRows, pageSteps, scriptJson, traceLayout } from './page/trace-page-data.ts';
import { replayCommand, type ViolationArtifact } from './violation-artifact.ts';

function summary(artifact: ViolationArtifact, tracePath: string, violating: number): string {
  const steps = artifact.steps;
  const broken = artifact.lasso?.bounded !== undefined
    ? `Undecided within the bounds: from state ${artifact.lasso.loop} the model stops only because ${esc(artifact.lasso.bounded)} refuses a fair action — a bound, not a violation of <code>${esc(artifact.property)}</code>.`
    : artifact.lasso
    ? `A fair lasso: from state ${artifact.lasso.loop} the last ${violating - artifact.lasso.loop} step(s) repeat forever (0: it stutters there)${artifact.lasso.shift !== undefined ? `, returning each time up to a shift: ${esc(artifact.lasso.shift)}` : ''}, and the goal of <code>${esc(artifact.property)}</code> never holds from state ${artifact.lasso.trigger} on.`
    : artifact.propertyKind === 'always'
      ? `After step ${violating}, <code>${esc(artifact.property)}</code> no longer holds.`
      : `Step ${violating} breaks <code>${esc(artifact.property)}</code>.`;
  const params = Object.entries(artifact.params).map(([k, v]) => `${k}=${v}`).join(', ');
  return [
    '<section class="summary" id="summary">',
    `<h1>${esc(artifact.model)}: <code>${esc(artifact.property)}</code> violated</h1>`,
    `<p>${esc(artifact.doc)}</p>`,
    `<p class="consequence">${broken} ${esc(artifact.consequence ?? '')}</p>`,
    `<p>The breaking step: <b>${esc(steps[violating]?.actionText ?? '')}</b></p>`,
    '<dl>',
    `<dt>model</dt><dd>${esc(artifact.model)}${artifact.preset ? ` (preset <code>${esc(artifact.preset)}</code>)` : ''}</dd>`,
    `<dt>params</dt><dd>${esc(params)}</dd>`,
    `<dt>search</dt><dd>${artifact.strategy}, seed ${artifact.seed}; ${steps.length - 1} action(s)${artifact.strategy === 'bfs' ? ', a shortest counterexample' : ' (shrunk)'}</dd>`,
    `<dt>replay</dt><dd><code>${esc(replayCommand(tracePath))}</code></dd>`,
    '</dl></section>',
  ].join('\n');
}

export function artifactToHtml(artifact: ViolationArtifact, tracePath: string): string {
  const steps = artifact.steps;
  const violating = steps.length - 1;
  const layout = traceLayout(steps);
  const data = { model: artifact.model, property: artifact.property, violating, steps: pageSteps(steps), arrows: layout.arrows };
  const out: string[] = [];
  out.push('<!doctype html>', '<html lang="en"><head><meta charset="utf-8">');
  out.push(`<title>${esc(`${artifact.model}: ${artifact.property} violated`)}</title><style>${PAGE_STYLE}</style></head><body>`);
  out.push(summary(artifact, tracePath, violating));
  out.push('<div class="scrubber"><button id="prev" title="previous step (k, ←)">◀</button>');
  out.push(`<input id="scrub" type="range" min="0" max="${violating}" value="${violating}" aria-label="step">`);
  out.push('<button id="next" title="next step (j, →)">▶</button><span id="step-title" class="title"></span></div>');
  out.push('<h2>Cluster at this step</h2>');
  steps.forEach((s, i) => out.push(`<div class="picture" data-step="${i}"${i === violating ? '' : ' hidden'}>${clusterSvg(s.view)}</div>`));
  out.push('<div class="panes"><div>');
  out.push('<h2>Properties at this step</h2><div id="props" class="props"></div>');
  out.push('<h2>What changed <span id="diff-count" class="muted"></span></h2>');
  out.push('<label><input type="checkbox" id="show-all"> show unchanged values</label><table id="diff" class="diff"></table>');
  out.push('</div><div>');
  out.push('<h2>Sequence</h2><div class="seq">');
  out.push(sequenceSvg({ lanes: layout.lanes, infos: layout.infos, arrows: layout.arrows, violating }));
  out.push('</div><h2>Steps</h2><ol class="steps" start="1">');
  for (let i = 1; i < steps.length; i++) {
    const loop = artifact.lasso && i === artifact.lasso.loop + 1 ? ' <b>↺ loop starts here</b>' : '';
    out.push(`<li data-step="${i}"${i === violating ? ' class="violating"' : ''}>${esc(steps[i].actionText ?? '')}${loop}</li>`);
  }
  out.push('</ol></div></div>');
  out.push('<details id="initial"><summary>Initial state (all variables)</summary><table class="diff show-all">');
  for (const row of pageRows(null, steps[0].vars)) out.push(`<tr><td><code>${esc(row.p)}</code></td><td>${esc(row.v)}</td></tr>`);
  out.push('</table></details>');
  out.push(`<script type="application/json" id="trace-data">${scriptJson(data)}</script>`);
  out.push(`<script>${PAGE_SCRIPT}</script>`, '</body></html>', '');
  return out.join('\n');
}
