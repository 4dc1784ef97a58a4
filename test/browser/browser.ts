// Test helper: headless Chromium through playwright-core with the system browser (no download). Browser tests
// skip, saying why, only when /usr/bin/chromium is absent locally; CI (.ci/run) installs it first.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Where screenshots go: a test artifact under reports/ (git-ignored). */
export function screenshotDir(): string {
  const dir = 'reports/screenshots';
  mkdirSync(dir, { recursive: true });
  return dir;
}
