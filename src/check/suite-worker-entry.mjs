// Bootstrap of a `kcheck suite` worker when no plain-JS bundle could be built: a worker thread does not inherit the
// main thread's tsx loader, so register tsx here (a user's model may be TypeScript), then run the worker: compiled
// JavaScript in the package, TypeScript in a checkout. Plain .mjs so Node can start it.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const compiled = new URL('./suite-worker.js', import.meta.url);
const { runWorker } = await import(existsSync(compiled) ? compiled.href : './suite-worker.ts');
await runWorker((url) => import(url));
