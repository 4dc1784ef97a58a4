// Vitest configuration: tests live beside the code they test (`*.test.ts`) and under test/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'model/**/*.test.ts', 'properties/**/*.test.ts', 'wiring/**/*.test.ts', 'calibration/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
