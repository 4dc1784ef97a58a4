// The CLI process that bin/kcheck.js starts: registers tsx's loader so the TypeScript sources run directly, then
// starts the CLI. Run it directly only when no signal forwarding is wanted.
import { register } from 'tsx/esm/api';

register();
await import('./kcheck.ts');
