// Worker bootstrap for parallel BFS when no plain-JS bundle could be built (see bundle-worker.ts): a worker thread
// does not inherit the main thread's tsx loader (bin/kcheck.js registers it on the main thread only, vitest
// transforms only its own process), so register tsx here, then run the worker: compiled JavaScript in the package,
// TypeScript in a checkout. tsx is registered either way, since a user's model may be TypeScript. Plain .mjs.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const compiled = new URL('./worker-main.js', import.meta.url);
const { runWorker } = await import(existsSync(compiled) ? compiled.href : './worker-main.ts');
await runWorker((url) => import(url));
