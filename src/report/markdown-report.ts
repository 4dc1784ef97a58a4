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
  for (let i = 1; i < steps.length; i++) {
    const last = i === steps.length - 1;
    lines.push(`## Step ${i}: ${steps[i].actionText}${last ? ' ⚠' : ''}`, '');
    const changes = diffVariables(steps[i - 1].vars, steps[i].vars);
    if (changes.length === 0) lines.push('_No variable changed._');
    for (const change of changes) lines.push(`- \`${change.path}\`: ${change.before} → **${change.after}**`);
    lines.push('');
  }
  lines.push('## Verdict', '');
  lines.push(
    artifact.propertyKind === 'always'
      ? `After step ${steps.length - 1}, \`${artifact.property}\` no longer holds: ${artifact.doc}`
      : `Step ${steps.length - 1} breaks \`${artifact.property}\`: ${artifact.doc}`,
  );
  if (artifact.consequence) lines.push('', artifact.consequence);
  lines.push('');
  return lines.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
