// The CLI process that bin/kcheck.js starts. In a checkout (the TypeScript sources are here) it registers tsx's
// loader and runs them directly; in the installed package, which ships only compiled JavaScript, it runs
// dist/bin/kcheck.js. Run it directly only when no signal forwarding is wanted.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./kcheck.ts', import.meta.url))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./kcheck.ts');
} else {
  await import('../dist/bin/kcheck.js');
}
