// The worker bundle: built from a registry module as a data: URL that a worker can start without any loader;
// anything that is not a file URL falls back (null) to the tsx bootstrap.

import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { bundleWorker } from './bundle-worker.ts';

describe('bundleWorker', () => {
  it('bundles the registry and worker into plain JS that starts without tsx', async () => {
    const url = await bundleWorker(new URL('./fixture-registry.ts', import.meta.url).href);
    expect(url?.protocol).toBe('data:');
    const text = decodeURIComponent(url!.href.slice('data:text/javascript,'.length));
    expect(text).toContain('function runWorker');
    expect(text).not.toContain('import.meta.url'); // pinned to each source file's own URL
    // Without workerData the worker reports a load error, which proves the bundle itself ran.
    const worker = new Worker(url!, { execArgv: [] });
    const message = await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(message).toMatchObject({ type: 'error', message: expect.stringMatching(/^worker could not load the model/) });
  });

  it('returns null for a module that is not a file', async () => {
    expect(await bundleWorker('https://example.com/registry.ts')).toBeNull();
  });
});
