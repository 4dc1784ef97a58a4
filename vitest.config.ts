// Vitest configuration: tests live beside the code they test (`*.test.ts`) and under test/. The aliases let the
// examples import the package by name ('kcheck', 'kcheck/kafka', 'kcheck/vitest') from the sources, as tsconfig does.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^kcheck$/, replacement: here('./src/index.ts') },
      { find: /^kcheck\/kafka$/, replacement: here('./wiring/kafka.ts') },
      { find: /^kcheck\/vitest$/, replacement: here('./src/vitest/index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'model/**/*.test.ts', 'properties/**/*.test.ts', 'wiring/**/*.test.ts', 'calibration/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
