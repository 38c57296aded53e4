// Unit tests only: Playwright's e2e/ is not vitest's. bench/ holds benchmarks
// (run with `npm run bench`) and the tests of its profile generator.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000,
  },
});
