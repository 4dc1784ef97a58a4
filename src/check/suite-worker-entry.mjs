// Bootstrap of a `kcheck suite` worker when no plain-JS bundle could be built: a worker thread does not inherit the
// main thread's tsx loader, so register tsx here, then run the TypeScript worker. Plain .mjs so Node can start it.
import { register } from 'tsx/esm/api';

register();
const { runWorker } = await import('./suite-worker.ts');
await runWorker((url) => import(url));
