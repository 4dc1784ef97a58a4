// Worker bootstrap for parallel BFS when no plain-JS bundle could be built (see bundle-worker.ts): a worker thread
// does not inherit the main thread's tsx loader (bin/kcheck.js registers it on the main thread only, vitest
// transforms only its own process), so register tsx here, then run the TypeScript worker. Plain .mjs so Node can
// start it without any loader.
import { register } from 'tsx/esm/api';

register();
const { runWorker } = await import('./worker-main.ts');
await runWorker((url) => import(url));
