// The trace page in headless Chromium, for each built-in model's showcase preset: one arrow per delivered
// message, the violating step highlighted, keyboard and #step=N moving the scrubber, the diff hiding unchanged
// values, no request leaving the page; a screenshot of each is kept under reports/screenshots.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { hasChromium, launch, screenshotDir } from './browser.ts';

const out = mkdtempSync(join(tmpdir(), 'kcheck-page-'));
const SHOWCASES: [string, string][] = [
  ['replication', 'hw-truncation'],
  ['zk-controller', 'no-epoch-fencing'],
  ['kraft-quorum', 'no-log-check'],
  ['kafka-spec', 'truncate-to-hw'],
  ['two-phase-commit', 'abort-after-prepare'],
];

describe.skipIf(!hasChromium)('trace page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(SHOWCASES)('%s --preset %s', async (model, preset) => {
    const run = await runCli('check', model, '--preset', preset, '--out', out, '--format', 'json');
    expect(run.code).toBe(1);
    const written = JSON.parse(run.out).violations[0];
    const itf = JSON.parse(readFileSync(written.trace, 'utf8'));
    const last = itf.states.length - 1;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${written.html}`);

    // Opens on the violating step, highlighted in the sequence diagram, the step list and the title.
    expect(await page.getAttribute('body', 'data-step')).toBe(String(last));
    expect(await page.locator('.sequence .row.violating').getAttribute('data-step')).toBe(String(last));
    expect(await page.locator('.sequence .row.violating').count()).toBe(1);
    expect(await page.locator('ol.steps li.violating').getAttribute('data-step')).toBe(String(last));
    expect(await page.textContent('#step-title')).toContain('broken here');
    expect(await page.locator('#props .prop.broken').allTextContents()).toContain(`✗ ${itf['#meta'].property}`);

    // One arrow per delivered message: Deliver / DeliverRequest / ApplyPartitionState / HandleAlterPartition
    // steps each take one message out of flight, plus the request/response exchanges drawn within a step.
    const deliveries = itf.states.filter((s: { '#meta': { action?: { type: string } } }) =>
      ['Deliver', 'DeliverRequest', 'ApplyPartitionState', 'HandleAlterPartition'].includes(s['#meta'].action?.type ?? ''),
    ).length;
    const exchanges = await page.locator('.sequence .arrow.exchange').count();
    expect(await page.locator('.sequence .arrow.delivered:not(.exchange)').count()).toBe(deliveries);
    expect(await page.locator('.sequence .arrow.delivered').count()).toBe(deliveries + exchanges);

    // Keyboard: k and ← go back, j and → forward; the hash follows; only the current picture shows.
    await page.keyboard.press('k');
    expect(await page.inputValue('#scrub')).toBe(String(last - 1));
    await page.keyboard.press('ArrowLeft');
    expect(await page.inputValue('#scrub')).toBe(String(last - 2));
    await page.keyboard.press('j');
    expect(await page.inputValue('#scrub')).toBe(String(last - 1));
    expect(new URL(page.url()).hash).toBe(`#step=${last - 1}`);
    expect(await page.locator('.picture:visible').getAttribute('data-step')).toBe(String(last - 1));
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('body', 'data-step')).toBe(String(last));

    // The diff shows what changed and hides the rest until asked.
    const changed = await page.locator('#diff tr.changed').count();
    expect(changed).toBeGreaterThan(0);
    expect(await page.locator('#diff tr.same:visible').count()).toBe(0);
    await page.check('#show-all');
    expect(await page.locator('#diff tr.same:visible').count()).toBeGreaterThan(0);

    // #step=N in the URL opens that step.
    await page.goto(`file://${written.html}#step=1`);
    expect(await page.inputValue('#scrub')).toBe('1');
    expect(await page.locator('#initial').getAttribute('open')).toBeNull();

    await page.goto(`file://${written.html}`);
    await page.screenshot({ path: join(screenshotDir(), `${model}.${preset}.png`), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    await page.close();
  });
});
