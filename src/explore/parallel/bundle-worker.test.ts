// The worker bundle: built from a registry module into plain JS that a worker starts without any loader, cached
// until one of its sources changes; anything that is not a file URL falls back (null) to the tsx bootstrap.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { bundleWorker } from './bundle-worker.ts';

describe('bundleWorker', () => {
  it('bundles the registry and worker into plain JS that starts without tsx', async () => {
    const url = await bundleWorker(new URL('./fixture-registry.ts', import.meta.url).href);
    expect(url?.protocol).toBe('file:');
    const text = readFileSync(fileURLToPath(url!), 'utf8');
    expect(text).toContain('function runWorker');
    expect(text).not.toContain('import.meta.url'); // pinned to each source file's own URL
    // Without workerData the worker reports a load error, which proves the bundle itself ran.
    const worker = new Worker(url!, { execArgv: [] });
    const message = await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(message).toMatchObject({ type: 'error', message: expect.stringMatching(/^worker could not load the model/) });
  });

  it('rebuilds the cached bundle when a source file changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcheck-bundle-test-'));
    try {
      const registry = join(dir, 'registry.ts');
      writeFileSync(registry, "export const registry = { models: [], commands: [], marker: 'first' };\n");
      const first = await bundleWorker(pathToFileURL(registry).href);
      expect(readFileSync(fileURLToPath(first!), 'utf8')).toContain('first');
      expect((await bundleWorker(pathToFileURL(registry).href))?.href).toBe(first!.href); // cached
      writeFileSync(registry, "export const registry = { models: [], commands: [], marker: 'second one' };\n");
      const second = await bundleWorker(pathToFileURL(registry).href);
      expect(readFileSync(fileURLToPath(second!), 'utf8')).toContain('second one');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('returns null for a module that is not a file', async () => {
    expect(await bundleWorker('https://example.com/registry.ts')).toBeNull();
  });
});
