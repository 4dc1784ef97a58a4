// Builds the worker as one plain-JS ES module (esbuild, which tsx already depends on): the registry module and
// worker-main.ts bundled together, so a worker starts in ~0.1 s instead of ~0.5-1 s registering tsx and loading
// every .ts file through its own loader thread. Any failure returns null and the tsx bootstrap is used instead.

import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A `data:` URL of the bundled worker for this registry module, or null (no esbuild, not a file URL, build error). */
export async function bundleWorker(moduleUrl: string): Promise<URL | null> {
  if (!moduleUrl.startsWith('file:')) return null;
  try {
    const { build } = await import('esbuild');
    const registryPath = fileURLToPath(moduleUrl);
    const workerMain = fileURLToPath(new URL('./worker-main.ts', import.meta.url));
    const entry = [
      `import * as registryModule from ${JSON.stringify(registryPath)};`,
      `import { runWorker } from ${JSON.stringify(workerMain)};`,
      `await runWorker(async () => registryModule);`,
    ].join('\n');
    const result = await build({
      stdin: { contents: entry, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          // Each file keeps its own import.meta.url (code may locate data files next to itself).
          name: 'pin-import-meta-url',
          setup(plugin) {
            plugin.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
              const text = await readFile(args.path, 'utf8');
              return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
            });
          },
        },
      ],
    });
    return new URL(`data:text/javascript,${encodeURIComponent(result.outputFiles[0].text)}`);
  } catch {
    return null;
  }
}
