// Formats a violation artifact as a Markdown story: what was violated and why it matters, how to replay it, the
// initial state, then each step as the action in the protocol's words and only the variables that changed.

import { diffVariables, flattenValue } from './value-diff.ts';
import { replayCommand, type ViolationArtifact } from './violation-artifact.ts';

export function artifactToMarkdown(artifact: ViolationArtifact, tracePath: string): string {
  const lines: string[] = [];
  const steps = artifact.steps;
  lines.push(`# ${artifact.model}: \`${artifact.property}\` violated`, '');
  lines.push(`> ${artifact.doc}`, '');
  lines.push(`- **Model:** ${artifact.model}${artifact.preset ? ` (preset \`${artifact.preset}\`)` : ''}`);
  lines.push(`- **Params:** ${Object.entries(artifact.params).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  lines.push(`- **Search:** ${artifact.strategy}, seed ${artifact.seed}`);
  lines.push(`- **Trace length:** ${steps.length - 1} action(s)${artifact.strategy === 'bfs' ? ' — a shortest counterexample' : ' (shrunk)'}`);
  lines.push(`- **Replay:** \`${replayCommand(tracePath)}\``, '');
  lines.push('## Initial state', '');
  lines.push('| variable | value |', '|---|---|');
  const leaves: { path: string; value: string }[] = [];
  for (const [name, value] of Object.entries(steps[0].vars)) flattenValue(value, name, leaves);
  for (const leaf of leaves) lines.push(`| \`${leaf.path}\` | ${escapeCell(leaf.value)} |`);
  lines.push('');
  const lasso = artifact.lasso;
  if (lasso && lasso.trigger === 0 && lasso.loop === 0 && steps.length === 1) lines.push(loopLine(lasso.loop, steps.length - 1, lasso.bounded), '');
  for (let i = 1; i < steps.length; i++) {
    const last = i === steps.length - 1;
    if (lasso && i - 1 === lasso.trigger && lasso.trigger > 0) lines.push(`_From state ${lasso.trigger} on, \`${artifact.property}\`'s goal never holds again._`, '');
    if (lasso && i - 1 === lasso.loop) lines.push(loopLine(lasso.loop, steps.length - 1, lasso.bounded, lasso.shift), '');
    lines.push(`## Step ${i}: ${steps[i].actionText}${last && !lasso ? ' ⚠' : last ? ' ↺' : ''}`, '');
    const changes = diffVariables(steps[i - 1].vars, steps[i].vars);
    if (changes.length === 0) lines.push('_No variable changed._');
    for (const change of changes) lines.push(`- \`${change.path}\`: ${change.before} → **${change.after}**`);
    lines.push('');
  }
  if (lasso && lasso.loop === steps.length - 1 && steps.length > 1) lines.push(loopLine(lasso.loop, steps.length - 1, lasso.bounded), '');
  lines.push('## Verdict', '');
  lines.push(
    lasso
      ? lasso.bounded !== undefined
        ? `Undecided within the bounds: this behaviour never satisfies \`${artifact.property}\` only because ${lasso.bounded} refuses a fair action on its loop (the end of the explored world). Raise the bound to decide it. ${artifact.doc}`
        : lassoVerdict(artifact.property, artifact.doc, lasso.loop, steps.length - 1)
      : artifact.propertyKind === 'always'
      ? `After step ${steps.length - 1}, \`${artifact.property}\` no longer holds: ${artifact.doc}`
      : `Step ${steps.length - 1} breaks \`${artifact.property}\`: ${artifact.doc}`,
  );
  if (artifact.consequence) lines.push('', artifact.consequence);
  lines.push('');
  return lines.join('\n');
}

/** Where a lasso's loop starts, in the report (stuttering when the loop is empty). */
function loopLine(loop: number, last: number, bounded: string | undefined, shift?: string): string {
  if (bounded !== undefined) return `## ↺ Loop: from state ${loop} the model stops only because ${bounded} refuses a fair action — a bound, not a liveness violation`;
  return loop === last
    ? `## ↺ Loop: from state ${loop} the behaviour stutters forever (no fair action is enabled there)`
    : shift !== undefined
      ? `## ↺ Loop starts at state ${loop}: steps ${loop + 1}–${last} repeat forever (state ${last} is state ${loop} up to a shift: ${shift} — the model's liveness quotient, a bisimulation, so the same steps apply again)`
      : `## ↺ Loop starts at state ${loop}: steps ${loop + 1}–${last} repeat forever (state ${last} is state ${loop} again)`;
}

export function lassoVerdict(property: string, doc: string, loop: number, last: number): string {
  const cycle = loop === last ? `stuttering at state ${loop}` : `repeating steps ${loop + 1}–${last}`;
  return `This fair behaviour never satisfies \`${property}\`: after the prefix it keeps ${cycle} forever, and every fair action enabled throughout the loop is taken in it. ${doc}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
