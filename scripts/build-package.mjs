// `npm run build`: compiles the sources to ESM JavaScript with .d.ts into dist/ (tsc rewrites the `.ts` import
// specifiers), then copies what tsc does not emit: the plain-.mjs worker bootstraps and the conformance vectors.
// The repository itself runs from TypeScript; dist/ is what the npm package ships.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, '-p', `${root}/tsconfig.build.json`], { stdio: 'inherit' });
for (const file of ['src/explore/parallel/worker-entry.mjs', 'src/check/suite-worker-entry.mjs']) cpSync(`${root}/${file}`, `${root}/dist/${file}`);
cpSync(`${root}/wiring/conformance/vectors`, `${root}/dist/wiring/conformance/vectors`, { recursive: true });
