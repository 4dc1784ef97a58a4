// `kcheck explore` in headless Chromium: the page lists enabled and greyed disabled actions, clicking one steps,
// Back returns exactly the previous state, the permalink reopens the same state, a loaded trace opens at its
// violating state; and the server binds 127.0.0.1 only and answers a bad path with a 400 naming the problem.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../wiring/registry.ts';
import { openExplorer } from '../../src/cli/explore-command.ts';
import { runCli } from '../cli/run-cli.ts';
import { hasChromium, launch, screenshotDir } from './browser.ts';

async function ready(page: Page, depth: number): Promise<void> {
  // A string, so the test's TypeScript (no DOM lib) never sees `document`.
  await page.waitForFunction(`document.body.getAttribute('data-depth') === '${depth}' && document.body.getAttribute('data-ready') === '1'`);
}

describe.skipIf(!hasChromium)('kcheck explore in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('steps, goes back to the same state, and keeps a permalink of the path', async () => {
    const server = await openExplorer(registry, ['replication', '--preset', 'hw-truncation', '--port', '0']);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(server.url);
      await ready(page, 0);
      const enabled = page.locator('#actions button:not([disabled])');
      expect(await enabled.count()).toBeGreaterThan(0);
      expect(await page.locator('#actions button[disabled]').count()).toBeGreaterThan(0);
      await enabled.first().click();
      await ready(page, 1);
      const afterOne = await page.innerHTML('#picture');
      const diffOne = await page.innerHTML('#diff');
      await page.locator('#actions button:not([disabled])').nth(1).click();
      await ready(page, 2);
      expect(await page.innerHTML('#picture')).not.toBe(afterOne);
      const hash = new URL(page.url()).hash;
      expect(hash).toMatch(/^#path=\d+\.\d+$/);
      const two = await page.innerHTML('#picture');
      await page.click('#back');
      await ready(page, 1);
      expect(await page.innerHTML('#picture')).toBe(afterOne);
      expect(await page.innerHTML('#diff')).toBe(diffOne);
      // The permalink reopens the two-step state in a fresh page.
      const again = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await again.goto(`${server.url}${hash}`);
      await ready(again, 2);
      expect(await again.innerHTML('#picture')).toBe(two);
      await again.close();
      await page.close();
      const bad = await fetch(`${server.url}api/state?path=0.999`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/does not replay: step 2: action #999 does not exist/);
    } finally {
      await server.close();
    }
  });

  it('opens a stored trace at its violating state', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kcheck-explore-'));
    const run = await runCli('check', 'kraft-quorum', '--preset', 'no-log-check', '--out', out, '--format', 'json');
    const trace = JSON.parse(run.out).violations[0].trace as string;
    const server = await openExplorer(registry, ['kraft-quorum', '--trace', trace, '--port', '0']);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(server.url);
      await ready(page, 12);
      expect(await page.locator('#props .prop.broken').allTextContents()).toEqual(['✗ leader-completeness']);
      expect(await page.locator('#seq .sequence .event').count()).toBe(12);
      await page.keyboard.press('k');
      await ready(page, 11);
      expect(await page.locator('#props .prop.broken').count()).toBe(0);
      await page.screenshot({ path: join(screenshotDir(), 'explore.kraft-quorum.no-log-check.png'), fullPage: true });
      await page.close();
    } finally {
      await server.close();
    }
  });
});

// Input errors need no browser.
describe('kcheck explore input', () => {
  it('rejects bad input with one line and a stable code', async () => {
    expect((await runCli('explore', 'no-such-model')).err).toMatch(/unknown model 'no-such-model'; valid models: .* \[KC_UNKNOWN_MODEL\]/);
    expect((await runCli('explore', 'replication', '--port', '70000')).err).toMatch(/--port must be at most 65535, got 70000 \[KC_BAD_OPTION\]/);
    const missing = await runCli('explore', 'replication', '--trace', '/nonexistent.itf.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read trace file \/nonexistent.itf.json.*\[KC_BAD_TRACE\]/);
  });

  it('rejects a trace of another model with one line', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kcheck-explore-'));
    const run = await runCli('check', 'zk-controller', '--preset', 'no-epoch-fencing', '--out', out, '--format', 'json');
    const trace = JSON.parse(run.out).violations[0].trace as string;
    const bad = await runCli('explore', 'replication', '--trace', trace);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/is a trace of zk-controller, not replication; run kcheck explore zk-controller --trace .* \[KC_BAD_TRACE\]/);
  });
});
