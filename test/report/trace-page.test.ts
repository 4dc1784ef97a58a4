// The trace page without a browser: for replication's hw-truncation counterexample the summary names the lost
// record, every step line names its consequence, the embedded JSON carries one entry per state with the
// properties at each, and the page loads nothing from the network.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';

describe('trace page', () => {
  it('tells what was lost and why on its first screen', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kcheck-html-'));
    const run = await runCli('check', 'replication', '--preset', 'hw-truncation', '--out', out, '--format', 'json');
    expect(run.code).toBe(1);
    const html = readFileSync(JSON.parse(run.out).violations[0].html, 'utf8');
    const summary = html.slice(html.indexOf('<section class="summary"'), html.indexOf('</section>'));
    expect(summary).toContain("Record a@0, committed at offset 0 (below broker 0's HW 1), is gone: broker 2, in the ISR [1, 2], no longer has it at offset 0; only brokers 0, 1 still hold it.");
    expect(summary).toContain('broker 2 truncates to offset 0, dropping a@0');
    expect(summary).toContain('seed 0; 7 action(s), a shortest counterexample');
    expect(html).toContain('→ controller elects broker 1 (from the ISR) in epoch 1; ISR [0, 1, 2] → [1, 2]');
    expect(html).toContain('→ broker 0 HW 0 → 1; a@0 is committed at offset 0; the producer is told a is written');
    const json = html.slice(html.indexOf('<script type="application/json" id="trace-data">') + 48, html.indexOf('</script>'));
    const data = JSON.parse(json);
    expect(data.steps).toHaveLength(8);
    expect(data.violating).toBe(7);
    expect(data.steps[7].holds).toContainEqual({ name: 'no-committed-message-loss', holds: false });
    expect(data.steps[6].holds.every((h: { holds: boolean }) => h.holds)).toBe(true);
    expect(html).not.toMatch(/<(link|img)\b|src="http|href="http/);
    expect(html.match(/<div class="picture"/g)).toHaveLength(8);
  });
});
