// Builds the worker as one plain-JS ES module (esbuild, which tsx already depends on): the registry module and
// worker-main.ts bundled together, so a worker starts in ~0.1 s instead of ~0.5-1 s registering tsx and loading
// every .ts file through its own loader thread. The bundle is cached in the temp dir and reused while none of its
// source files changed. Any failure returns null and the tsx bootstrap is used instead.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { siblingModule } from './sibling-module.ts';

interface Input {
  readonly path: string;
  readonly mtimeMs: number;
  readonly size: number;
}

/**
 * A file URL of the bundled worker for this registry module, or null (no esbuild, not a file URL, build error).
 * `workerMain` exports `runWorker(importModule)`: the parallel BFS worker by default, or the suite's.
 */
export async function bundleWorker(moduleUrl: string, workerMainUrl = siblingModule('./worker-main.ts', import.meta.url)): Promise<URL | null> {
  if (!moduleUrl.startsWith('file:')) return null;
  try {
    const workerMain = fileURLToPath(workerMainUrl);
    const key = createHash('sha256').update(`${moduleUrl}\n${workerMain}`).digest('hex').slice(0, 16);
    const dir = join(tmpdir(), 'kcheck-workers');
    const file = join(dir, `worker-${key}.mjs`);
    if (unchanged(`${file}.inputs.json`)) return pathToFileURL(file);
    const { code, inputs } = await build(fileURLToPath(moduleUrl), workerMain);
    mkdirSync(dir, { recursive: true });
    // Written under temporary names, then renamed: a concurrent run never starts a half-written bundle.
    const scratch = `${file}.${process.pid}.tmp`;
    writeFileSync(scratch, code);
    renameSync(scratch, file);
    writeFileSync(scratch, JSON.stringify(inputs));
    renameSync(scratch, `${file}.inputs.json`);
    return pathToFileURL(file);
  } catch {
    return null;
  }
}

/** True when the cached bundle's recorded sources all still have their size and modification time. */
function unchanged(inputsFile: string): boolean {
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as Input[];
    return inputs.every((input) => {
      const stat = statSync(input.path);
      return stat.mtimeMs === input.mtimeMs && stat.size === input.size;
    });
  } catch {
    return false;
  }
}

async function build(registryPath: string, workerMain: string): Promise<{ code: string; inputs: Input[] }> {
  const { build: esbuild } = await import('esbuild');
  const entry = [
    `import * as registryModule from ${JSON.stringify(registryPath)};`,
    `import { runWorker } from ${JSON.stringify(workerMain)};`,
    `await runWorker(async () => registryModule);`,
  ].join('\n');
  const result = await esbuild({
    stdin: { contents: entry, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    absWorkingDir: '/',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        // Each file keeps its own import.meta.url (code may locate data files next to itself).
        name: 'pin-import-meta-url',
        setup(plugin) {
          plugin.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
            const text = await readFile(args.path, 'utf8');
            const loader = /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
            return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
          });
        },
      },
    ],
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((path) => path !== '<stdin>')
    .map((path) => {
      const absolute = join('/', path);
      const stat = statSync(absolute);
      return { path: absolute, mtimeMs: stat.mtimeMs, size: stat.size };
    });
  return { code: result.outputFiles[0].text, inputs };
}
