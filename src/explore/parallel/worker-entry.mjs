// Worker bootstrap for parallel BFS: a worker thread does not inherit the main thread's tsx loader (bin/kcheck.js
// registers it on the main thread only, vitest transforms only its own process), so register tsx here, then load
// the TypeScript worker. Plain .mjs so Node can start it without any loader.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
